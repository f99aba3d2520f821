import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { RespondentClass } from '../client/client.enums.js';
import { Contact } from '../client/contact.entity.js';
import { Touchpoint } from '../journey/touchpoint.entity.js';
import { User } from '../organisation/user.entity.js';
import { SurveyCampaign } from '../survey/survey-campaign.entity.js';
import {
  ClassificationSource,
  ComplaintClass,
  FeedbackChannel,
  FeedbackStatus,
  Sentiment,
} from './feedback.enums.js';

/**
 * One piece of client feedback from any channel. Scales: NPS 0–10, CSI 0–100, CES 1–7.
 * `respondentClass` is copied from the contact when received, so later changes to the
 * contact do not rewrite history.
 */
const FeedbackItemSchema = defineEntity({
  name: 'FeedbackItem',
  tableName: 'feedback_item',
  indexes: [{ properties: ['status', 'receivedAt'] }, { properties: ['account', 'receivedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).nullable().unique(),
    account: () => p.manyToOne(ClientAccount),
    contact: () => p.manyToOne(Contact).nullable().index(),
    respondentClass: p.enum(() => RespondentClass).nullable(),
    channel: p.enum(() => FeedbackChannel),
    npsScore: p.integer().nullable(),
    csiScore: p.double().nullable(),
    cesScore: p.double().nullable(),
    text: p.text().nullable(),
    language: p.string().length(8).nullable(),
    touchpoint: () => p.manyToOne(Touchpoint).nullable().index(),
    campaign: () => p.manyToOne(SurveyCampaign).nullable().index(),
    complaintClass: p.enum(() => ComplaintClass).nullable(),
    classificationSource: p.enum(() => ClassificationSource).nullable(),
    classifiedBy: () => p.manyToOne(User).nullable(),
    classifiedAt: p.datetime().nullable(),
    /** The automatic classifier version that last wrote the class or sentiment (`nb-2`, `rules-v1`). */
    classifierVersion: p.string().length(40).nullable(),
    sentiment: p.enum(() => Sentiment).nullable(),
    /** Who set the sentiment: STAFF corrections are never overwritten by a classifier. */
    sentimentSource: p.enum(() => ClassificationSource).nullable(),
    status: p.enum(() => FeedbackStatus).default(FeedbackStatus.RECEIVED),
    receivedAt: p.datetime().onCreate(() => new Date()),
    acknowledgedAt: p.datetime().nullable(),
    /** Set once Temporal has accepted the collect workflow; the reconciler looks for nulls. */
    workflowStartedAt: p.datetime().nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class FeedbackItem extends FeedbackItemSchema.class {}
FeedbackItemSchema.setClass(FeedbackItem);
export { FeedbackItemSchema };
