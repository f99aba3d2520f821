import type { DomainContext } from '../../../domain/context.js';
import { raw, shiftMonth, sql } from '../../maturity/maturity.evidence.js';
import { monthStart, readNumber } from '../../monitor/monitor.window.js';
import {
  compareRankings,
  locationOf,
  shrunkLocation,
  zSum,
  type RankedPair,
} from './alignment.math.js';
import { checkSpan } from './index.periods.js';

export type AlignedMetric = 'NPS' | 'CSI';

/** Pseudo-responses of the segment's figures a contact's own history is shrunk with. */
export const SHRINK_RESPONSES = 2;
/** Floor of a contact's spread, in points of the scale (NPS 0–10, CSI 0–100). */
const MIN_SD: Record<AlignedMetric, number> = { NPS: 0.5, CSI: 5 };
const COLUMN: Record<AlignedMetric, string> = { NPS: 'f.nps_score', CSI: 'f.csi_score' };

export interface AlignedAccount {
  accountId: string;
  segmentId: string;
  responses: number;
}

export interface AlignmentResult {
  metric: AlignedMetric;
  periodFrom: string;
  periodTo: string;
  historyFrom: string;
  spearman: number | null;
  accounts: RankedPair<AlignedAccount>[];
}

const n = (v: unknown) => readNumber(v) ?? 0;

/**
 * Raw vs scale-aligned scores per account over a window. Raw: NPS (promoters − detractors, %)
 * or mean CSI of the window's answers. Aligned: the mean over the window's answers of each
 * answer's z-score against its contact's own mean and spread over the history window (the
 * `historyMonths` months before the window), shrunk toward the segment's over the same
 * months (see `shrunkLocation`). Answers without a contact count in the raw score only.
 */
export class ScaleAlignmentService {
  constructor(private readonly ctx: DomainContext) {}

  async compare(q: {
    metric: AlignedMetric;
    periodFrom: string;
    periodTo: string;
    historyMonths?: number | null;
    segmentId?: string | null;
  }): Promise<AlignmentResult> {
    checkSpan(q.periodFrom, q.periodTo, this.ctx.clock.now());
    const history = Math.min(36, Math.max(1, q.historyMonths ?? 12));
    const historyFrom = shiftMonth(q.periodFrom, -history);
    const [hStart, wStart, end] = [
      monthStart(historyFrom),
      monthStart(q.periodFrom),
      monthStart(shiftMonth(q.periodTo, 1)),
    ];
    const x = COLUMN[q.metric];
    const inWindow = sql`f.received_at >= ${wStart}`;
    const before = sql`f.received_at < ${wStart}`;
    const segment = q.segmentId ? sql` and a.segment_id = ${q.segmentId}` : sql``;
    // Per contact (and one row per account for the answers without one): sums over the history
    // and over the window, all in one aggregate statement.
    const stmt = sql`select f.account_id as "accountId", a.segment_id as "segmentId",
        f.contact_id as "contactId",
        sum(case when ${before} then 1 else 0 end) as hn,
        sum(case when ${before} then ${raw(x)} end) as hs,
        sum(case when ${before} then ${raw(x)} * ${raw(x)} end) as hq,
        sum(case when ${inWindow} and ${raw(x)} is not null then 1 else 0 end) as wn,
        sum(case when ${inWindow} then ${raw(x)} end) as ws,
        sum(case when ${inWindow} and ${raw(x)} >= 9 then 1 else 0 end) as wp,
        sum(case when ${inWindow} and ${raw(x)} <= 6 then 1 else 0 end) as wd
      from feedback_item f join client_account a on a.id = f.account_id
      where f.received_at >= ${hStart} and f.received_at < ${end} and ${raw(x)} is not null${segment}
      group by f.account_id, a.segment_id, f.contact_id`;
    const rows = await this.ctx.em.execute<Record<string, unknown>[]>(stmt.text, [...stmt.params]);
    const segSums = new Map<string, { n: number; sum: number; sumSq: number }>();
    for (const r of rows) {
      const s = segSums.get(String(r.segmentId)) ?? { n: 0, sum: 0, sumSq: 0 };
      s.n += n(r.hn);
      s.sum += n(r.hs);
      s.sumSq += n(r.hq);
      segSums.set(String(r.segmentId), s);
    }
    const acc = new Map<
      string,
      { segmentId: string; n: number; sum: number; p: number; d: number; zn: number; z: number }
    >();
    for (const r of rows) {
      const id = String(r.accountId);
      const a = acc.get(id) ?? {
        segmentId: String(r.segmentId),
        n: 0,
        sum: 0,
        p: 0,
        d: 0,
        zn: 0,
        z: 0,
      };
      a.n += n(r.wn);
      a.sum += n(r.ws);
      a.p += n(r.wp);
      a.d += n(r.wd);
      if (r.contactId !== null && r.contactId !== undefined && n(r.wn) > 0) {
        const at = shrunkLocation(
          { n: n(r.hn), sum: n(r.hs), sumSq: n(r.hq) },
          locationOf(segSums.get(String(r.segmentId))!),
          SHRINK_RESPONSES,
          MIN_SD[q.metric],
        );
        a.zn += n(r.wn);
        a.z += zSum(n(r.wn), n(r.ws), at);
      }
      acc.set(id, a);
    }
    const items = [...acc]
      .filter(([, a]) => a.n > 0 && a.zn > 0)
      .map(([accountId, a]) => ({
        item: { accountId, segmentId: a.segmentId, responses: a.n },
        raw: q.metric === 'NPS' ? (100 * (a.p - a.d)) / a.n : a.sum / a.n,
        aligned: a.z / a.zn,
      }));
    const { pairs, spearman } = compareRankings(items);
    return {
      metric: q.metric,
      periodFrom: q.periodFrom,
      periodTo: q.periodTo,
      historyFrom,
      spearman,
      accounts: pairs,
    };
  }
}
