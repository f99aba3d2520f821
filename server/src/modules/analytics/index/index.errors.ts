import { defineErrors, ErrorCode } from '../../../domain/errors.js';

/** Error reasons of the satisfaction index, its calibration and the scale alignment. */
export const indexError = defineErrors({
  INVALID_PERIOD: ErrorCode.BAD_USER_INPUT,
  FUTURE_PERIOD: ErrorCode.BAD_USER_INPUT,
  ROUNDS_OUT_OF_RANGE: ErrorCode.BAD_USER_INPUT,
  NO_DATA_TO_FIT: ErrorCode.BAD_USER_INPUT,
  NO_CURRENT_WEIGHT_SET: ErrorCode.NOT_FOUND,
  WEIGHT_SET_NOT_FOUND: ErrorCode.NOT_FOUND,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
});
