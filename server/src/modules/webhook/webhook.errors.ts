import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** Error reasons of outbound webhooks. */
export const webhookError = defineErrors({
  SUBSCRIPTION_NOT_FOUND: ErrorCode.NOT_FOUND,
  DELIVERY_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVALID_URL: ErrorCode.BAD_USER_INPUT,
  PRIVATE_ADDRESS: ErrorCode.BAD_USER_INPUT,
  UNRESOLVABLE_HOST: ErrorCode.BAD_USER_INPUT,
  NO_EVENT_TYPES: ErrorCode.BAD_USER_INPUT,
  NOT_PAUSED: ErrorCode.CONFLICT,
  ALREADY_PAUSED: ErrorCode.CONFLICT,
});
