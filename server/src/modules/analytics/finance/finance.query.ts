import type { Em } from '../../../db/orm.js';
import { raw, sql } from '../../maturity/maturity.evidence.js';
import { MetricKind } from '../../metric/metric.enums.js';
import { monthStart, readNumber } from '../../monitor/monitor.window.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { SatisfactionMetric } from './finance.enums.js';

/** A window of complete months, `YYYY-MM` both ends included. */
export interface MonthWindow {
  from: string;
  to: string;
}

/** One account's satisfaction and finance over a window, from database aggregates. */
export interface AccountFinance {
  accountId: string;
  segmentId: string;
  /** Scores of the satisfaction metric, their mean and their within-account sample variance. */
  scores: number;
  satisfaction: number;
  scoreVariance: number | null;
  /** Months with transactional figures. */
  months: number;
  /** Σ gross margin / Σ revenue over those months (null without revenue). */
  marginRate: number | null;
  daysLate: number | null;
  shareOfWallet: number | null;
}

/** The feedback column each satisfaction metric reads (written in code, never from input). */
const SCORE_COLUMN: Record<SatisfactionMetric, string> = {
  [SatisfactionMetric.CSI]: 'f.csi_score',
  [SatisfactionMetric.NPS]: 'f.nps_score',
};

/**
 * Per account, one statement: the count, sum and sum of squares of its satisfaction scores in
 * the window (feedback items), joined to the sums of its monthly transactional figures. Only
 * accounts with at least `minScores` scores and `minMonths` months of figures come back.
 */
export async function accountFinance(
  em: Em,
  window: MonthWindow,
  metric: SatisfactionMetric,
  minScores: number,
  minMonths: number,
): Promise<AccountFinance[]> {
  const [start, end] = [monthStart(window.from), monthStart(shiftMonth(window.to, 1))];
  const score = raw(`cast(${SCORE_COLUMN[metric]} as double precision)`);
  const q = sql`select a.id as "accountId", a.segment_id as "segmentId",
      s.n, s.sx, s.sxx, t.months, t.revenue, t.margin, t.late, t.wallet
    from client_account a
    join (select f.account_id as s_account, count(${score}) as n, sum(${score}) as sx,
        sum(${score} * ${score}) as sxx
      from feedback_item f
      where f.received_at >= ${start} and f.received_at < ${end} and ${score} is not null
      group by f.account_id) s on s.s_account = a.id
    join (select t.account_id as t_account, count(*) as months, sum(t.revenue) as revenue,
        sum(t.gross_margin) as margin, avg(t.avg_days_late) as late, avg(t.share_of_wallet) as wallet
      from transactional_figures t
      where t.period >= ${window.from} and t.period <= ${window.to}
      group by t.account_id) t on t.t_account = a.id
    where s.n >= ${minScores} and t.months >= ${minMonths}
    order by a.id`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => {
    const n = readNumber(r.n) ?? 0;
    const sx = readNumber(r.sx) ?? 0;
    const sxx = readNumber(r.sxx) ?? 0;
    const revenue = readNumber(r.revenue);
    const margin = readNumber(r.margin);
    return {
      accountId: String(r.accountId),
      segmentId: String(r.segmentId),
      scores: n,
      satisfaction: sx / n,
      scoreVariance: n > 1 ? Math.max(0, sxx - (sx * sx) / n) / (n - 1) : null,
      months: readNumber(r.months) ?? 0,
      marginRate: revenue && margin !== null ? margin / revenue : null,
      daysLate: readNumber(r.late),
      shareOfWallet: readNumber(r.wallet),
    };
  });
}

/** Metric observations of one month × segment × journey stage, split by the metric's kind. */
export interface ShareCell {
  period: string;
  segmentId: string;
  /** Null: metrics that belong to no journey stage. */
  stage: string | null;
  computableObservations: number;
  triggerObservations: number;
  computableMetrics: number;
  triggerMetrics: number;
}

/**
 * The observations of the window per month × segment × stage, and the distinct metrics
 * observed, each split into COMPUTABLE and TRIGGER: one grouped statement.
 */
export async function shareCells(em: Em, window: MonthWindow): Promise<ShareCell[]> {
  const kind = (k: MetricKind, what: string) => raw(`case when d.kind = '${k}' then ${what} end`);
  const q = sql`select o.period as period, a.segment_id as seg, d.stage as stage,
      count(${kind(MetricKind.COMPUTABLE, '1')}) as co, count(${kind(MetricKind.TRIGGER, '1')}) as tr,
      count(distinct ${kind(MetricKind.COMPUTABLE, 'd.id')}) as cm,
      count(distinct ${kind(MetricKind.TRIGGER, 'd.id')}) as tm
    from metric_observation o
    join metric_definition d on d.id = o.metric_id
    join client_account a on a.id = o.account_id
    where o.period >= ${window.from} and o.period <= ${window.to}
    group by o.period, a.segment_id, d.stage
    order by o.period, a.segment_id, d.stage`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => ({
    period: String(r.period),
    segmentId: String(r.seg),
    stage: r.stage === null || r.stage === undefined ? null : String(r.stage),
    computableObservations: readNumber(r.co) ?? 0,
    triggerObservations: readNumber(r.tr) ?? 0,
    computableMetrics: readNumber(r.cm) ?? 0,
    triggerMetrics: readNumber(r.tm) ?? 0,
  }));
}
