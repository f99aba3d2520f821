/** Outbound webhooks (CX_WEBHOOK_*). */
export interface WebhookSettings {
  /** Allow subscriber URLs on private, link-local or loopback addresses (tests, closed networks). */
  allowPrivate: boolean;
  /** Attempts per delivery before it counts as failed. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for every further one. */
  initialBackoffSeconds: number;
  /** A subscription is paused after this many deliveries in a row failed. */
  pauseAfterFailures: number;
  /** How long one HTTP attempt may take. */
  requestTimeoutMs: number;
  /** How often the API process looks for new events in the audit trail. */
  pollMs: number;
  /**
   * How far back each poll re-reads the audit trail. Rows are deduplicated per subscription,
   * so re-reading is harmless, and a row committed late (a slow transaction) is still seen.
   */
  lookbackSeconds: number;
}

type Reader = (env: NodeJS.ProcessEnv, name: string, fallback: number) => number;

export function loadWebhookSettings(
  env: NodeJS.ProcessEnv,
  positive: Reader,
  bool: (env: NodeJS.ProcessEnv, name: string, fallback: boolean) => boolean,
): WebhookSettings {
  return {
    allowPrivate: bool(env, 'CX_WEBHOOK_ALLOW_PRIVATE', false),
    maxAttempts: positive(env, 'CX_WEBHOOK_MAX_ATTEMPTS', 6),
    initialBackoffSeconds: positive(env, 'CX_WEBHOOK_BACKOFF_SECONDS', 30),
    pauseAfterFailures: positive(env, 'CX_WEBHOOK_PAUSE_AFTER_FAILURES', 5),
    requestTimeoutMs: positive(env, 'CX_WEBHOOK_TIMEOUT_MS', 10_000),
    pollMs: positive(env, 'CX_WEBHOOK_POLL_MS', 2_000),
    lookbackSeconds: positive(env, 'CX_WEBHOOK_LOOKBACK_SECONDS', 600),
  };
}
