import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import '../feedback/feedback.types.js';
import type { SurveyInvitation } from './survey-invitation.entity.js';
import type { ResponseRateRow } from './survey-response.service.js';
import type { SurveyTriggerEvent } from './survey-trigger-event.entity.js';
import { InvitationStatus, TriggerEventType } from './survey.enums.js';
import './survey.types.js';

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'SENT (in the outbox), HELD (fatigue rule; not sent), ANSWERED.',
});

@ObjectType('SurveyTriggerEvent', {
  implements: Node,
  description: 'A client-side event that starts the TRIGGER campaigns bound to its type.',
})
export class SurveyTriggerEventType extends Node {
  @Field(() => TriggerEventType) type!: TriggerEventType;
  @Field(() => String) externalId!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => Boolean, {
    description: 'True when this external id was reported before: nothing new was written.',
  })
  duplicate!: boolean;
  dbId!: string;
  accountId!: string;
}

@ObjectType('SurveyInvitation', {
  implements: Node,
  description: 'One contact invited (or held back by the fatigue rule) by one campaign run.',
})
export class SurveyInvitationType extends Node {
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => FeedbackChannel, {
    description: 'The channel the invitation (and its answer) uses.',
  })
  channel!: FeedbackChannel;
  @Field(() => String, {
    nullable: true,
    description: 'Why the fatigue rule held it back (HELD only).',
  })
  heldReason!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  campaignId!: string;
  contactId!: string;
  accountId!: string;
  triggerEventId!: string | null;
  notificationId!: string | null;
  feedbackId!: string | null;
}

@ObjectType()
export class SurveyInvitationConnection extends Connection(
  SurveyInvitationType,
  'SurveyInvitation',
) {}

@ObjectType('SurveyResponseRate', {
  description: 'Invitations of one campaign, channel and trigger, and the share answered.',
})
export class SurveyResponseRateType {
  @Field(() => FeedbackChannel) channel!: FeedbackChannel;
  @Field(() => TriggerEventType, { nullable: true, description: 'Null for calendar runs.' })
  triggerEvent!: TriggerEventType | null;
  @Field(() => Int, { description: 'Invitations sent (answered or not).' }) invited!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int, { description: 'Held back by the fatigue rule; not counted as invited.' })
  held!: number;
  @Field(() => Float, { nullable: true, description: 'answered / invited; null when none.' })
  rate!: number | null;
  campaignId!: string;
}

export function toSurveyTriggerEventType(
  e: SurveyTriggerEvent,
  duplicate = false,
): SurveyTriggerEventType {
  return Object.assign(new SurveyTriggerEventType(), {
    id: toGlobalId('SurveyTriggerEvent', e.id),
    dbId: e.id,
    type: e.type,
    externalId: e.externalId,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    duplicate,
    accountId: e.account.id,
  });
}

export function toSurveyInvitationType(e: SurveyInvitation): SurveyInvitationType {
  return Object.assign(new SurveyInvitationType(), {
    id: toGlobalId('SurveyInvitation', e.id),
    dbId: e.id,
    status: e.status,
    channel: e.channel,
    heldReason: e.heldReason ?? null,
    sentAt: e.sentAt ?? null,
    answeredAt: e.answeredAt ?? null,
    createdAt: e.createdAt,
    campaignId: e.campaign.id,
    contactId: e.contact.id,
    accountId: e.account.id,
    triggerEventId: e.triggerEvent?.id ?? null,
    notificationId: e.notification?.id ?? null,
    feedbackId: e.feedback?.id ?? null,
  });
}

export function toSurveyResponseRateType(r: ResponseRateRow): SurveyResponseRateType {
  return Object.assign(new SurveyResponseRateType(), r);
}
