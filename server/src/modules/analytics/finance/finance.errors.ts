import { defineErrors, ErrorCode } from '../../../domain/errors.js';

/** Error reasons of the finance linkage and the computable/trigger share. */
export const financeError = defineErrors({
  INVALID_WINDOW: ErrorCode.BAD_USER_INPUT,
  SEGMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
});
