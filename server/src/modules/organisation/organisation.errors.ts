import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const organisationError = defineErrors({
  DEPARTMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  USER_NOT_FOUND: ErrorCode.NOT_FOUND,
  DEPARTMENT_CODE_TAKEN: ErrorCode.CONFLICT,
  USER_EMAIL_TAKEN: ErrorCode.CONFLICT,
});
