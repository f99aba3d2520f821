import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { User } from '../organisation/user.entity.js';
import { WebhookSubscriptionStatus } from './webhook.enums.js';

/**
 * An integrator's endpoint and the event types it wants. The secret is kept (deliveries are
 * signed with it) but shown only when created or rotated.
 */
const WebhookSubscriptionSchema = defineEntity({
  name: 'WebhookSubscription',
  tableName: 'webhook_subscription',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    url: p.string().length(2000),
    description: p.string().length(500).nullable(),
    /** `WebhookEventType` values. */
    eventTypes: p.json<string[]>(),
    /** Standard Webhooks form: `whsec_` and base64 of 32 random bytes. */
    secret: p.string().length(100),
    status: p.enum(() => WebhookSubscriptionStatus).default(WebhookSubscriptionStatus.ACTIVE),
    /** Deliveries in a row that failed every attempt; reset by a success or a resume. */
    consecutiveFailures: p.integer().default(0),
    pausedAt: p.datetime().nullable(),
    pausedReason: p.string().length(500).nullable(),
    /** Told when the subscription is paused; the user who created it. */
    owner: () => p.manyToOne(User).nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class WebhookSubscription extends WebhookSubscriptionSchema.class {}
WebhookSubscriptionSchema.setClass(WebhookSubscription);
export { WebhookSubscriptionSchema };
