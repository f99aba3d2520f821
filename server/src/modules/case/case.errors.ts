import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** Error reasons of cases for unhappy feedback. */
export const caseError = defineErrors({
  CASE_NOT_FOUND: ErrorCode.NOT_FOUND,
  DEPARTMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  USER_NOT_FOUND: ErrorCode.NOT_FOUND,
  EMPTY_NOTE: ErrorCode.BAD_USER_INPUT,
  NOTE_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  NOTHING_TO_CHANGE: ErrorCode.BAD_USER_INPUT,
  ALREADY_RESPONDED: ErrorCode.CONFLICT,
  ALREADY_RESOLVED: ErrorCode.CONFLICT,
  USER_INACTIVE: ErrorCode.BAD_USER_INPUT,
});
