import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const inboundError = defineErrors({
  /** The webhook's Standard Webhooks signature is missing, wrong or too old. */
  BAD_SIGNATURE: ErrorCode.UNAUTHENTICATED,
  /** No signing secret is configured: the endpoint refuses everything rather than trust anyone. */
  NOT_CONFIGURED: ErrorCode.SERVICE_UNAVAILABLE,
  /** The body is signed but is not a Formbricks response event. */
  BAD_PAYLOAD: ErrorCode.BAD_USER_INPUT,
  INBOUND_EVENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  ALREADY_RESOLVED: ErrorCode.CONFLICT,
});
