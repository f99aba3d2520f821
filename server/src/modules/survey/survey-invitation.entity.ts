import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import { SurveyTriggerEvent } from './survey-trigger-event.entity.js';
import { InvitationStatus } from './survey.enums.js';

/**
 * One contact invited (or held back) by one run of a campaign. `runKey` names the run (a
 * schedule firing, a trigger event, a coverage request): one row per run and contact, so a
 * retried dispatch invites nobody twice.
 */
const SurveyInvitationSchema = defineEntity({
  name: 'SurveyInvitation',
  tableName: 'survey_invitation',
  uniques: [{ properties: ['campaign', 'runKey', 'contact'] }],
  indexes: [{ properties: ['contact', 'sentAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    campaign: () => p.manyToOne(SurveyCampaign).index(),
    runKey: p.string().length(200),
    contact: () => p.manyToOne(Contact),
    account: () => p.manyToOne(ClientAccount).index(),
    triggerEvent: () => p.manyToOne(SurveyTriggerEvent).nullable().index(),
    /** How the invitation reaches the contact (and so the channel of its answer). */
    channel: p.enum(() => FeedbackChannel),
    status: p.enum(() => InvitationStatus),
    /** Why the fatigue rule held it back (HELD only); generated, never typed by a person. */
    heldReason: p.string().length(500).nullable(),
    notification: () => p.manyToOne(ClientNotification).nullable(),
    feedback: () => p.manyToOne(FeedbackItem).nullable().index(),
    sentAt: p.datetime().nullable(),
    answeredAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class SurveyInvitation extends SurveyInvitationSchema.class {}
SurveyInvitationSchema.setClass(SurveyInvitation);
export { SurveyInvitationSchema };
