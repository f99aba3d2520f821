import { defineErrors, ErrorCode } from '../../../domain/errors.js';

/** Error reasons of the forecasts and margin at risk. */
export const forecastError = defineErrors({
  INVALID_HOLDOUT: ErrorCode.BAD_USER_INPUT,
  NOT_ENOUGH_HISTORY: ErrorCode.BAD_USER_INPUT,
  INVALID_PERIOD: ErrorCode.BAD_USER_INPUT,
});
