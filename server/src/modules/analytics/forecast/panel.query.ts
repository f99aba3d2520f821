import type { Em } from '../../../db/orm.js';
import { Sentiment } from '../../feedback/feedback.enums.js';
import { dialectOf, raw, sql } from '../../maturity/maturity.evidence.js';
import { monthStart } from '../../monitor/monitor.window.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';

/**
 * One account × month of the forecasting panel: the signals known at the end of the month.
 * Built by one aggregate statement over the monitor's period figures (account rows) and the
 * month's feedback, with window functions for the trailing levels and trends.
 */
export interface PanelRow {
  accountId: string;
  segmentId: string;
  period: string;
  /** The month's NPS (−100…100) and its answers; null without answers. */
  nps: number | null;
  npsResponses: number;
  /** NPS over the last 3 months and over all months so far (pooled answers). */
  nps3: number | null;
  npsAll: number | null;
  /** NPS of the 3 months before the last 3 (for the trend). */
  npsPrior3: number | null;
  csi3: number | null;
  csiAll: number | null;
  ces3: number | null;
  /** Feedback items, complaints (classified) and negative items over the last 3 months. */
  responses3: number;
  complaints3: number;
  negatives3: number;
  /** Transactional figures of the month; revenue null when the account had none (churned). */
  revenue: number | null;
  grossMargin: number | null;
  avgDaysLate: number | null;
  orderRegularity: number | null;
  shareOfWallet: number | null;
  /** Mean monthly revenue of the 3 months before this one. */
  revenuePrior3: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The panel of the months [from, to] (`YYYY-MM`), all accounts. */
export async function loadPanel(em: Em, from: string, to: string): Promise<PanelRow[]> {
  const d = dialectOf(em);
  const month = d.monthOf('f.received_at');
  const w = (frame: string) =>
    raw(`over (partition by x.account_id order by x.period rows between ${frame})`);
  const last3 = w('2 preceding and current row');
  const all = w('unbounded preceding and current row');
  const prior3 = w('5 preceding and 3 preceding');
  const before3 = w('3 preceding and 1 preceding');
  const statement = sql`select x.account_id as "accountId", x.segment_id as "segmentId",
      x.period as "period", x.nps as "nps", x.nps_responses as "npsResponses",
      ${nps('sum(x.nps_responses)', 'sum(x.nps_promoters)', 'sum(x.nps_detractors)', last3)} as "nps3",
      ${nps('sum(x.nps_responses)', 'sum(x.nps_promoters)', 'sum(x.nps_detractors)', all)} as "npsAll",
      ${nps('sum(x.nps_responses)', 'sum(x.nps_promoters)', 'sum(x.nps_detractors)', prior3)} as "npsPrior3",
      sum(x.csi * x.csi_responses) ${last3} / nullif(sum(x.csi_responses) ${last3}, 0) as "csi3",
      sum(x.csi * x.csi_responses) ${all} / nullif(sum(x.csi_responses) ${all}, 0) as "csiAll",
      sum(x.ces_sum) ${last3} / nullif(sum(x.ces_n) ${last3}, 0) as "ces3",
      sum(x.responses) ${last3} as "responses3",
      sum(x.complaints) ${last3} as "complaints3",
      sum(x.negatives) ${last3} as "negatives3",
      x.revenue as "revenue", x.gross_margin as "grossMargin", x.avg_days_late as "avgDaysLate",
      x.order_regularity as "orderRegularity", x.share_of_wallet as "shareOfWallet",
      avg(x.revenue) ${before3} as "revenuePrior3"
    from (select p.account_id, p.segment_id, p.period, p.nps, p.nps_responses, p.nps_promoters,
        p.nps_detractors, p.csi, p.csi_responses, p.responses, p.revenue, p.gross_margin,
        p.avg_days_late, p.order_regularity, p.share_of_wallet,
        coalesce(fb.ces_sum, 0) as ces_sum, coalesce(fb.ces_n, 0) as ces_n,
        coalesce(fb.complaints, 0) as complaints, coalesce(fb.negatives, 0) as negatives
      from period_figure p
      left join (select f.account_id, ${month} as period, sum(f.ces_score) as ces_sum,
          count(f.ces_score) as ces_n,
          sum(case when f.complaint_class is not null then 1 else 0 end) as complaints,
          sum(case when f.sentiment = ${Sentiment.NEGATIVE} then 1 else 0 end) as negatives
        from feedback_item f
        where f.received_at >= ${monthStart(from)} and f.received_at < ${monthStart(shiftMonth(to, 1))}
        group by f.account_id, ${month}) fb on fb.account_id = p.account_id and fb.period = p.period
      where p.account_id is not null and p.period >= ${from} and p.period <= ${to}) x
    order by x.account_id, x.period`;
  const rows = await em.execute<Record<string, unknown>[]>(statement.text, [...statement.params]);
  return rows.map((r) => ({
    accountId: String(r.accountId),
    segmentId: String(r.segmentId),
    period: String(r.period),
    nps: num(r.nps),
    npsResponses: num(r.npsResponses) ?? 0,
    nps3: num(r.nps3),
    npsAll: num(r.npsAll),
    npsPrior3: num(r.npsPrior3),
    csi3: num(r.csi3),
    csiAll: num(r.csiAll),
    ces3: num(r.ces3),
    responses3: num(r.responses3) ?? 0,
    complaints3: num(r.complaints3) ?? 0,
    negatives3: num(r.negatives3) ?? 0,
    revenue: num(r.revenue),
    grossMargin: num(r.grossMargin),
    avgDaysLate: num(r.avgDaysLate),
    orderRegularity: num(r.orderRegularity),
    shareOfWallet: num(r.shareOfWallet),
    revenuePrior3: num(r.revenuePrior3),
  }));
}

/** Pooled NPS over a window frame: promoters minus detractors in percent of the answers. */
function nps(n: string, promoters: string, detractors: string, frame: ReturnType<typeof raw>) {
  return sql`100.0 * (${raw(promoters)} ${frame} - ${raw(detractors)} ${frame}) / nullif(${raw(n)} ${frame}, 0)`;
}
