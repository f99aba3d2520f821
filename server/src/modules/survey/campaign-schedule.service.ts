import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import type { Logger } from '../../logger.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import type { SurveyWorkflows } from './survey-workflows.port.js';
import { CampaignScheduleKind, CampaignStatus } from './survey.enums.js';

/** The state a campaign's Temporal Schedule should be in: null means no schedule. */
export function desiredScheduleStatus(c: SurveyCampaign): CampaignStatus | null {
  if (c.scheduleKind !== CampaignScheduleKind.CALENDAR) return null;
  return c.status === CampaignStatus.DRAFT ? null : (c.status as CampaignStatus);
}

/** Campaigns whose schedule may lag behind their row (the reconciler checks each). */
export const maybeUnsynced: FilterQuery<SurveyCampaign> = {
  $or: [
    { scheduleSyncedStatus: { $ne: null } },
    { scheduleKind: CampaignScheduleKind.CALENDAR, status: { $ne: CampaignStatus.DRAFT } },
  ],
};

/**
 * Brings one campaign's Temporal Schedule in line with its row. The row is the truth;
 * `scheduleSyncedStatus` records what Temporal was last told, so whatever did not get through
 * (Temporal down, the API stopped after the commit) is repeated by the reconciler. True when
 * the schedule is in line (or none is needed); false when Temporal could not be told.
 */
export async function syncCampaignSchedule(
  em: Em,
  surveys: SurveyWorkflows | undefined,
  log: Pick<Logger, 'warn'>,
  campaignId: string,
): Promise<boolean> {
  const c = await em.findOne(SurveyCampaign, { id: campaignId });
  if (!c) return true;
  const desired = desiredScheduleStatus(c);
  if (desired === (c.scheduleSyncedStatus ?? null)) return true;
  if (!surveys) return false;
  try {
    await surveys.syncSchedule({
      campaignId: c.id,
      cron: c.cron ?? '',
      startsAt: c.startsAt ?? null,
      endsAt: c.endsAt ?? null,
      // No schedule wanted (DRAFT, or now a TRIGGER campaign): delete whatever exists.
      status: desired ?? CampaignStatus.FINISHED,
    });
  } catch (err) {
    log.warn(
      `Schedule of campaign ${c.id} not synced; the reconciler retries: ${err instanceof Error ? err.message : String(err)}`,
    );
    return false;
  }
  // Only if the row did not change meanwhile; otherwise the next sync sees the difference.
  await em.nativeUpdate(
    SurveyCampaign,
    { id: c.id, updatedAt: c.updatedAt },
    { scheduleSyncedStatus: desired },
  );
  return true;
}

/** The domain's entry to schedule syncing (after a campaign's transaction commits). */
export class CampaignScheduleService {
  constructor(private readonly ctx: DomainContext) {}

  sync(campaignId: string): Promise<boolean> {
    return syncCampaignSchedule(
      this.ctx.em.fork(),
      this.ctx.deps.surveys,
      this.ctx.deps.log,
      campaignId,
    );
  }
}
