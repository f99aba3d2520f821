import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { RespondentClass } from '../client/client.enums.js';
import type { FeedbackItem } from './feedback-item.entity.js';
import {
  ClassificationSource,
  ComplaintClass,
  FeedbackChannel,
  FeedbackStatus,
  Sentiment,
} from './feedback.enums.js';

registerEnumType(FeedbackChannel, { name: 'FeedbackChannel' });
registerEnumType(ComplaintClass, {
  name: 'ComplaintClass',
  description:
    'Delivery discipline, quality, service, or deterioration (a regression the client notes).',
});
registerEnumType(ClassificationSource, { name: 'ClassificationSource' });
registerEnumType(Sentiment, { name: 'Sentiment' });
registerEnumType(FeedbackStatus, { name: 'FeedbackStatus' });

export enum FeedbackSortField {
  RECEIVED_AT = 'receivedAt',
  NPS_SCORE = 'npsScore',
}
registerEnumType(FeedbackSortField, { name: 'FeedbackSortField' });

@InputType()
export class FeedbackOrder {
  @Field(() => FeedbackSortField) field!: FeedbackSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('FeedbackItem', { implements: Node, description: 'One piece of client feedback.' })
export class FeedbackItemType extends Node {
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => FeedbackChannel) channel!: FeedbackChannel;
  @Field(() => RespondentClass, { nullable: true }) respondentClass!: RespondentClass | null;
  @Field(() => Int, { nullable: true, description: '0–10' }) npsScore!: number | null;
  @Field(() => Float, { nullable: true, description: '0–100' }) csiScore!: number | null;
  @Field(() => Float, { nullable: true, description: '1–7' }) cesScore!: number | null;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => ComplaintClass, { nullable: true }) complaintClass!: ComplaintClass | null;
  @Field(() => ClassificationSource, {
    nullable: true,
    description: 'Who or what set the complaint class.',
  })
  classificationSource!: ClassificationSource | null;
  @Field(() => Date, { nullable: true }) classifiedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The automatic classifier version that last set the class or sentiment (nb-2, rules-v1).',
  })
  classifierVersion!: string | null;
  @Field(() => Sentiment, { nullable: true }) sentiment!: Sentiment | null;
  @Field(() => ClassificationSource, {
    nullable: true,
    description: 'Who or what set the sentiment (STAFF corrections are kept).',
  })
  sentimentSource!: ClassificationSource | null;
  @Field(() => FeedbackStatus) status!: FeedbackStatus;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  dbId!: string;
  accountId!: string;
  contactId!: string | null;
  touchpointId!: string | null;
}

@ObjectType()
export class FeedbackItemConnection extends Connection(FeedbackItemType, 'FeedbackItem') {}

@ObjectType()
export class SubmitFeedbackPayload {
  @Field(() => FeedbackItemType)
  feedbackItem!: FeedbackItemType;

  @Field(() => Boolean, {
    description: 'True when an item with the same externalId existed: nothing new was stored.',
  })
  duplicate!: boolean;
}

export function toFeedbackItemType(e: FeedbackItem): FeedbackItemType {
  return Object.assign(new FeedbackItemType(), {
    id: toGlobalId('FeedbackItem', e.id),
    dbId: e.id,
    externalId: e.externalId ?? null,
    channel: e.channel,
    respondentClass: e.respondentClass ?? null,
    npsScore: e.npsScore ?? null,
    csiScore: e.csiScore ?? null,
    cesScore: e.cesScore ?? null,
    text: e.text ?? null,
    language: e.language ?? null,
    complaintClass: e.complaintClass ?? null,
    classificationSource: e.classificationSource ?? null,
    classifiedAt: e.classifiedAt ?? null,
    classifierVersion: e.classifierVersion ?? null,
    sentiment: e.sentiment ?? null,
    sentimentSource: e.sentimentSource ?? null,
    status: e.status,
    receivedAt: e.receivedAt,
    acknowledgedAt: e.acknowledgedAt ?? null,
    accountId: e.account.id,
    contactId: e.contact?.id ?? null,
    touchpointId: e.touchpoint?.id ?? null,
  });
}
