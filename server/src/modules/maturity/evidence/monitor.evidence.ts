import type { Em } from '../../../db/orm.js';
import { AccountStatus } from '../../client/client.enums.js';
import { ProcessGroup } from '../../initiative/initiative.enums.js';
import { MetricKind } from '../../metric/metric.enums.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  commaSeparated,
  dialectOf,
  FORECAST_SUFFIX,
  list,
  raw,
  SATISFACTION_FORECAST_CODES,
  SATISFACTION_METRIC_CODES,
  selectAggregates,
  shiftMonth,
  sql,
  type EvidenceWindow,
  type MonthSpan,
  type Sql,
} from '../maturity.evidence.js';
import { OPEN_STATUSES } from './analyse.evidence.js';
import { pastImplement, targetObservedAfter } from './implement.evidence.js';

/** Figures for a month arrive after it ends: the latest two complete months count as "latest". */
export const FINANCE_LAG_MONTHS = 2;

const KEYS = [
  'activeAccounts',
  'accountsWithFigures',
  'corrN',
  'impactInitiatives',
  'impactWithControl',
  'divergenceChecked',
  'diverging',
  'divergingHandled',
  'activeMetrics',
  'unusedMetrics',
  'computableNow',
  'metricsThen',
  'computableThen',
] as const;

export type MonitorEvidence = Record<(typeof KEYS)[number], number> & {
  /** Per recent month: feedback with an NPS or CSI score, NPS/CSI observations, forecast pairs. */
  scoredByMonth: number[];
  observedByMonth: number[];
  forecastPairsByMonth: number[];
  /** Sums for Pearson's r of per-account mean CSI vs mean gross-margin rate. */
  corr: { sx: number; sy: number; sxy: number; sxx: number; syy: number };
  financeFrom: string;
};

const byMonth = (months: MonthSpan[], name: string, test: (m: MonthSpan) => Sql) =>
  commaSeparated(
    months.map(
      (m, i) => sql`sum(case when ${test(m)} then 1 else 0 end) as ${raw(`"${name}${i}"`)}`,
    ),
  );

/** Per-account mean of an expression over [from, to), as a derived table `(account_id, v)`. */
function perAccount(expr: string, table: string, where: Sql) {
  return sql`(select account_id, avg(${raw(expr)}) as v from ${raw(table)} where ${where} group by account_id)`;
}

export async function monitorEvidence(
  em: Em,
  w: EvidenceWindow,
  t: MaturityThresholds,
): Promise<MonitorEvidence> {
  const d = dialectOf(em);
  const recent = w.recentMonths;
  const prior = w.priorMonths;
  const [first, last] = [recent[0]!, recent[recent.length - 1]!];
  const financeFrom = shiftMonth(w.current.period, -FINANCE_LAG_MONTHS);
  const csi = (from: MonthSpan, to: MonthSpan) =>
    perAccount(
      'csi_score',
      'feedback_item',
      sql`csi_score is not null and received_at >= ${from.from} and received_at < ${to.to}`,
    );
  const late = (from: MonthSpan, to: MonthSpan) =>
    perAccount(
      'avg_days_late',
      'transactional_figures',
      sql`period >= ${from.period} and period <= ${to.period}`,
    );
  const rising = sql`rc.v - pc.v >= ${t.divergenceCsiRise} and rl.v >= pl.v`;
  const affected = sql`select ia.client_account_id from initiative_account ia where ia.initiative_id = i.id`;
  const row = await selectAggregates(em, [
    sql`select ${byMonth(recent, 'scored', (m) => sql`f.received_at >= ${m.from} and f.received_at < ${m.to}`)}
      from feedback_item f where (f.nps_score is not null or f.csi_score is not null)
        and f.received_at >= ${first.from} and f.received_at < ${last.to}`,
    sql`select ${byMonth(recent, 'observed', (m) => sql`o.period = ${m.period}`)}
      from metric_observation o join metric_definition md on md.id = o.metric_id
      where md.code in (${list(SATISFACTION_METRIC_CODES)}) and o.period >= ${first.period} and o.period <= ${last.period}`,
    sql`select ${byMonth(recent, 'forecast', (m) => sql`fo.period = ${m.period}`)}
      from metric_observation fo join metric_definition fd on fd.id = fo.metric_id
      where fd.code in (${list(SATISFACTION_FORECAST_CODES)}) and fo.period >= ${first.period} and fo.period <= ${last.period}
        and exists (select 1 from metric_observation ao join metric_definition ad on ad.id = ao.metric_id
          where ad.code || ${FORECAST_SUFFIX} = fd.code and ao.account_id = fo.account_id and ao.period = fo.period)`,
    sql`select count(*) as "activeAccounts",
      sum(case when exists (select 1 from transactional_figures tf where tf.account_id = a.id
        and tf.period >= ${financeFrom} and tf.period < ${w.current.period}) then 1 else 0 end) as "accountsWithFigures"
      from client_account a where a.status <> ${AccountStatus.CHURNED}`,
    // Pearson's r from five sums over accounts that have both a CSI and a margin in the window.
    sql`select count(*) as "corrN", sum(s.v) as "sx", sum(g.v) as "sy", sum(s.v * g.v) as "sxy",
        sum(s.v * s.v) as "sxx", sum(g.v * g.v) as "syy"
      from ${perAccount('csi_score', 'feedback_item', sql`csi_score is not null and received_at >= ${w.history.from} and received_at < ${w.current.from}`)} s
      join ${perAccount('gross_margin / revenue', 'transactional_figures', sql`revenue > 0 and period >= ${w.history.period} and period < ${w.current.period}`)} g
        on g.account_id = s.account_id`,
    sql`select count(*) as "impactInitiatives",
      sum(case when ${targetObservedAfter(d, 'started_at', { accounts: sql`and o.account_id in (${affected})` })}
        and ${targetObservedAfter(d, 'started_at', { accounts: sql`and o.account_id not in (${affected})` })}
        then 1 else 0 end) as "impactWithControl"
      from initiative i where ${pastImplement()} and exists (${affected})`,
    // Satisfaction up by the threshold between the prior and the recent months, days late not down.
    sql`select count(*) as "divergenceChecked",
      sum(case when ${rising} then 1 else 0 end) as "diverging",
      sum(case when ${rising} and exists (select 1 from initiative_account ia join initiative i on i.id = ia.initiative_id
        where ia.client_account_id = rc.account_id and i.status in (${list(OPEN_STATUSES)})
          and i.process_group in (${list([ProcessGroup.MONITOR, ProcessGroup.CORRECT])})) then 1 else 0 end) as "divergingHandled"
      from ${csi(first, last)} rc
      join ${csi(prior[0]!, prior[prior.length - 1]!)} pc on pc.account_id = rc.account_id
      join ${late(first, last)} rl on rl.account_id = rc.account_id
      join ${late(prior[0]!, prior[prior.length - 1]!)} pl on pl.account_id = rc.account_id`,
    sql`select sum(case when md.active = ${true} then 1 else 0 end) as "activeMetrics",
      sum(case when md.active = ${true} and not exists (select 1 from metric_observation o
        where o.metric_id = md.id and o.period >= ${w.history.period}) then 1 else 0 end) as "unusedMetrics",
      sum(case when md.active = ${true} and md.kind = ${MetricKind.COMPUTABLE} then 1 else 0 end) as "computableNow",
      sum(case when md.created_at < ${w.history.from} then 1 else 0 end) as "metricsThen",
      sum(case when md.created_at < ${w.history.from} and md.kind = ${MetricKind.COMPUTABLE} then 1 else 0 end) as "computableThen"
      from metric_definition md`,
  ]);
  return {
    ...row.counts(KEYS),
    scoredByMonth: recent.map((_, i) => row.count(`scored${i}`)),
    observedByMonth: recent.map((_, i) => row.count(`observed${i}`)),
    forecastPairsByMonth: recent.map((_, i) => row.count(`forecast${i}`)),
    corr: {
      sx: row.count('sx'),
      sy: row.count('sy'),
      sxy: row.count('sxy'),
      sxx: row.count('sxx'),
      syy: row.count('syy'),
    },
    financeFrom,
  };
}
