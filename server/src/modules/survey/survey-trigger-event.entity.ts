import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { TriggerEventType } from './survey.enums.js';

/**
 * A client-side event reported by an integrator (an order delivered, a claim closed …).
 * `externalId` makes reporting idempotent; the dispatch workflow started for it invites the
 * contacts of every ACTIVE TRIGGER campaign bound to its type.
 */
const SurveyTriggerEventSchema = defineEntity({
  name: 'SurveyTriggerEvent',
  tableName: 'survey_trigger_event',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).unique(),
    account: () => p.manyToOne(ClientAccount).index(),
    type: p.enum(() => TriggerEventType),
    occurredAt: p.datetime(),
    recordedAt: p.datetime().onCreate(() => new Date()),
    /** Set once Temporal has accepted the dispatch workflow; the reconciler looks for nulls. */
    workflowStartedAt: p.datetime().nullable().index(),
  },
});
export class SurveyTriggerEvent extends SurveyTriggerEventSchema.class {}
SurveyTriggerEventSchema.setClass(SurveyTriggerEvent);
export { SurveyTriggerEventSchema };
