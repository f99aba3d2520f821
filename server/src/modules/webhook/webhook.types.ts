import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import type { WebhookDelivery, WebhookAttempt } from './webhook-delivery.entity.js';
import type { WebhookSubscription } from './webhook-subscription.entity.js';
import {
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookSubscriptionStatus,
} from './webhook.enums.js';

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description:
    'An event a subscriber can receive; its `type` in the body is the dotted name (case.opened).',
});
registerEnumType(WebhookSubscriptionStatus, { name: 'WebhookSubscriptionStatus' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookSubscription', {
  implements: Node,
  description: 'An integrator’s endpoint for signed event deliveries (Standard Webhooks).',
})
export class WebhookSubscriptionType extends Node {
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [WebhookEventType]) eventTypes!: WebhookEventType[];
  @Field(() => WebhookSubscriptionStatus) status!: WebhookSubscriptionStatus;
  @Field(() => Int, { description: 'Deliveries in a row that failed every attempt.' })
  consecutiveFailures!: number;
  @Field(() => Date, { nullable: true }) pausedAt!: Date | null;
  @Field(() => String, { nullable: true }) pausedReason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('WebhookSubscriptionWithSecret', {
  description: 'The signing secret is shown here, once: keep it; rotate it if it is lost.',
})
export class WebhookSubscriptionWithSecretType {
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field(() => String, { description: 'Standard Webhooks form: whsec_ and base64.' })
  secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One HTTP attempt of a delivery.' })
export class WebhookAttemptType {
  @Field(() => Date) at!: Date;
  @Field(() => Int, { nullable: true, description: 'Null when no response came.' })
  statusCode!: number | null;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int, {
    description: 'The round it belongs to: 0 first, one more each time the delivery is resumed.',
  })
  round!: number;
}

@ObjectType('WebhookDelivery', { implements: Node, description: 'One event for one subscription.' })
export class WebhookDeliveryType extends Node {
  @Field(() => ID) subscriptionId!: string;
  @Field(() => String, { description: 'The `webhook-id` header: receivers dedupe by it.' })
  eventId!: string;
  @Field(() => String, { description: 'The body’s `type`, e.g. case.opened.' })
  eventType!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => [WebhookAttemptType]) attempts!: WebhookAttemptType[];
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class WebhookSubscriptionConnection extends Connection(
  WebhookSubscriptionType,
  'WebhookSubscription',
) {}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDeliveryType, 'WebhookDelivery') {}

export function toWebhookSubscriptionType(s: WebhookSubscription): WebhookSubscriptionType {
  return Object.assign(new WebhookSubscriptionType(), {
    id: toGlobalId('WebhookSubscription', s.id),
    url: s.url,
    description: s.description ?? null,
    eventTypes: s.eventTypes as WebhookEventType[],
    status: s.status,
    consecutiveFailures: s.consecutiveFailures,
    pausedAt: s.pausedAt ?? null,
    pausedReason: s.pausedReason ?? null,
    createdAt: s.createdAt,
  });
}

const toAttempt = (a: WebhookAttempt): WebhookAttemptType =>
  Object.assign(new WebhookAttemptType(), { ...a, at: new Date(a.at), round: a.round ?? 0 });

export function toWebhookDeliveryType(d: WebhookDelivery): WebhookDeliveryType {
  return Object.assign(new WebhookDeliveryType(), {
    id: toGlobalId('WebhookDelivery', d.id),
    subscriptionId: toGlobalId('WebhookSubscription', d.subscription.id),
    eventId: d.eventId,
    eventType: d.eventType,
    occurredAt: d.occurredAt,
    status: d.status,
    attempts: d.attempts.map(toAttempt),
    deliveredAt: d.deliveredAt ?? null,
    createdAt: d.createdAt,
  });
}
