import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const maturityError = defineErrors({
  DUPLICATE_CRITERION: ErrorCode.BAD_USER_INPUT,
});
