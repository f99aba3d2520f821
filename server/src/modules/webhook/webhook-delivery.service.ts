import { raw } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import type { Em } from '../../db/orm.js';
import { InboxKind } from '../initiative/initiative.enums.js';
import { InboxService } from '../inbox/inbox.service.js';
import type { WebhookAttemptOutcome } from '../../../../workflows/contracts/webhook.contract.js';
import { WebhookDelivery, type WebhookAttempt } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { WebhookDeliveryStatus, WebhookSubscriptionStatus } from './webhook.enums.js';
import { webhookError } from './webhook.errors.js';
import { sendWebhook } from './webhook-sender.js';
import { checkWebhookUrl } from './webhook-url.js';

/** The steps of one delivery, run by its workflow's activities. */
export class WebhookDeliveryService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * One attempt: sends the event unless the delivery is no longer pending or the subscription
   * is paused (then it is held for the resume), and records the attempt.
   */
  async attempt(deliveryId: string): Promise<WebhookAttemptOutcome> {
    const { em } = this.ctx;
    const delivery = await this.find(em, deliveryId);
    if (delivery.status === WebhookDeliveryStatus.DELIVERED) return 'delivered';
    if (delivery.status !== WebhookDeliveryStatus.PENDING) return 'held';
    const subscription = delivery.subscription;
    if (subscription.status === WebhookSubscriptionStatus.PAUSED) {
      delivery.status = WebhookDeliveryStatus.HELD;
      await em.flush();
      return 'held';
    }
    const settings = this.ctx.deps.config.webhooks;
    const attempt = await checkWebhookUrl(subscription.url, settings.allowPrivate).then(
      (url) =>
        sendWebhook(
          {
            url,
            secret: subscription.secret,
            eventId: delivery.eventId,
            type: delivery.eventType,
            occurredAt: delivery.occurredAt,
            data: delivery.data,
          },
          settings.requestTimeoutMs,
        ),
      // The host may resolve elsewhere now than when the subscription was made.
      (error: Error): WebhookAttempt => ({
        at: new Date().toISOString(),
        statusCode: null,
        latencyMs: 0,
        error: error.message,
      }),
    );
    delivery.attempts = [...delivery.attempts, { ...attempt, round: delivery.round }];
    if (attempt.error === null) {
      delivery.status = WebhookDeliveryStatus.DELIVERED;
      delivery.deliveredAt = new Date(attempt.at);
      subscription.consecutiveFailures = 0;
    }
    await em.flush();
    return attempt.error === null ? 'delivered' : 'failed';
  }

  /**
   * The last attempt failed: the delivery is FAILED and counts towards pausing. The count is
   * raised in the database (deliveries fail in parallel) and only the transition from ACTIVE
   * pauses, so the owner is told once.
   */
  async fail(deliveryId: string): Promise<{ paused: boolean }> {
    return this.ctx.em.transactional(async (em) => {
      const delivery = await this.find(em, deliveryId);
      if (delivery.status !== WebhookDeliveryStatus.PENDING) return { paused: false };
      delivery.status = WebhookDeliveryStatus.FAILED;
      await em.flush();
      const subscriptionId = delivery.subscription.id;
      await em.nativeUpdate(
        WebhookSubscription,
        { id: subscriptionId },
        { consecutiveFailures: raw('consecutive_failures + 1') },
      );
      const threshold = this.ctx.deps.config.webhooks.pauseAfterFailures;
      const now = this.ctx.clock.now();
      const reason = `${threshold} deliveries in a row failed every attempt.`;
      const paused = await em.nativeUpdate(
        WebhookSubscription,
        {
          id: subscriptionId,
          status: WebhookSubscriptionStatus.ACTIVE,
          consecutiveFailures: { $gte: threshold },
        },
        { status: WebhookSubscriptionStatus.PAUSED, pausedAt: now, pausedReason: reason },
      );
      if (paused === 0) return { paused: false };
      const subscription = await em.findOneOrFail(WebhookSubscription, subscriptionId, {
        refresh: true,
      });
      this.ctx.audit.record(
        em,
        'pauseWebhookSubscription',
        'WebhookSubscription',
        subscriptionId,
        null,
        {
          status: subscription.status,
          pausedReason: reason,
        },
      );
      const inbox = this.ctx.service(InboxService);
      await inbox.post(em, [
        {
          key: `webhook-paused:${subscriptionId}:${now.toISOString()}`,
          kind: InboxKind.WEBHOOK_PAUSED,
          ...(await inbox.ownerOrOffice(em, subscription.owner?.id)),
          subject: `Webhook paused: ${subscription.description ?? subscription.url}`,
          body: `Deliveries to ${subscription.url} failed ${threshold} times in a row, so the subscription is paused and nothing more is sent. Fix the receiver, then resume the subscription: the held and failed deliveries go again.`,
        },
      ]);
      return { paused: true };
    });
  }

  private async find(em: Em, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await em.findOne(
      WebhookDelivery,
      { id: deliveryId },
      { populate: ['subscription'] },
    );
    if (!delivery) {
      throw webhookError(
        'DELIVERY_NOT_FOUND',
        'No webhook delivery matches deliveryId.',
        'deliveryId',
      );
    }
    return delivery;
  }
}
