/**
 * The mail delivery workflow's contract: one long-lived workflow sweeps the notification
 * outbox and sends each PENDING row over SMTP through an idempotent activity, retried with
 * backoff; the last failure is recorded on the row.
 */

export const MAIL_DELIVERY_WORKFLOW = 'mailDelivery';
/** There is one: the business id is the purpose itself. */
export const MAIL_DELIVERY_WORKFLOW_ID = 'mail-delivery';

export interface MailDeliveryTimings {
  /** When the outbox was found empty, look again after this long. */
  intervalMs: number;
  /** Attempts per message (the first included) before it is recorded FAILED. */
  maxAttempts: number;
  /** Wait before the first retry; each next wait doubles, up to `retryMaximumMs`. */
  retryInitialMs: number;
  retryMaximumMs: number;
  /** Messages sent at once in one sweep. */
  batchSize: number;
  /** Continue as new after this many sweeps, so the history stays bounded. */
  sweepsPerExecution: number;
}

export const DEFAULT_MAIL_TIMINGS: MailDeliveryTimings = {
  intervalMs: 30_000,
  maxAttempts: 8,
  retryInitialMs: 30_000,
  retryMaximumMs: 30 * 60_000,
  batchSize: 20,
  sweepsPerExecution: 200,
};

export interface MailDeliveryInput {
  timings?: Partial<MailDeliveryTimings>;
}

/** What became of one message; `NOT_PENDING` when another run (or an operator) got there first. */
export type DeliveryOutcome = 'SENT' | 'BOUNCED' | 'SKIPPED' | 'NOT_PENDING';

export interface DeliverNotificationResult {
  notificationId: string;
  outcome: DeliveryOutcome;
}

/** ApplicationFailure types the mail activities raise. */
export const MailFailure = {
  /** The server deferred or could not be reached; retryable. */
  TEMPORARY: 'MailTemporaryFailure',
} as const;
