import type { Em } from '../../../db/orm.js';
import { CouncilDecision, RevisionOrigin } from '../../initiative/initiative.enums.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  dialectOf,
  list,
  SATISFACTION_FORECAST_CODES,
  selectAggregates,
  sql,
  type EvidenceWindow,
} from '../maturity.evidence.js';
import { pastImplement } from './implement.evidence.js';

/**
 * Actors that are not a person (see AuditEvent.actor): a revision they open was opened by the
 * hub itself, e.g. a monitoring alert, not by someone deciding to correct.
 */
export const AUTOMATIC_ACTORS = { exact: 'system', prefix: 'workflow:' } as const;

const KEYS = [
  'revisionsInHistory',
  'revisionsInPeriod',
  'ownerCorrections',
  'automaticCorrections',
  'correctionsMeasured',
  'correctionsForeseen',
  'clientVisiblePastImplement',
  'clientVisibleReviewed',
  'changesRequested',
  'changesRevised',
  'reviewsDue',
  'reviewsDecided',
] as const;

export type CorrectEvidence = Record<(typeof KEYS)[number], number>;

export async function correctEvidence(
  em: Em,
  w: EvidenceWindow,
  t: MaturityThresholds,
): Promise<CorrectEvidence> {
  const d = dialectOf(em);
  const decisionDue = new Date(w.now.getTime() - t.councilDecisionDays * 86_400_000);
  const row = await selectAggregates(em, [
    sql`select count(*) as "revisionsInHistory",
      sum(case when r.opened_at >= ${w.periodStart} then 1 else 0 end) as "revisionsInPeriod",
      sum(case when r.origin = ${RevisionOrigin.OWNER_CORRECTION} then 1 else 0 end) as "ownerCorrections",
      sum(case when r.origin = ${RevisionOrigin.OWNER_CORRECTION}
        and (r.opened_by = ${AUTOMATIC_ACTORS.exact} or r.opened_by like ${`${AUTOMATIC_ACTORS.prefix}%`}) then 1 else 0 end) as "automaticCorrections",
      sum(case when exists (select 1 from initiative_target it join metric_observation o on o.metric_id = it.metric_id
        where it.initiative_id = r.initiative_id and o.period > ${d.monthOf('r.opened_at')}) then 1 else 0 end) as "correctionsMeasured",
      sum(case when exists (select 1 from initiative_account ia
        join metric_observation o on o.account_id = ia.client_account_id
        join metric_definition md on md.id = o.metric_id
        where ia.initiative_id = r.initiative_id and md.code in (${list(SATISFACTION_FORECAST_CODES)})
          and o.created_at <= r.opened_at) then 1 else 0 end) as "correctionsForeseen"
      from initiative_revision r
      where r.origin <> ${RevisionOrigin.INITIAL} and r.opened_at >= ${w.history.from} and r.opened_at < ${w.now}`,
    sql`select count(*) as "clientVisiblePastImplement",
      sum(case when exists (select 1 from council_review cr where cr.initiative_id = i.id) then 1 else 0 end) as "clientVisibleReviewed"
      from initiative i where i.client_visible = ${true} and ${pastImplement()}`,
    sql`select sum(case when cr.decision = ${CouncilDecision.CHANGES_REQUESTED} then 1 else 0 end) as "changesRequested",
      sum(case when cr.decision = ${CouncilDecision.CHANGES_REQUESTED} and exists (select 1 from initiative_revision r
        where r.council_review_id = cr.id) then 1 else 0 end) as "changesRevised",
      sum(case when cr.created_at < ${decisionDue} then 1 else 0 end) as "reviewsDue",
      sum(case when cr.created_at < ${decisionDue} and cr.decision <> ${CouncilDecision.PENDING} then 1 else 0 end) as "reviewsDecided"
      from council_review cr where cr.created_at >= ${w.history.from} and cr.created_at < ${w.now}`,
  ]);
  return row.counts(KEYS);
}
