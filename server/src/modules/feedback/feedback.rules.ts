/**
 * Pure feedback rules shared by `submitFeedback` and the bulk feedback import, so both
 * accept and refuse the same items with the same words.
 */

/** Long enough for a detailed claim; anything longer is an attachment, not feedback text. */
export const MAX_FEEDBACK_TEXT = 20_000;

/** A minute of clock skew between the client's system and ours is normal. */
export const FUTURE_TOLERANCE_MS = 60_000;

export const FEEDBACK_LANGUAGES: readonly string[] = ['ru', 'en'];

export type FeedbackRuleReason =
  'EMPTY_FEEDBACK' | 'RECEIVED_IN_FUTURE' | 'OUT_OF_RANGE' | 'TOO_LONG' | 'INVALID_VALUE';

export interface FeedbackRuleViolation {
  reason: FeedbackRuleReason;
  field: string;
  message: string;
}

export interface FeedbackContent {
  npsScore?: number | null;
  csiScore?: number | null;
  cesScore?: number | null;
  text?: string | null;
  receivedAt?: Date | null;
}

/** Stored form of a feedback text: trimmed, and blank means none. */
export function normaliseFeedbackText(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

/** Domain rules on the content as a whole (the mutation checks these after input validation). */
export function feedbackContentViolations(
  input: FeedbackContent,
  now: Date = new Date(),
): FeedbackRuleViolation[] {
  const violations: FeedbackRuleViolation[] = [];
  if (
    input.npsScore == null &&
    input.csiScore == null &&
    input.cesScore == null &&
    !normaliseFeedbackText(input.text)
  ) {
    violations.push({
      reason: 'EMPTY_FEEDBACK',
      field: 'text',
      message: 'Feedback needs a score (NPS, CSI or CES) or a text.',
    });
  }
  if (input.receivedAt && input.receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    violations.push({
      reason: 'RECEIVED_IN_FUTURE',
      field: 'receivedAt',
      message: 'receivedAt cannot be in the future.',
    });
  }
  return violations;
}

/**
 * Ranges of the scales, text length and language: what the mutation's input class
 * declares with class-validator, as a function for callers that validate row by row.
 */
export function feedbackValueViolations(
  input: FeedbackContent & { language?: string | null },
): FeedbackRuleViolation[] {
  const violations: FeedbackRuleViolation[] = [];
  const range = (
    field: string,
    value: number | null | undefined,
    min: number,
    max: number,
    integer: boolean,
  ) => {
    if (value == null) return;
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      const kind = integer ? 'a whole number ' : '';
      violations.push({
        reason: 'OUT_OF_RANGE',
        field,
        message: `${field} must be ${kind}between ${min} and ${max}`,
      });
    }
  };
  range('npsScore', input.npsScore, 0, 10, true);
  range('csiScore', input.csiScore, 0, 100, false);
  range('cesScore', input.cesScore, 1, 7, false);
  if (input.text != null && input.text.length > MAX_FEEDBACK_TEXT) {
    violations.push({
      reason: 'TOO_LONG',
      field: 'text',
      message: `text must be at most ${MAX_FEEDBACK_TEXT} characters; attach longer documents elsewhere`,
    });
  }
  if (input.language != null && !FEEDBACK_LANGUAGES.includes(input.language)) {
    violations.push({
      reason: 'INVALID_VALUE',
      field: 'language',
      message: 'language must be ru or en',
    });
  }
  return violations;
}
