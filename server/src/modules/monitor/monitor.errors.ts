import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** Error reasons of alerts and coverage. */
export const monitorError = defineErrors({
  ALERT_NOT_FOUND: ErrorCode.NOT_FOUND,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
  SEGMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  ALERT_CLOSED: ErrorCode.CONFLICT,
  NOTE_REQUIRED: ErrorCode.BAD_USER_INPUT,
  TEXT_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  INVALID_PERIOD: ErrorCode.BAD_USER_INPUT,
});
