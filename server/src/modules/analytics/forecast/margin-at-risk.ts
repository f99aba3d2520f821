import type { ForecastConfig } from '../../../config.js';
import type { Em } from '../../../db/orm.js';
import { AccountStatus } from '../../client/client.enums.js';
import { raw, shiftMonth, sql } from '../../maturity/maturity.evidence.js';
import { WeightSet } from '../../value/weight-set.entity.js';

/**
 * Margin at risk: the gross margin of the trailing 12 months of the accounts that a danger
 * rule flags, with the rule(s) that flagged each — money, not only a score.
 *
 * A danger rule is a per-account signal (read by one aggregate query) and a threshold. The
 * forecasts give two (predicted NPS, churn risk), the weighted satisfaction index a third (the
 * NPS its calibrated line predicts); another source is one more entry in `DANGER_RULES`.
 */
export interface DangerRule {
  code: string;
  /** Human wording of the signal, e.g. "predicted NPS". */
  label: string;
  /** The account is in danger when its value is below (`BELOW`) or at least (`AT_LEAST`) the threshold. */
  direction: 'BELOW' | 'AT_LEAST';
  threshold(config: ForecastConfig): number;
  /** Per account, the signal's value for the forecast month `period`. */
  load(em: Em, period: string): Promise<Map<string, number>>;
}

/** A column of the forecasts' read model (the name is written in this file only). */
async function forecastColumn(em: Em, period: string, column: 'predicted_nps' | 'churn_risk') {
  const q = sql`select f.account_id as "accountId", f.${raw(column)} as "value"
    from account_forecast f where f.period = ${period}`;
  const rows = await em.execute<{ accountId: string; value: unknown }[]>(q.text, [...q.params]);
  return new Map(rows.map((r) => [String(r.accountId), Number(r.value)]));
}

/**
 * The predicted NPS of the weighted satisfaction index (current weight set) in the latest month
 * it was computed for before the forecast month: the method's "predicted satisfaction index".
 */
async function indexPredictedNps(em: Em, period: string): Promise<Map<string, number>> {
  const current = await em.findOne(WeightSet, { isCurrent: true }, { fields: ['id'] });
  if (!current) return new Map();
  const q = sql`select s.account_id as "accountId", s.predicted_nps as "value"
    from satisfaction_index s
    where s.weight_set_id = ${current.id} and s.predicted_nps is not null
      and s.period = (select max(s2.period) from satisfaction_index s2
        where s2.weight_set_id = ${current.id} and s2.period < ${period})`;
  const rows = await em.execute<{ accountId: string; value: unknown }[]>(q.text, [...q.params]);
  return new Map(rows.map((r) => [String(r.accountId), Number(r.value)]));
}

export const DANGER_RULES: readonly DangerRule[] = [
  {
    code: 'PREDICTED_NPS',
    label: 'predicted NPS',
    direction: 'BELOW',
    threshold: (c) => c.dangerNps,
    load: (em, period) => forecastColumn(em, period, 'predicted_nps'),
  },
  {
    code: 'CHURN_RISK',
    label: '3-month churn risk',
    direction: 'AT_LEAST',
    threshold: (c) => c.dangerChurnRisk,
    load: (em, period) => forecastColumn(em, period, 'churn_risk'),
  },
  {
    code: 'INDEX_PREDICTED_NPS',
    label: 'NPS predicted by the satisfaction index',
    direction: 'BELOW',
    threshold: (c) => c.dangerNps,
    load: indexPredictedNps,
  },
];

/** One account's trailing gross margin (and revenue), from the aggregate query. */
export interface AccountMargin {
  accountId: string;
  segmentId: string;
  margin: number;
  revenue: number;
}

/** Gross margin and revenue of the 12 months up to `lastMonth`, per live account. */
export async function trailingMargins(em: Em, lastMonth: string): Promise<AccountMargin[]> {
  const q = sql`select t.account_id as "accountId", a.segment_id as "segmentId",
      sum(t.gross_margin) as "margin", sum(t.revenue) as "revenue"
    from transactional_figures t join client_account a on a.id = t.account_id
    where t.period >= ${shiftMonth(lastMonth, -11)} and t.period <= ${lastMonth}
      and a.status <> ${AccountStatus.CHURNED}
    group by t.account_id, a.segment_id`;
  const rows = await em.execute<Record<string, unknown>[]>(q.text, [...q.params]);
  return rows.map((r) => ({
    accountId: String(r.accountId),
    segmentId: String(r.segmentId),
    margin: Number(r.margin ?? 0),
    revenue: Number(r.revenue ?? 0),
  }));
}

export interface DangerReason {
  rule: string;
  label: string;
  value: number;
  threshold: number;
  direction: 'BELOW' | 'AT_LEAST';
}

export interface AccountAtRisk extends AccountMargin {
  reasons: DangerReason[];
}

export interface MarginTotal {
  accounts: number;
  accountsAtRisk: number;
  margin: number;
  marginAtRisk: number;
  /** marginAtRisk / margin; null when there is no margin. */
  shareAtRisk: number | null;
}

export interface MarginAtRisk {
  accounts: AccountAtRisk[];
  segments: (MarginTotal & { segmentId: string })[];
  total: MarginTotal;
}

/** Which rules flag an account, given each rule's values and thresholds (pure). */
export function dangerReasons(
  accountId: string,
  rules: readonly { rule: DangerRule; threshold: number; values: Map<string, number> }[],
): DangerReason[] {
  return rules.flatMap(({ rule, threshold, values }) => {
    const value = values.get(accountId);
    if (value === undefined) return [];
    const flagged = rule.direction === 'BELOW' ? value < threshold : value >= threshold;
    return flagged
      ? [{ rule: rule.code, label: rule.label, value, threshold, direction: rule.direction }]
      : [];
  });
}

function total(rows: readonly AccountMargin[], atRisk: ReadonlySet<string>): MarginTotal {
  const margin = rows.reduce((s, r) => s + r.margin, 0);
  const risky = rows.filter((r) => atRisk.has(r.accountId));
  const marginAtRisk = risky.reduce((s, r) => s + r.margin, 0);
  return {
    accounts: rows.length,
    accountsAtRisk: risky.length,
    margin,
    marginAtRisk,
    shareAtRisk: margin !== 0 ? marginAtRisk / margin : null,
  };
}

/** Accounts at risk (largest margin first), totals per segment and overall (pure). */
export function marginAtRisk(
  margins: readonly AccountMargin[],
  rules: readonly { rule: DangerRule; threshold: number; values: Map<string, number> }[],
): MarginAtRisk {
  const accounts = margins
    .map((m) => ({ ...m, reasons: dangerReasons(m.accountId, rules) }))
    .filter((a) => a.reasons.length > 0)
    .sort((a, b) => b.margin - a.margin || a.accountId.localeCompare(b.accountId));
  const atRisk = new Set(accounts.map((a) => a.accountId));
  const segmentIds = [...new Set(margins.map((m) => m.segmentId))].sort();
  return {
    accounts,
    segments: segmentIds.map((segmentId) => ({
      segmentId,
      ...total(
        margins.filter((m) => m.segmentId === segmentId),
        atRisk,
      ),
    })),
    total: total(margins, atRisk),
  };
}
