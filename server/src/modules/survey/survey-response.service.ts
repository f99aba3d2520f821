import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import type { FeedbackChannel } from '../feedback/feedback.enums.js';
import type { SurveyInvitationFilter, SurveyResponseRateFilter } from './survey-dispatch.inputs.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import type { TriggerEventType } from './survey.enums.js';
import { surveyError } from './survey.errors.js';

/** Invitations of one campaign, channel and trigger, and how many were answered. */
export interface ResponseRateRow {
  campaignId: string;
  channel: FeedbackChannel;
  triggerEvent: TriggerEventType | null;
  /** Sent (answered or not). */
  invited: number;
  answered: number;
  /** Held back by the fatigue rule (not in `invited`). */
  held: number;
  /** answered / invited, null when nobody was invited. */
  rate: number | null;
}

/** Invitations and response rates: the read side of the survey dispatch. */
export class SurveyResponseService {
  constructor(private readonly ctx: DomainContext) {}

  listInvitations(
    filter: SurveyInvitationFilter | undefined,
    args: PageArgs,
  ): Promise<Page<SurveyInvitation>> {
    const where: FilterQuery<SurveyInvitation> = {};
    if (filter?.campaignId) where.campaign = filter.campaignId;
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.contactId) where.contact = filter.contactId;
    if (filter?.triggerEventId) where.triggerEvent = filter.triggerEventId;
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    return paginate(this.ctx.em, SurveyInvitation, where, args, { createdAt: 'desc' });
  }

  /**
   * Response rates per campaign, channel and trigger, computed by one aggregate query. Raw SQL
   * (no row scope): the operation is for the CX office and READ tokens only.
   */
  async responseRates(filter: SurveyResponseRateFilter | undefined): Promise<ResponseRateRow[]> {
    const { em } = this.ctx;
    if (filter?.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
      throw surveyError('INVALID_PERIOD', 'to must be after from.', 'to');
    }
    // MikroORM keeps SQLite datetimes as integer milliseconds.
    const pg = em.getPlatform() instanceof PostgreSqlPlatform;
    const at = (d: Date) => (pg ? d : d.getTime());
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter?.campaignId) add('i.campaign_id = ?', filter.campaignId);
    if (filter?.channel) add('i.channel = ?', filter.channel);
    if (filter?.triggerEvent) add('e.type = ?', filter.triggerEvent);
    if (filter?.from) add('i.created_at >= ?', at(filter.from));
    if (filter?.to) add('i.created_at < ?', at(filter.to));
    const rows = await em.execute<Record<string, unknown>[]>(
      `select i.campaign_id as campaign_id, i.channel as channel, e.type as trigger_type,
         sum(case when i.status in ('SENT', 'ANSWERED') then 1 else 0 end) as invited,
         sum(case when i.status = 'ANSWERED' then 1 else 0 end) as answered,
         sum(case when i.status = 'HELD' then 1 else 0 end) as held
       from survey_invitation i
       left join survey_trigger_event e on e.id = i.trigger_event_id
       ${where.length ? `where ${where.join(' and ')}` : ''}
       group by i.campaign_id, i.channel, e.type
       order by i.campaign_id, i.channel, e.type`,
      params,
    );
    return rows.map((r) => {
      const invited = Number(r.invited ?? 0);
      const answered = Number(r.answered ?? 0);
      return {
        campaignId: String(r.campaign_id),
        channel: r.channel as FeedbackChannel,
        triggerEvent: (r.trigger_type ?? null) as TriggerEventType | null,
        invited,
        answered,
        held: Number(r.held ?? 0),
        rate: invited > 0 ? answered / invited : null,
      };
    });
  }
}
