import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import type { ClientNotification } from './client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from './notification.enums.js';
import { Milestone } from '../initiative/initiative.enums.js';
// Registers Milestone as a GraphQL enum.
import '../initiative/initiative.types.js';

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

@ObjectType('ClientNotification', {
  implements: Node,
  description: 'A message to a client in the outbox, with its delivery status.',
})
export class ClientNotificationType extends Node {
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => Milestone, {
    nullable: true,
    description: 'For INITIATIVE_PROGRESS: the "you said, we did" milestone it announces.',
  })
  milestone!: Milestone | null;
  @Field(() => String, { nullable: true }) recipient!: string | null;
  @Field(() => String) locale!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'The Message-ID header of the delivered e-mail.',
  })
  messageId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The mail server's answer when it accepted the message (its queue id).",
  })
  serverResponse!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  accountId!: string;
  contactId!: string | null;
  feedbackItemId!: string | null;
  initiativeId!: string | null;
  councilReviewId!: string | null;
}

@ObjectType()
export class ClientNotificationConnection extends Connection(
  ClientNotificationType,
  'ClientNotification',
) {}

export function toClientNotificationType(e: ClientNotification): ClientNotificationType {
  return Object.assign(new ClientNotificationType(), {
    id: toGlobalId('ClientNotification', e.id),
    dbId: e.id,
    kind: e.kind,
    milestone: e.milestone ?? null,
    recipient: e.recipient ?? null,
    locale: e.locale,
    subject: e.subject,
    body: e.body,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError ?? null,
    sentAt: e.sentAt ?? null,
    messageId: e.messageId ?? null,
    serverResponse: e.serverResponse ?? null,
    createdAt: e.createdAt,
    accountId: e.account.id,
    contactId: e.contact?.id ?? null,
    feedbackItemId: e.feedbackItem?.id ?? null,
    initiativeId: e.initiative?.id ?? null,
    councilReviewId: e.councilReview?.id ?? null,
  });
}
