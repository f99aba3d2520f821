import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const requirementError = defineErrors({
  REQUIREMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
  PROCESS_CLASS_NOT_FOUND: ErrorCode.NOT_FOUND,
});
