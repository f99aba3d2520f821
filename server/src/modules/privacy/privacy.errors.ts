import { defineErrors, ErrorCode } from '../../domain/errors.js';

export const privacyError = defineErrors({
  /** An erasure must say why (a subject's request, a retention rule …): 1 to 500 characters. */
  INVALID_REASON: ErrorCode.BAD_USER_INPUT,
});
