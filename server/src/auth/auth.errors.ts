import { defineErrors, ErrorCode } from '../domain/errors.js';

/** Why access was refused. The messages name the operation or field, never a row. */
export const authError = defineErrors({
  /** Nobody is signed in and the operation is not public. */
  SIGN_IN_REQUIRED: ErrorCode.UNAUTHENTICATED,
  /** The signed-in user's role may not call the operation. */
  ROLE_NOT_ALLOWED: ErrorCode.FORBIDDEN,
  /** The API token lacks every scope the operation accepts. */
  SCOPE_MISSING: ErrorCode.FORBIDDEN,
  /** The viewer may call the operation, but not with these arguments (e.g. as someone else). */
  ARGUMENT_NOT_ALLOWED: ErrorCode.FORBIDDEN,
  /** A non-null field the viewer may not read. */
  FIELD_NOT_ALLOWED: ErrorCode.FORBIDDEN,
  /** A non-null reference to a row outside the viewer's rows. */
  ROW_NOT_VISIBLE: ErrorCode.FORBIDDEN,
});
