import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import {
  ForeignKeyConstraintViolationException,
  NotFoundError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { commonError, DomainError, ErrorCode } from '../domain/errors.js';
import { TOO_MANY_TOKENS } from './limits.js';

function describeValidation(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const pathName = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) ? `${pathName}${m.slice(e.property.length)}` : `${pathName}: ${m}`,
    );
    return [...own, ...describeValidation(e.children ?? [], pathName)];
  });
}

interface GraphQLErrorLike {
  message: string;
  originalError?: unknown;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * graphql-js ships CJS and ESM builds; Apollo and our code may hold different copies,
 * so GraphQL errors are recognised by shape, never by `instanceof`.
 */
function isGraphQLErrorLike(error: unknown): error is GraphQLErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    'locations' in error &&
    'extensions' in error &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function isArgumentValidationError(
  error: unknown,
): error is { extensions: { validationErrors: ValidationError[] } } {
  return (
    isGraphQLErrorLike(error) &&
    Array.isArray(
      (error.extensions as { validationErrors?: unknown } | undefined)?.validationErrors,
    )
  );
}

/** Apollo protocol errors whose message is a bare name; clients key on the code, people read this. */
const PROTOCOL_MESSAGES: Record<string, string> = {
  PERSISTED_QUERY_NOT_SUPPORTED:
    'Persisted queries are not supported by this server: send the whole document as `query`.',
};

/**
 * The one place where any thrown error becomes what a GraphQL client sees.
 * Unknown errors are logged and masked: no stack, no SQL, no ids of other rows.
 */
export function toGraphQLError(
  error: unknown,
  log: (e: unknown) => void = console.error,
  /** The code Apollo gave the formatted error, if any. */
  transportCode?: unknown,
): GraphQLError {
  const wrapper = isGraphQLErrorLike(error) ? error : undefined;
  const original = wrapper?.originalError ?? error;
  const path = wrapper?.path;
  const make = (message: string, extensions: Record<string, unknown>) =>
    new GraphQLError(message, { path, extensions });

  if (original instanceof DomainError) {
    return make(original.message, {
      code: original.code,
      reason: original.reason,
      ...(original.field ? { field: original.field } : {}),
    });
  }
  if (isArgumentValidationError(original)) {
    const details = describeValidation(original.extensions.validationErrors);
    return make(`Invalid input: ${details.join('; ')}`, {
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'VALIDATION_FAILED',
      details,
    });
  }
  if (original instanceof UniqueConstraintViolationException) {
    return make('A record with the same unique key already exists.', {
      code: ErrorCode.CONFLICT,
      reason: 'DUPLICATE',
    });
  }
  if (original instanceof ForeignKeyConstraintViolationException) {
    return make('The change refers to a record that does not exist or is still referenced.', {
      code: ErrorCode.CONFLICT,
      reason: 'REFERENCED',
    });
  }
  if (original instanceof NotFoundError) {
    return make('The requested record does not exist.', {
      code: ErrorCode.NOT_FOUND,
      reason: 'NOT_FOUND',
    });
  }
  const tokens = isGraphQLErrorLike(original) ? TOO_MANY_TOKENS.exec(original.message) : null;
  if (tokens) {
    const limit = tokens[1]!;
    return toGraphQLError(
      commonError(
        'TOO_MANY_TOKENS',
        `The query is too long: at most ${limit} tokens (names, punctuation and values). ` +
          'Send values as variables.',
      ),
    );
  }
  if (isGraphQLErrorLike(original) && !original.originalError) {
    // Errors about the document or variables (parse, validation, coercion): safe and precise.
    // Apollo names their class (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED…) on the formatted error.
    // Requests refused before execution (e.g. a bad API token) carry their reason too.
    const code = original.extensions?.code ?? transportCode;
    const reason = original.extensions?.reason;
    return make(PROTOCOL_MESSAGES[String(code)] ?? original.message, {
      code:
        typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR
          ? code
          : ErrorCode.BAD_USER_INPUT,
      ...(typeof reason === 'string' ? { reason } : {}),
    });
  }
  log(original);
  return make('Internal server error.', { code: ErrorCode.INTERNAL_SERVER_ERROR });
}

/** Apollo's `formatError`: every error leaves through `toGraphQLError`. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const mapped = toGraphQLError(error, console.error, formatted.extensions?.code).toJSON();
  return { ...mapped, ...(formatted.locations ? { locations: formatted.locations } : {}) };
}
