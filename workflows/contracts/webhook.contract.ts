/**
 * The webhook delivery workflow's contract: one workflow per delivery and round, which sends
 * the event, waits with exponential backoff between failed attempts, and reports a delivery
 * that failed every attempt. Free of Node and ORM imports so the workflow bundle can include it.
 */

export const WEBHOOK_DELIVERY_WORKFLOW = 'webhookDelivery';

/** A delivery's id and round: a resumed subscription queues its deliveries again as a new round. */
export function webhookDeliveryWorkflowId(deliveryId: string, round: number): string {
  return `webhook-delivery-${deliveryId}-${round}`;
}

export interface WebhookDeliveryInput {
  deliveryId: string;
  /** Fixed when the workflow starts, so a change of settings never alters a running history. */
  maxAttempts: number;
  initialBackoffSeconds: number;
}

/**
 * What one attempt came to: `delivered`; `failed` (try again later); `held` (the subscription
 * is paused or the delivery is no longer pending: stop, resume queues it again).
 */
export type WebhookAttemptOutcome = 'delivered' | 'failed' | 'held';

export interface WebhookDeliveryResult {
  deliveryId: string;
  outcome: WebhookAttemptOutcome;
  attempts: number;
  /** The subscription was paused because of this failure. */
  paused: boolean;
}

/** Waiting time before attempt `n + 1` after `n` failed attempts (n ≥ 1). */
export function webhookBackoffMs(initialSeconds: number, failedAttempts: number): number {
  return initialSeconds * 1000 * 2 ** (failedAttempts - 1);
}

export const WebhookFailure = {
  DELIVERY_NOT_FOUND: 'WebhookDeliveryNotFound',
} as const;
