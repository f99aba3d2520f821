import { defineErrors, ErrorCode } from '../../domain/errors.js';

/** The most rows one import call takes; larger files are split by the integrator. */
export const MAX_IMPORT_ROWS = 10_000;

/** Failures of a whole import call (nothing is written). Per-row refusals are `RowErrorCode`s. */
export const importError = defineErrors({
  TOO_MANY_ROWS: ErrorCode.BAD_USER_INPUT,
  /** A file import stopped: malformed CSV or JSON, or a CSV header without a required column. */
  UNREADABLE_FILE: ErrorCode.BAD_USER_INPUT,
  /** A file import named no known kind or format. */
  UNKNOWN_KIND: ErrorCode.BAD_USER_INPUT,
});

/**
 * Why one row was refused (`ImportRowError.code`). A stable vocabulary integrators can
 * switch on; the message says the same in words.
 */
export const RowErrorCode = {
  /** A required value is empty. */
  REQUIRED: 'REQUIRED',
  /** Malformed, e.g. a period that is not `YYYY-MM`. */
  INVALID_FORMAT: 'INVALID_FORMAT',
  /** A number outside its scale or not finite; an unknown language. */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  TOO_LONG: 'TOO_LONG',
  /** A period after the current month, or a receipt time in the future. */
  IN_FUTURE: 'IN_FUTURE',
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  METRIC_NOT_FOUND: 'METRIC_NOT_FOUND',
  CONTACT_NOT_FOUND: 'CONTACT_NOT_FOUND',
  CONTACT_NOT_IN_ACCOUNT: 'CONTACT_NOT_IN_ACCOUNT',
  CONTACT_AMBIGUOUS: 'CONTACT_AMBIGUOUS',
  RESPONDENT_CLASS_MISMATCH: 'RESPONDENT_CLASS_MISMATCH',
  EMPTY_FEEDBACK: 'EMPTY_FEEDBACK',
  /** An earlier row of the same call has this externalId; only the first is considered. */
  DUPLICATE_IN_BATCH: 'DUPLICATE_IN_BATCH',
  /** Another record (another externalId, or none) already holds this metric/account/period. */
  NATURAL_KEY_TAKEN: 'NATURAL_KEY_TAKEN',
  /** The externalId exists for another metric/account/period; an import does not move records. */
  KEY_CHANGED: 'KEY_CHANGED',
  /** The externalId already belongs to feedback of another account. */
  EXTERNAL_ID_REUSED: 'EXTERNAL_ID_REUSED',
  /** `invitationReference` names no survey invitation. */
  INVITATION_NOT_FOUND: 'INVITATION_NOT_FOUND',
  /** The invitation went to another account or contact, was held back, or is answered already. */
  INVITATION_MISMATCH: 'INVITATION_MISMATCH',
} as const;
export type RowErrorCode = (typeof RowErrorCode)[keyof typeof RowErrorCode];
