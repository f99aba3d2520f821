import { proxyActivities, sleep } from '@temporalio/workflow';
import type { WebhookActivities } from './activities/webhook.activities.js';
import {
  webhookBackoffMs,
  WebhookFailure,
  type WebhookDeliveryInput,
  type WebhookDeliveryResult,
} from './contracts/webhook.contract.js';

// Each activity run is one HTTP attempt at most and records it; the activity's own retries are
// for the hub's failures (database, worker crash), never for the receiver's, which the loop
// below paces. A retried activity may send twice: receivers dedupe by `webhook-id`.
const { attemptWebhookDelivery, failWebhookDelivery } = proxyActivities<WebhookActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [WebhookFailure.DELIVERY_NOT_FOUND],
  },
});

/**
 * One delivery: attempts with exponential backoff between them, until one succeeds, the
 * subscription is paused (the delivery is held for the resume), or the last one fails — then
 * the delivery is marked failed, which may pause the subscription and tell its owner.
 */
export async function webhookDelivery(input: WebhookDeliveryInput): Promise<WebhookDeliveryResult> {
  const { deliveryId } = input;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptWebhookDelivery({ deliveryId });
    if (outcome !== 'failed') return { deliveryId, outcome, attempts: attempt, paused: false };
    if (attempt >= input.maxAttempts) {
      const { paused } = await failWebhookDelivery({ deliveryId });
      return { deliveryId, outcome, attempts: attempt, paused };
    }
    await sleep(webhookBackoffMs(input.initialBackoffSeconds, attempt));
  }
}
