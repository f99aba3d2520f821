import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, ErrorCode } from '../../server/src/domain/errors.js';
import { WebhookDeliveryService } from '../../server/src/modules/webhook/webhook-delivery.service.js';
import { WebhookFailure, type WebhookAttemptOutcome } from '../contracts/webhook.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** A delivery removed with its subscription will not come back by retrying. */
async function orGone<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
      throw ApplicationFailure.nonRetryable(error.message, WebhookFailure.DELIVERY_NOT_FOUND);
    }
    throw error;
  }
}

/** Activities of webhook delivery (the same service the API's dispatcher uses). */
export function createWebhookActivities(deps: ActivityDeps) {
  const contextFor = activityContexts(deps);
  const actor = (deliveryId: string) => `workflow:webhook-delivery-${deliveryId}`;
  return {
    /** One HTTP attempt, recorded on the delivery. */
    async attemptWebhookDelivery({
      deliveryId,
    }: {
      deliveryId: string;
    }): Promise<WebhookAttemptOutcome> {
      const ctx = contextFor(actor(deliveryId));
      return orGone(() => ctx.service(WebhookDeliveryService).attempt(deliveryId));
    },

    /** Every attempt failed: marks the delivery failed; may pause the subscription. */
    async failWebhookDelivery({
      deliveryId,
    }: {
      deliveryId: string;
    }): Promise<{ paused: boolean }> {
      const ctx = contextFor(actor(deliveryId));
      return orGone(() => ctx.service(WebhookDeliveryService).fail(deliveryId));
    },
  };
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
