import type { Em } from '../../../db/orm.js';
import { BetterDirection } from '../../metric/metric.enums.js';
import { dialectOf, shiftMonth, sql, raw, type Sql } from '../../maturity/maturity.evidence.js';
import { monthStart, readNumber } from '../../monitor/monitor.window.js';

/**
 * The aggregate queries the index reads (one statement each, both databases). Metric values are
 * normalised in the database: the direction-aware percent rank of the account among the
 * accounts observed for the metric in the same month (`percent_rank()`: 0 worst, 1 best; 0.5
 * when a single account was observed).
 */

async function rows(em: Em, q: Sql): Promise<Record<string, unknown>[]> {
  return em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
}

const num = (v: unknown): number => readNumber(v) ?? 0;

/** Normalised value of every factor-linked observation of the months [from, to]. */
const NORMALISED = (from: string, to: string, accountFilter: Sql) =>
  sql`select o.account_id, o.period, o.metric_id, o.value, m.factor_id,
      case when count(*) over (partition by o.metric_id, o.period) > 1
        then percent_rank() over (partition by o.metric_id, o.period
          order by case when m.better_direction = ${BetterDirection.LOWER} then -o.value else o.value end)
        else 0.5 end as norm
    from metric_observation o
    join metric_definition m on m.id = o.metric_id
    where m.factor_id is not null and o.period >= ${from} and o.period <= ${to}${accountFilter}`;

export interface FactorScoreRow {
  accountId: string;
  segmentId: string;
  period: string;
  factorId: string;
  score: number;
}

/** Per account × month × factor: the mean normalised value of the factor's metrics. */
export async function factorScores(em: Em, from: string, to: string): Promise<FactorScoreRow[]> {
  const q = sql`select n.account_id as "accountId", a.segment_id as "segmentId", n.period,
      n.factor_id as "factorId", avg(n.norm) as score
    from (${NORMALISED(from, to, raw(''))}) n
    join client_account a on a.id = n.account_id
    group by n.account_id, a.segment_id, n.period, n.factor_id`;
  return (await rows(em, q)).map((r) => ({
    accountId: String(r.accountId),
    segmentId: String(r.segmentId),
    period: String(r.period),
    factorId: String(r.factorId),
    score: num(r.score),
  }));
}

export interface MetricDetailRow {
  metricId: string;
  factorId: string;
  value: number;
  normalised: number;
}

/** One account's normalised metric values in one month (normalised among all accounts). */
export async function metricDetail(
  em: Em,
  accountId: string,
  period: string,
): Promise<MetricDetailRow[]> {
  const q = sql`select n.metric_id as "metricId", n.factor_id as "factorId", n.value, n.norm
    from (${NORMALISED(period, period, raw(''))}) n where n.account_id = ${accountId}`;
  return (await rows(em, q)).map((r) => ({
    metricId: String(r.metricId),
    factorId: String(r.factorId),
    value: num(r.value),
    normalised: num(r.norm),
  }));
}

export interface SegmentWeightRow {
  segmentId: string;
  factorId: string;
  weight: number;
}

/**
 * A weight set's weights per segment × factor: the mean over the respondent classes, because
 * an account's measured NPS mixes the answers of its whole buying centre.
 */
export async function segmentWeights(em: Em, weightSetId: string): Promise<SegmentWeightRow[]> {
  const q = sql`select w.segment_id as "segmentId", w.factor_id as "factorId", avg(w.weight) as weight
    from importance_weight w where w.weight_set_id = ${weightSetId}
    group by w.segment_id, w.factor_id`;
  return (await rows(em, q)).map((r) => ({
    segmentId: String(r.segmentId),
    factorId: String(r.factorId),
    weight: num(r.weight),
  }));
}

export interface MeasuredRow {
  accountId: string;
  period: string;
  npsResponses: number;
  nps: number | null;
  csiResponses: number;
  csi: number | null;
}

/** Measured NPS (promoters − detractors, %) and mean CSI per account and month of [from, to]. */
export async function measuredSatisfaction(
  em: Em,
  from: string,
  to: string,
): Promise<MeasuredRow[]> {
  const month = dialectOf(em).monthOf('f.received_at');
  const q = sql`select f.account_id as "accountId", ${month} as period,
      count(f.nps_score) as nps_n,
      sum(case when f.nps_score >= 9 then 1 when f.nps_score <= 6 then -1 else 0 end) as nps_net,
      count(f.csi_score) as csi_n, avg(f.csi_score) as csi
    from feedback_item f
    where f.received_at >= ${monthStart(from)} and f.received_at < ${monthStart(shiftMonth(to, 1))}
    group by f.account_id, ${month}`;
  return (await rows(em, q)).map((r) => {
    const n = num(r.nps_n);
    const c = num(r.csi_n);
    return {
      accountId: String(r.accountId),
      period: String(r.period),
      npsResponses: n,
      nps: n > 0 ? (100 * num(r.nps_net)) / n : null,
      csiResponses: c,
      csi: c > 0 ? readNumber(r.csi) : null,
    };
  });
}
