import type { Em } from '../../../db/orm.js';
import { list, raw, sql, type Sql } from '../../maturity/maturity.evidence.js';
import { monthStart, readNumber } from '../../monitor/monitor.window.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';
import type { AccountChange } from './did.js';

/**
 * The account-level aggregates behind an initiative's effect, computed by the database (one
 * row per account, never per feedback item): the initiative's affected accounts ("treated")
 * and every other account of the segments they belong to ("control"), over the "before"
 * months [beforeFrom, afterFrom) and the "after" months [afterFrom, afterTo].
 */
export interface EffectWindow {
  beforeFrom: string;
  afterFrom: string;
  afterTo: string;
}

/** Per account: NPS (promoters − detractors, % of its answers) and mean CSI in each window. */
export interface SatisfactionByAccount {
  nps: AccountChange[];
  csi: AccountChange[];
}

/** Accounts of the affected accounts' segments; `alias` is the client_account alias. */
const inScope = (initiativeId: string, alias: string): Sql =>
  sql`${raw(alias)}.segment_id in (select sa.segment_id from initiative_account si
      join client_account sa on sa.id = si.client_account_id where si.initiative_id = ${initiativeId})`;

const TREATED = 'max(case when ia.client_account_id is not null then 1 else 0 end)';

async function rows(em: Em, statement: Sql): Promise<Record<string, unknown>[]> {
  return em.execute<Record<string, unknown>[]>(statement.text, [...statement.params]);
}

export async function satisfactionByAccount(
  em: Em,
  initiativeId: string,
  w: EffectWindow,
): Promise<SatisfactionByAccount> {
  const from = monthStart(w.beforeFrom);
  const cut = monthStart(w.afterFrom);
  const end = monthStart(shiftMonth(w.afterTo, 1));
  const before = sql`f.received_at < ${cut}`;
  const after = sql`f.received_at >= ${cut}`;
  const nps = (when: Sql) =>
    sql`case when count(case when ${when} and f.nps_score is not null then 1 end) > 0
      then 100.0 * sum(case when ${when} and f.nps_score >= 9 then 1
                            when ${when} and f.nps_score <= 6 then -1 else 0 end)
        / count(case when ${when} and f.nps_score is not null then 1 end) end`;
  const found = await rows(
    em,
    sql`select f.account_id as account_id, ${raw(TREATED)} as treated,
        ${nps(before)} as nps_before, ${nps(after)} as nps_after,
        avg(case when ${before} then f.csi_score end) as csi_before,
        avg(case when ${after} then f.csi_score end) as csi_after
      from client_account a
      join feedback_item f
        on f.account_id = a.id and f.received_at >= ${from} and f.received_at < ${end}
      left join initiative_account ia
        on ia.client_account_id = a.id and ia.initiative_id = ${initiativeId}
      where ${inScope(initiativeId, 'a')}
      group by f.account_id`,
  );
  const change = (r: Record<string, unknown>, measure: 'nps' | 'csi'): AccountChange => ({
    treated: readNumber(r.treated) === 1,
    before: readNumber(r[`${measure}_before`]),
    after: readNumber(r[`${measure}_after`]),
  });
  return { nps: found.map((r) => change(r, 'nps')), csi: found.map((r) => change(r, 'csi')) };
}

/** Per metric and account: the mean of its monthly observations in each window. */
export async function metricsByAccount(
  em: Em,
  initiativeId: string,
  metricIds: readonly string[],
  w: EffectWindow,
): Promise<Map<string, AccountChange[]>> {
  const byMetric = new Map<string, AccountChange[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0) return byMetric;
  const found = await rows(
    em,
    sql`select o.metric_id as metric_id, o.account_id as account_id, ${raw(TREATED)} as treated,
        avg(case when o.period < ${w.afterFrom} then o.value end) as value_before,
        avg(case when o.period >= ${w.afterFrom} then o.value end) as value_after
      from metric_observation o
      join client_account a on a.id = o.account_id
      left join initiative_account ia
        on ia.client_account_id = o.account_id and ia.initiative_id = ${initiativeId}
      where o.metric_id in (${list(metricIds)})
        and o.period >= ${w.beforeFrom} and o.period <= ${w.afterTo}
        and ${inScope(initiativeId, 'a')}
      group by o.metric_id, o.account_id`,
  );
  for (const r of found) {
    byMetric.get(String(r.metric_id))?.push({
      treated: readNumber(r.treated) === 1,
      before: readNumber(r.value_before),
      after: readNumber(r.value_after),
    });
  }
  return byMetric;
}
