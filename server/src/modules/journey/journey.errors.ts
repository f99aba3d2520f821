import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const journeyError = defineErrors({
  PROCESS_CLASS_NOT_FOUND: ErrorCode.NOT_FOUND,
  TOUCHPOINT_NOT_FOUND: ErrorCode.NOT_FOUND,
  DEPARTMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  PROCESS_CLASS_CODE_TAKEN: ErrorCode.CONFLICT,
  TOUCHPOINT_TAKEN: ErrorCode.CONFLICT,
  PROCESS_CLASS_IN_USE: ErrorCode.CONFLICT,
  TOUCHPOINT_IN_USE: ErrorCode.CONFLICT,
});
