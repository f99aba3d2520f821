import type { Em } from '../../db/orm.js';
import { AccountStatus } from '../client/client.enums.js';
import { dialectOf, raw, shiftMonth, sql, type Sql } from '../maturity/maturity.evidence.js';
import { monthStart } from './monitor.window.js';

const COLUMNS = `id, period, account_id, segment_id, responses, nps_responses, nps_promoters,
  nps_detractors, nps, csi_responses, csi, revenue, gross_margin, avg_days_late, computed_at`;

async function run(em: Em, statement: Sql): Promise<void> {
  await em.execute(statement.text, [...statement.params]);
}

/** Promoters minus detractors in percent of the answers; null without answers. */
const NPS = (n: string, promoters: string, detractors: string) =>
  `case when ${n} > 0 then 100.0 * (${promoters} - ${detractors}) / ${n} end`;

/**
 * Recomputes the period figures of the months [from, to] (`YYYY-MM`) with four statements,
 * whatever the data size: account rows from feedback and transactional figures, then segment
 * and company rows added up from the account rows (so they agree exactly). Churned accounts
 * count in the months they had. Answers the rows written.
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
        coalesce(fb.csi_n, 0), fb.csi, tf.revenue, tf.gross_margin, tf.avg_days_late, ${computedAt}
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
        sum(p.revenue), sum(p.gross_margin),
        case when sum(case when p.avg_days_late is not null then p.revenue end) > 0
          then sum(p.avg_days_late * p.revenue) / sum(case when p.avg_days_late is not null then p.revenue end) end,
        ${computedAt}
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
  });
  const [row] = await em.execute<{ n: unknown }[]>(
    'select count(*) as n from period_figure where period >= ? and period <= ?',
    [from, to],
  );
  return Number(row?.n ?? 0);
}

/** Accounts the monitoring rules look at. */
export const LIVE_ACCOUNT = sql`a.status <> ${AccountStatus.CHURNED}`;
