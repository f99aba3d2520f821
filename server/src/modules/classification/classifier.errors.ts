import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const classifierError = defineErrors({
  /** Two retrainings at once took the same version number; the later one may simply retry. */
  RETRAIN_CONFLICT: ErrorCode.CONFLICT,
});
