import type { Em } from '../../db/orm.js';
import { AccountStatus } from '../client/client.enums.js';
import { MetricKind } from '../metric/metric.enums.js';
import { dialectOf, raw, shiftMonth, sql, type Sql } from '../maturity/maturity.evidence.js';
import { monthStart } from './monitor.window.js';

const COLUMNS = `id, period, account_id, segment_id, responses, nps_responses, nps_promoters,
  nps_detractors, nps, csi_responses, csi, revenue, gross_margin, avg_days_late, order_count,
  order_regularity, share_of_wallet, computed_at`;

const METRIC_COLUMNS = `id, period, metric_id, account_id, segment_id, value, accounts, sample_size,
  computed_at`;

async function run(em: Em, statement: Sql): Promise<void> {
  await em.execute(statement.text, [...statement.params]);
}

/** The mean of `column` weighted by revenue, over the rows that have both; null without any. */
const BY_REVENUE = (column: string) =>
  `case when sum(case when ${column} is not null then p.revenue end) > 0
    then sum(${column} * p.revenue) / sum(case when ${column} is not null then p.revenue end) end`;

/** Promoters minus detractors in percent of the answers; null without answers. */
const NPS = (n: string, promoters: string, detractors: string) =>
  `case when ${n} > 0 then 100.0 * (${promoters} - ${detractors}) / ${n} end`;

/**
 * Recomputes the period figures of the months [from, to] (`YYYY-MM`) with four statements,
 * whatever the data size: account rows from feedback and transactional figures, then segment
 * and company rows added up from the account rows (so they agree exactly). Churned accounts
 * count in the months they had. The computable metrics' figures of the same months are
 * recomputed in the same transaction. Answers the period-figure rows written.
 */
export async function recomputePeriodFigures(
  em: Em,
  from: string,
  to: string,
  computedAt: Date,
): Promise<number> {
  const d = dialectOf(em);
  const [start, end] = [monthStart(from), monthStart(shiftMonth(to, 1))];
  const month = d.monthOf('f.received_at');
  await em.transactional(async (tx) => {
    await run(tx, sql`delete from period_figure where period >= ${from} and period <= ${to}`);
    await run(
      tx,
      sql`insert into period_figure (${raw(COLUMNS)})
      select 'A:' || cast(k.account_id as varchar(36)) || ':' || k.period, k.period, k.account_id,
        a.segment_id, coalesce(fb.responses, 0), coalesce(fb.nps_n, 0), coalesce(fb.promoters, 0),
        coalesce(fb.detractors, 0), ${raw(NPS('fb.nps_n', 'fb.promoters', 'fb.detractors'))},
        coalesce(fb.csi_n, 0), fb.csi, tf.revenue, tf.gross_margin, tf.avg_days_late,
        tf.order_count, tf.order_regularity, tf.share_of_wallet, ${computedAt}
      from (select f.account_id, ${month} as period from feedback_item f
              where f.received_at >= ${start} and f.received_at < ${end}
            union
            select t.account_id, t.period from transactional_figures t
              where t.period >= ${from} and t.period <= ${to}) k
      join client_account a on a.id = k.account_id
      left join (select f.account_id, ${month} as period, count(*) as responses,
          count(f.nps_score) as nps_n,
          sum(case when f.nps_score >= 9 then 1 else 0 end) as promoters,
          sum(case when f.nps_score <= 6 then 1 else 0 end) as detractors,
          count(f.csi_score) as csi_n, avg(f.csi_score) as csi
        from feedback_item f where f.received_at >= ${start} and f.received_at < ${end}
        group by f.account_id, ${month}) fb on fb.account_id = k.account_id and fb.period = k.period
      left join transactional_figures tf on tf.account_id = k.account_id and tf.period = k.period`,
    );
    const rollUp = (key: Sql, segment: Sql, groupBy: Sql) =>
      sql`insert into period_figure (${raw(COLUMNS)})
      select ${key}, p.period, null, ${segment}, sum(p.responses), sum(p.nps_responses),
        sum(p.nps_promoters), sum(p.nps_detractors),
        ${raw(NPS('sum(p.nps_responses)', 'sum(p.nps_promoters)', 'sum(p.nps_detractors)'))},
        sum(p.csi_responses),
        case when sum(p.csi_responses) > 0 then sum(p.csi * p.csi_responses) / sum(p.csi_responses) end,
        sum(p.revenue), sum(p.gross_margin), ${raw(BY_REVENUE('p.avg_days_late'))},
        sum(p.order_count), ${raw(BY_REVENUE('p.order_regularity'))},
        ${raw(BY_REVENUE('p.share_of_wallet'))}, ${computedAt}
      from period_figure p
      where p.account_id is not null and p.period >= ${from} and p.period <= ${to}
      group by ${groupBy}`;
    await run(
      tx,
      rollUp(
        raw(`'S:' || cast(p.segment_id as varchar(36)) || ':' || p.period`),
        raw('p.segment_id'),
        raw('p.segment_id, p.period'),
      ),
    );
    await run(tx, rollUp(raw(`'ALL:' || p.period`), raw('null'), raw('p.period')));
    await recomputeMetricFigures(tx, from, to, computedAt);
  });
  const [row] = await em.execute<{ n: unknown }[]>(
    'select count(*) as n from period_figure where period >= ? and period <= ?',
    [from, to],
  );
  return Number(row?.n ?? 0);
}

/**
 * The computable metrics' figures of the months [from, to] (`YYYY-MM`), three statements: an
 * account row per observation of a COMPUTABLE metric, then per metric the segment and company
 * rows (the mean over the accounts observed, their number and the summed sample sizes).
 */
async function recomputeMetricFigures(
  em: Em,
  from: string,
  to: string,
  computedAt: Date,
): Promise<void> {
  const uuid = (column: string) => `cast(${column} as varchar(36))`;
  await run(em, sql`delete from period_metric_figure where period >= ${from} and period <= ${to}`);
  await run(
    em,
    sql`insert into period_metric_figure (${raw(METRIC_COLUMNS)})
    select ${raw(`'A:' || ${uuid('o.account_id')} || ':' || ${uuid('o.metric_id')} || ':' || o.period`)},
      o.period, o.metric_id, o.account_id, a.segment_id, o.value, 1, o.sample_size, ${computedAt}
    from metric_observation o
    join metric_definition m on m.id = o.metric_id
    join client_account a on a.id = o.account_id
    where m.kind = ${MetricKind.COMPUTABLE} and o.period >= ${from} and o.period <= ${to}`,
  );
  const rollUp = (key: Sql, segment: Sql, groupBy: Sql) =>
    sql`insert into period_metric_figure (${raw(METRIC_COLUMNS)})
    select ${key}, p.period, p.metric_id, null, ${segment}, avg(p.value), count(*),
      sum(p.sample_size), ${computedAt}
    from period_metric_figure p
    where p.account_id is not null and p.period >= ${from} and p.period <= ${to}
    group by ${groupBy}`;
  await run(
    em,
    rollUp(
      raw(`'S:' || ${uuid('p.segment_id')} || ':' || ${uuid('p.metric_id')} || ':' || p.period`),
      raw('p.segment_id'),
      raw('p.segment_id, p.metric_id, p.period'),
    ),
  );
  await run(
    em,
    rollUp(
      raw(`'ALL:' || ${uuid('p.metric_id')} || ':' || p.period`),
      raw('null'),
      raw('p.metric_id, p.period'),
    ),
  );
}

/** Accounts the monitoring rules look at. */
export const LIVE_ACCOUNT = sql`a.status <> ${AccountStatus.CHURNED}`;
