import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const valueError = defineErrors({
  FACTOR_NOT_FOUND: ErrorCode.NOT_FOUND,
  WEIGHT_SET_NOT_FOUND: ErrorCode.NOT_FOUND,
  SEGMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  FACTOR_CODE_TAKEN: ErrorCode.CONFLICT,
  WEIGHT_SET_IS_CURRENT: ErrorCode.CONFLICT,
  DUPLICATE_WEIGHT: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_WEIGHTS: ErrorCode.BAD_USER_INPUT,
  NO_CURRENT_WEIGHT_SET: ErrorCode.NOT_FOUND,
});
