import type { FactorScoreRow, MeasuredRow, SegmentWeightRow } from './index.queries.js';
import type { TrainingRow } from './index.math.js';

/**
 * Arranges the aggregate rows into what the pure functions take: per segment, the factors in a
 * fixed order and one row of factor scores per account-month. Pure.
 */

export interface AccountPeriod {
  accountId: string;
  segmentId: string;
  period: string;
  /** By factor, in `factors` order; null when unmeasured. */
  scores: (number | null)[];
}

export interface SegmentData {
  segmentId: string;
  /** The factors the segment's weights name, in a fixed (sorted) order. */
  factors: string[];
  /** The weight set's relative weights, same order. */
  weights: number[];
  rows: AccountPeriod[];
}

const key = (accountId: string, period: string) => `${accountId}|${period}`;

export function arrange(
  scores: readonly FactorScoreRow[],
  weights: readonly SegmentWeightRow[],
): Map<string, SegmentData> {
  const bySegment = new Map<string, SegmentData>();
  const factorSet = new Map<string, Map<string, number>>();
  for (const w of weights) {
    let m = factorSet.get(w.segmentId);
    if (!m) factorSet.set(w.segmentId, (m = new Map()));
    m.set(w.factorId, w.weight);
  }
  for (const [segmentId, m] of factorSet) {
    const factors = [...m.keys()].sort();
    bySegment.set(segmentId, {
      segmentId,
      factors,
      weights: factors.map((f) => m.get(f)!),
      rows: [],
    });
  }
  const cells = new Map<string, AccountPeriod>();
  for (const s of scores) {
    const seg = bySegment.get(s.segmentId);
    if (!seg) continue;
    const k = key(s.accountId, s.period);
    let cell = cells.get(k);
    if (!cell) {
      cell = {
        accountId: s.accountId,
        segmentId: s.segmentId,
        period: s.period,
        scores: seg.factors.map(() => null),
      };
      cells.set(k, cell);
      seg.rows.push(cell);
    }
    const at = seg.factors.indexOf(s.factorId);
    if (at >= 0) cell.scores[at] = s.score;
  }
  return bySegment;
}

/** The segment's rows of the given months that have a measured value, as training rows. */
export function trainingRows(
  seg: SegmentData,
  measured: ReadonlyMap<string, number>,
  periods: ReadonlySet<string>,
): { rows: TrainingRow[]; cells: AccountPeriod[] } {
  const cells = seg.rows.filter(
    (r) => periods.has(r.period) && measured.has(key(r.accountId, r.period)),
  );
  return {
    cells,
    rows: cells.map((c) => ({
      scores: c.scores,
      measured: measured.get(key(c.accountId, c.period))!,
    })),
  };
}

/** Measured NPS by account|period, for the rows with at least `minResponses` answers. */
export function measuredNps(
  rows: readonly MeasuredRow[],
  minResponses: number,
): Map<string, number> {
  return new Map(
    rows
      .filter((r) => r.nps !== null && r.npsResponses >= minResponses)
      .map((r) => [key(r.accountId, r.period), r.nps!]),
  );
}

export const cellKey = key;

/**
 * The segment restricted to the factors measured at least once in its rows: a factor nobody
 * measured cannot be calibrated (its column would be the imputed mean of the others).
 */
export function measuredOnly(seg: SegmentData): SegmentData {
  const keep = seg.factors.map((_, k) => seg.rows.some((r) => r.scores[k] !== null));
  const pick = <T>(xs: readonly T[]) => xs.filter((_, k) => keep[k]);
  return {
    segmentId: seg.segmentId,
    factors: pick(seg.factors),
    weights: pick(seg.weights),
    rows: seg.rows.map((r) => ({ ...r, scores: pick(r.scores) })),
  };
}
