import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** Error reasons of the scheduled analysis (Pareto of dissatisfaction). */
export const analyseError = defineErrors({
  INVALID_PERIOD: ErrorCode.BAD_USER_INPUT,
  FUTURE_PERIOD: ErrorCode.BAD_USER_INPUT,
  INVALID_CUT: ErrorCode.BAD_USER_INPUT,
});
