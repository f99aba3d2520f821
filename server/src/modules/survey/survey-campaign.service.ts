import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, type NotFound } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { Segment } from '../client/segment.entity.js';
import { CampaignScheduleService } from './campaign-schedule.service.js';
import { cronError } from './cron.js';
import { Questionnaire } from './questionnaire.entity.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import { CampaignScheduleKind, CampaignStatus } from './survey.enums.js';
import { surveyError } from './survey.errors.js';
import type {
  CreateSurveyCampaignInput,
  SurveyCampaignFilter,
  UpdateSurveyCampaignInput,
} from './survey.inputs.js';
import type { SurveyCampaignOrder } from './survey.types.js';

/** Where each status may go; FINISHED is final. */
const TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  [CampaignStatus.DRAFT]: [CampaignStatus.ACTIVE],
  [CampaignStatus.ACTIVE]: [CampaignStatus.PAUSED, CampaignStatus.FINISHED],
  [CampaignStatus.PAUSED]: [CampaignStatus.ACTIVE, CampaignStatus.FINISHED],
  [CampaignStatus.FINISHED]: [],
};

const notFound =
  (reason: 'QUESTIONNAIRE_NOT_FOUND' | 'CAMPAIGN_NOT_FOUND' | 'SEGMENT_NOT_FOUND'): NotFound =>
  (message, field) =>
    surveyError(reason, message, field);

export class SurveyCampaignService {
  constructor(private readonly ctx: DomainContext) {}

  async getCampaign(id: string): Promise<SurveyCampaign | null> {
    return findById(this.ctx.em, SurveyCampaign, id);
  }

  async listCampaigns(
    filter: SurveyCampaignFilter | undefined,
    order: SurveyCampaignOrder | undefined,
    args: PageArgs,
  ): Promise<Page<SurveyCampaign>> {
    const where: FilterQuery<SurveyCampaign> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.scheduleKind) where.scheduleKind = filter.scheduleKind;
    if (filter?.questionnaireId) where.questionnaire = filter.questionnaireId;
    if (filter?.segmentId) where.segment = filter.segmentId;
    if (filter?.search?.trim()) where.name = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, SurveyCampaign, where, args, orderBy);
  }

  async createCampaign(input: CreateSurveyCampaignInput): Promise<SurveyCampaign> {
    checkSchedule(input.scheduleKind, input.cron ?? null, input.triggerEvent ?? null);
    checkWindow(input.startsAt ?? null, input.endsAt ?? null);
    return this.ctx.em.transactional(async (em) => {
      const questionnaire = await mustFind(
        em,
        Questionnaire,
        input.questionnaireId,
        'questionnaireId',
        notFound('QUESTIONNAIRE_NOT_FOUND'),
      );
      const campaign = em.create(SurveyCampaign, {
        name: input.name.trim(),
        questionnaire,
        scheduleKind: input.scheduleKind,
        cron: input.cron?.trim() ?? null,
        triggerEvent: input.triggerEvent ?? null,
        targetRespondentClasses: [...new Set(input.targetRespondentClasses)],
        segment: await this.segment(em, input.segmentId),
        status: CampaignStatus.DRAFT,
        startsAt: input.startsAt ?? null,
        endsAt: input.endsAt ?? null,
      });
      this.ctx.audit.record(
        em,
        'createSurveyCampaign',
        'SurveyCampaign',
        campaign.id,
        null,
        snapshot(campaign),
      );
      return campaign;
    });
  }

  /** Changes the row in one transaction; after the commit, brings its Temporal Schedule in line. */
  async updateCampaign(id: string, input: UpdateSurveyCampaignInput): Promise<SurveyCampaign> {
    const campaign = await this.change(id, input);
    await this.ctx.service(CampaignScheduleService).sync(campaign.id);
    return campaign;
  }

  private async change(id: string, input: UpdateSurveyCampaignInput): Promise<SurveyCampaign> {
    return this.ctx.em.transactional(async (em) => {
      const c = await mustFind(em, SurveyCampaign, id, 'id', notFound('CAMPAIGN_NOT_FOUND'));
      if (c.status === CampaignStatus.FINISHED) {
        throw surveyError(
          'CAMPAIGN_FINISHED',
          `Campaign "${c.name}" is finished and can no longer change.`,
          'id',
        );
      }
      const before = snapshot(c);
      if (input.status != null && input.status !== c.status) {
        const next = TRANSITIONS[c.status as CampaignStatus];
        if (!next.includes(input.status)) {
          const allowed = next.join(' or ');
          throw surveyError(
            'INVALID_STATUS_TRANSITION',
            `A ${c.status} campaign can become ${allowed}, not ${input.status}.`,
            'status',
          );
        }
        c.status = input.status;
      }
      if (input.name != null) c.name = input.name.trim();
      if (input.scheduleKind != null && input.scheduleKind !== c.scheduleKind) {
        c.scheduleKind = input.scheduleKind;
        // The other kind's setting no longer applies.
        if (input.scheduleKind === CampaignScheduleKind.CALENDAR) c.triggerEvent = null;
        else c.cron = null;
      }
      if (input.cron !== undefined) {
        const cron = input.cron?.trim() || null;
        // A new cron for a scheduled campaign: its schedule must be updated.
        if (cron !== c.cron && c.scheduleSyncedStatus) c.scheduleSyncedStatus = null;
        c.cron = cron;
      }
      if (input.triggerEvent !== undefined) c.triggerEvent = input.triggerEvent;
      if (input.targetRespondentClasses != null) {
        if (!input.targetRespondentClasses.length) {
          throw surveyError(
            'NO_RESPONDENT_CLASSES',
            'targetRespondentClasses must name at least one respondent class.',
            'targetRespondentClasses',
          );
        }
        c.targetRespondentClasses = [...new Set(input.targetRespondentClasses)];
      }
      if (input.segmentId !== undefined) c.segment = await this.segment(em, input.segmentId);
      const window = [c.startsAt?.getTime(), c.endsAt?.getTime()].join();
      if (input.startsAt !== undefined) c.startsAt = input.startsAt;
      if (input.endsAt !== undefined) c.endsAt = input.endsAt;
      // A new window for a scheduled campaign: its schedule must be updated.
      if ([c.startsAt?.getTime(), c.endsAt?.getTime()].join() !== window) {
        c.scheduleSyncedStatus = null;
      }
      checkSchedule(c.scheduleKind, c.cron ?? null, c.triggerEvent ?? null);
      checkWindow(c.startsAt ?? null, c.endsAt ?? null);
      this.ctx.audit.record(
        em,
        'updateSurveyCampaign',
        'SurveyCampaign',
        c.id,
        before,
        snapshot(c),
      );
      return c;
    });
  }

  private async segment(em: Em, id: string | null | undefined): Promise<Segment | null> {
    if (!id) return null;
    return mustFind(em, Segment, id, 'segmentId', notFound('SEGMENT_NOT_FOUND'));
  }
}

function checkSchedule(
  kind: CampaignScheduleKind,
  cron: string | null,
  triggerEvent: string | null,
): void {
  if (kind === CampaignScheduleKind.CALENDAR) {
    if (!cron?.trim())
      throw surveyError(
        'SCHEDULE_INCOMPLETE',
        'A CALENDAR campaign needs a cron expression.',
        'cron',
      );
    if (triggerEvent)
      throw surveyError(
        'SCHEDULE_MIXED',
        'A CALENDAR campaign takes a cron expression, not a triggerEvent.',
        'triggerEvent',
      );
    const problem = cronError(cron);
    if (problem) throw surveyError('INVALID_CRON', problem, 'cron');
  } else {
    if (!triggerEvent)
      throw surveyError(
        'SCHEDULE_INCOMPLETE',
        'A TRIGGER campaign needs a triggerEvent.',
        'triggerEvent',
      );
    if (cron)
      throw surveyError(
        'SCHEDULE_MIXED',
        'A TRIGGER campaign is sent on its triggerEvent and takes no cron expression.',
        'cron',
      );
  }
}

function checkWindow(startsAt: Date | null, endsAt: Date | null): void {
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    throw surveyError('ENDS_BEFORE_START', 'endsAt must be after startsAt.', 'endsAt');
  }
}
