import type { FilterQuery } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { QueuedWebhookDelivery } from './webhook-starter.port.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { WebhookDeliveryStatus, WebhookSubscriptionStatus } from './webhook.enums.js';
import { eventOf, EVENT_ACTIONS } from './webhook.events.js';

const BATCH = 500;

export interface WebhookDeliveryFilter {
  subscriptionId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/** Turns audit-trail events into deliveries, and reads the delivery history. */
export class WebhookDispatchService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Creates a delivery for every event of the last `lookbackSeconds` that a subscription
   * wants and does not have yet (events before a subscription existed are not its own), and
   * answers the deliveries to start: the new ones and any pending one never attempted (its
   * start may have been lost). Safe to run concurrently and repeatedly: a delivery is unique
   * per subscription and event, and starting is idempotent.
   */
  async dispatchNew(): Promise<QueuedWebhookDelivery[]> {
    const { em } = this.ctx;
    const subscriptions = await em.find(WebhookSubscription, {});
    if (subscriptions.length === 0) return [];
    const now = this.ctx.clock.now();
    const since = new Date(now.getTime() - this.ctx.deps.config.webhooks.lookbackSeconds * 1000);
    const rows = await em.find(
      AuditEvent,
      { action: { $in: [...EVENT_ACTIONS] }, at: { $gte: since } },
      { orderBy: { id: 'asc' }, limit: BATCH, filters: false },
    );
    const events = rows.flatMap((row) => eventOf(row) ?? []);
    if (events.length > 0) {
      const existing = new Set(
        (
          await em.find(
            WebhookDelivery,
            { eventId: { $in: events.map((e) => e.id) } },
            { fields: ['eventId', 'subscription'] },
          )
        ).map((d) => `${d.subscription.id}:${d.eventId}`),
      );
      for (const subscription of subscriptions) {
        for (const event of events) {
          if (!subscription.eventTypes.includes(event.type)) continue;
          if (event.occurredAt < subscription.createdAt) continue;
          if (existing.has(`${subscription.id}:${event.id}`)) continue;
          em.create(WebhookDelivery, {
            subscription,
            eventId: event.id,
            eventType: event.type,
            occurredAt: event.occurredAt,
            data: event.data,
            status:
              subscription.status === WebhookSubscriptionStatus.PAUSED
                ? WebhookDeliveryStatus.HELD
                : WebhookDeliveryStatus.PENDING,
            attempts: [],
          });
        }
      }
      try {
        await em.flush();
      } catch (error) {
        // Another process dispatched the same events first: its rows stand, ours are dropped.
        em.clear();
        this.ctx.deps.log.warn(`Webhook dispatch raced another dispatcher: ${String(error)}`);
      }
    }
    const unstarted = await em.find(
      WebhookDelivery,
      { status: WebhookDeliveryStatus.PENDING },
      { orderBy: { id: 'asc' }, limit: BATCH, fields: ['id', 'round', 'attempts'] },
    );
    // Not yet tried in its current round: new, or resumed while Temporal could not be reached.
    // Starting one already running is a no-op (its workflow id is the delivery and round).
    return unstarted
      .filter((d) => !d.attempts.some((a) => (a.round ?? 0) === d.round))
      .map((d) => ({ deliveryId: d.id, round: d.round }));
  }

  /** The delivery history, newest first, with every attempt. */
  async list(
    filter: WebhookDeliveryFilter | undefined,
    args: PageArgs,
  ): Promise<Page<WebhookDelivery>> {
    const where: FilterQuery<WebhookDelivery> = {};
    if (filter?.subscriptionId) where.subscription = filter.subscriptionId;
    if (filter?.status) where.status = filter.status;
    return paginate(this.ctx.em, WebhookDelivery, where, args, { createdAt: 'desc' });
  }
}
