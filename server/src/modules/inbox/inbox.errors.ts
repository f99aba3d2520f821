import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** Error reasons of staff inboxes. */
export const inboxError = defineErrors({
  ENTRY_NOT_FOUND: ErrorCode.NOT_FOUND,
});
