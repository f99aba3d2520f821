import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import type { RespondentClass } from '../client/client.enums.js';
import { Segment } from '../client/segment.entity.js';
import { Questionnaire } from './questionnaire.entity.js';
import { CampaignScheduleKind, CampaignStatus, TriggerEventType } from './survey.enums.js';

const SurveyCampaignSchema = defineEntity({
  name: 'SurveyCampaign',
  tableName: 'survey_campaign',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    name: p.string().length(200),
    questionnaire: () => p.manyToOne(Questionnaire).index(),
    scheduleKind: p.enum(() => CampaignScheduleKind),
    /** For calendar campaigns: a cron expression. */
    cron: p.string().length(120).nullable(),
    /** For trigger campaigns: the client-side event that sends the survey. */
    triggerEvent: p.enum(() => TriggerEventType).nullable(),
    targetRespondentClasses: p.json<RespondentClass[]>(),
    /** Limit to one segment; all segments when empty. */
    segment: () => p.manyToOne(Segment).nullable().index(),
    status: p.enum(() => CampaignStatus).default(CampaignStatus.DRAFT),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
    /**
     * The status the campaign's Temporal Schedule was last brought to (CALENDAR only); the
     * reconciler syncs every campaign where it differs from `status` (Temporal was down). A
     * CampaignStatus kept as plain text: SQLite's table rebuild drops an enum's check here.
     */
    scheduleSyncedStatus: p.string().length(16).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class SurveyCampaign extends SurveyCampaignSchema.class {}
SurveyCampaignSchema.setClass(SurveyCampaign);
export { SurveyCampaignSchema };
