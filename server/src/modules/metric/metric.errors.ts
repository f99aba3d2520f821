import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const metricError = defineErrors({
  METRIC_NOT_FOUND: ErrorCode.NOT_FOUND,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
  PROCESS_CLASS_NOT_FOUND: ErrorCode.NOT_FOUND,
  FACTOR_NOT_FOUND: ErrorCode.NOT_FOUND,
  METRIC_CODE_TAKEN: ErrorCode.CONFLICT,
  METRIC_HAS_OBSERVATIONS: ErrorCode.CONFLICT,
  CHANNEL_WITHOUT_TRIGGER: ErrorCode.BAD_USER_INPUT,
  PERIOD_RANGE_REVERSED: ErrorCode.BAD_USER_INPUT,
});
