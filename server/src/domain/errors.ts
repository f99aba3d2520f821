/** The `extensions.code` values a client can rely on; the domain names them, the transport maps them. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Too many requests in the window; HTTP 429 with Retry-After. */
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * An expected failure of a domain operation. `reason` is the module's own code
 * (e.g. `ACCOUNT_NOT_FOUND`), `code` the transport-level class it maps to.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Declares a module's error codes and the class each maps to, and returns the
 * factory the module throws with: `throw feedbackError('ACCOUNT_NOT_FOUND', '…')`.
 */
export function defineErrors<Reason extends string>(table: Record<Reason, ErrorCode>) {
  const factory = (reason: Reason, message: string, field?: string) =>
    new DomainError(table[reason], reason, message, field);
  factory.table = table;
  return factory;
}

export const commonError = defineErrors({
  INVALID_ID: ErrorCode.BAD_USER_INPUT,
  INVALID_CHARACTERS: ErrorCode.BAD_USER_INPUT,
  INVALID_CURSOR: ErrorCode.BAD_USER_INPUT,
  PAGE_TOO_LARGE: ErrorCode.BAD_USER_INPUT,
  VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  NOT_FOUND: ErrorCode.NOT_FOUND,
  DUPLICATE: ErrorCode.CONFLICT,
  REFERENCED: ErrorCode.CONFLICT,
  PAYLOAD_TOO_LARGE: ErrorCode.PAYLOAD_TOO_LARGE,
  MALFORMED_REQUEST: ErrorCode.BAD_USER_INPUT,
  // Limits on the request itself (server/src/graphql/limits.ts, server/src/http/rate-limit.ts).
  QUERY_TOO_DEEP: ErrorCode.BAD_USER_INPUT,
  QUERY_TOO_COSTLY: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_ALIASES: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_DIRECTIVES: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_TOKENS: ErrorCode.BAD_USER_INPUT,
  INTROSPECTION_DISABLED: ErrorCode.BAD_USER_INPUT,
  RATE_LIMITED: ErrorCode.RATE_LIMITED,
});
