import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { WebhookDeliveryStatus } from './webhook.enums.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** One HTTP attempt of a delivery, as recorded. */
export interface WebhookAttempt {
  at: string;
  /** The receiver's HTTP status; null when no response came (refused, timed out). */
  statusCode: number | null;
  latencyMs: number;
  /** Why the attempt failed; null when it succeeded. */
  error: string | null;
  /** The delivery's round it belongs to (absent on attempts recorded before rounds were kept). */
  round?: number;
}

/**
 * One event for one subscription. `eventId` is the audit row the event comes from; it is the
 * `webhook-id` every attempt carries, so a receiver dedupes retries by it.
 */
const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  uniques: [{ properties: ['subscription', 'eventId'] }],
  indexes: [{ properties: ['status', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    subscription: () => p.manyToOne(WebhookSubscription),
    eventId: p.string().length(64),
    eventType: p.string().length(64),
    /** When the event happened (the audit row's time): the body's `timestamp`. */
    occurredAt: p.datetime(),
    /** The body's `data`. */
    data: p.json<Record<string, unknown>>(),
    status: p.enum(() => WebhookDeliveryStatus).default(WebhookDeliveryStatus.PENDING),
    /** Incremented each time the delivery is queued again (resume): its workflow id's suffix. */
    round: p.integer().default(0),
    attempts: p.json<WebhookAttempt[]>(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class WebhookDelivery extends WebhookDeliverySchema.class {}
WebhookDeliverySchema.setClass(WebhookDelivery);
export { WebhookDeliverySchema };
