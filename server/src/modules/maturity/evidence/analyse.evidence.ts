import type { Em } from '../../../db/orm.js';
import { ClassificationSource, Sentiment } from '../../feedback/feedback.enums.js';
import { AnalysisKind, InitiativeStatus } from '../../initiative/initiative.enums.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  commaSeparated,
  dialectOf,
  FORECAST_SUFFIX,
  list,
  selectAggregates,
  sql,
  type EvidenceWindow,
} from '../maturity.evidence.js';

/** Initiatives still being worked on. */
export const OPEN_STATUSES = [
  InitiativeStatus.PROPOSED,
  InitiativeStatus.ACTIVE,
  InitiativeStatus.ON_HOLD,
  InitiativeStatus.AWAITING_COUNCIL,
] as const;

/** NPS 0–6 is a detractor: dissatisfied even without a negative sentiment. */
export const DETRACTOR_MAX_NPS = 6;

const KEYS = [
  'negatives',
  'negativesClassified',
  'openInitiatives',
  'openLinked',
  'openOwned',
  'historyInitiatives',
  'historyFromPareto',
  'historyWithProcessClass',
  'classifiedComplaints',
  'classifiedWithTouchpoint',
  'classifierLabelled',
  'classifierReviews',
  'classifierKept',
  'forecastPairs',
] as const;

export type AnalyseEvidence = Record<(typeof KEYS)[number], number> & {
  /** Pareto analyses covering each recent month, oldest first. */
  paretoByMonth: number[];
  /** Staff reviews of classifier labels in each recent month, oldest first. */
  reviewsByMonth: number[];
  forecastMae: number | null;
  naiveMae: number | null;
};

export async function analyseEvidence(
  em: Em,
  w: EvidenceWindow,
  _t: MaturityThresholds,
): Promise<AnalyseEvidence> {
  const d = dialectOf(em);
  const months = w.recentMonths;
  const inPeriod = sql`f.received_at >= ${w.periodStart} and f.received_at < ${w.now}`;
  const source = (column: string) => d.jsonText(column, 'classificationSource');
  const label = (column: string) => d.jsonText(column, 'complaintClass');
  const reviewsFrom = new Date(Math.min(w.periodStart.getTime(), months[0]!.from.getTime()));
  const pareto = months.map(
    (m, i) =>
      sql`sum(case when a.period_from <= ${m.period} and a.period_to >= ${m.period} then 1 else 0 end) as "pareto${i}"`,
  );
  const reviews = months.map(
    (m, i) =>
      sql`sum(case when e.at >= ${m.from} and e.at < ${m.to} then 1 else 0 end) as "reviews${i}"`,
  );
  const row = await selectAggregates(em, [
    sql`select count(*) as "negatives",
      sum(case when f.complaint_class is not null then 1 else 0 end) as "negativesClassified"
      from feedback_item f where ${inPeriod} and (f.sentiment = ${Sentiment.NEGATIVE} or f.nps_score <= ${DETRACTOR_MAX_NPS})`,
    sql`select count(*) as "classifiedComplaints",
      sum(case when f.touchpoint_id is not null then 1 else 0 end) as "classifiedWithTouchpoint",
      sum(case when f.classification_source = ${ClassificationSource.CLASSIFIER} then 1 else 0 end) as "classifierLabelled"
      from feedback_item f where ${inPeriod} and f.complaint_class is not null`,
    sql`select count(*) as "paretoCount", ${commaSeparated(pareto)}
      from analysis a where a.kind = ${AnalysisKind.PARETO}`,
    sql`select count(*) as "openInitiatives",
      sum(case when i.analysis_id is not null then 1 else 0 end) as "openLinked",
      sum(case when i.owner_id is not null then 1 else 0 end) as "openOwned"
      from initiative i where i.status in (${list(OPEN_STATUSES)})`,
    sql`select count(*) as "historyInitiatives",
      sum(case when exists (select 1 from analysis a where a.id = i.analysis_id and a.kind = ${AnalysisKind.PARETO}) then 1 else 0 end) as "historyFromPareto",
      sum(case when i.process_class_id is not null then 1 else 0 end) as "historyWithProcessClass"
      from initiative i where i.status <> ${InitiativeStatus.CANCELLED} and i.created_at >= ${w.history.from} and i.created_at < ${w.now}`,
    // A staff review of a classifier label is an updateFeedback whose before-image says
    // CLASSIFIER and after-image says STAFF; the label was kept when the class did not change.
    sql`select sum(case when e.at >= ${w.periodStart} then 1 else 0 end) as "classifierReviews",
      sum(case when e.at >= ${w.periodStart} and ${label('e."before"')} = ${label('e."after"')} then 1 else 0 end) as "classifierKept",
      ${commaSeparated(reviews)}
      from audit_event e where e.action = ${'updateFeedback'} and e.entity_type = ${'FeedbackItem'}
        and e.at >= ${reviewsFrom} and e.at < ${w.now}
        and ${source('e."before"')} = ${ClassificationSource.CLASSIFIER} and ${source('e."after"')} = ${ClassificationSource.STAFF}`,
    // Naive baseline: predict every account the month's mean of the actual metric.
    sql`select count(*) as "forecastPairs", avg(abs(fo.value - ao.value)) as "forecastMae",
      avg(abs(ao.value - mm.mean)) as "naiveMae"
      from metric_observation fo
      join metric_definition fd on fd.id = fo.metric_id
      join metric_definition ad on fd.code = ad.code || ${FORECAST_SUFFIX}
      join metric_observation ao on ao.metric_id = ad.id and ao.account_id = fo.account_id and ao.period = fo.period
      join (select o.metric_id, o.period, avg(o.value) as mean from metric_observation o
        where o.period >= ${w.history.period} and o.period < ${w.current.period}
          and o.metric_id in (select am.id from metric_definition am
            join metric_definition fm on fm.code = am.code || ${FORECAST_SUFFIX})
        group by o.metric_id, o.period) mm
        on mm.metric_id = ao.metric_id and mm.period = ao.period
      where fo.period >= ${w.history.period} and fo.period < ${w.current.period}`,
  ]);
  return {
    ...row.counts(KEYS),
    paretoByMonth: months.map((_, i) => row.count(`pareto${i}`)),
    reviewsByMonth: months.map((_, i) => row.count(`reviews${i}`)),
    forecastMae: row.number('forecastMae'),
    naiveMae: row.number('naiveMae'),
  };
}
