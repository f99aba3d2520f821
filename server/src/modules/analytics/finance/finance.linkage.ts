import { mean } from 'simple-statistics';
import { FinanceMeasure } from './finance.enums.js';
import type { AccountFinance } from './finance.query.js';
import {
  correctForMeasurementError,
  regress,
  type CorrectedSlope,
  type Point,
  type Regression,
} from './finance.stats.js';

/** One segment's (or, with `segmentId` null, all segments' pooled) regression of one measure. */
export interface LinkageFigures {
  /** Null: pooled within segments (segment fixed effects). */
  segmentId: string | null;
  measure: FinanceMeasure;
  regression: Regression;
  /**
   * The slope corrected for the sampling error of each account's mean score (regression
   * dilution); null when it cannot be estimated.
   */
  corrected: CorrectedSlope | null;
}

const MEASURE_OF: Record<FinanceMeasure, (a: AccountFinance) => number | null> = {
  [FinanceMeasure.GROSS_MARGIN_RATE]: (a) => a.marginRate,
  [FinanceMeasure.DAYS_LATE]: (a) => a.daysLate,
  [FinanceMeasure.SHARE_OF_WALLET]: (a) => a.shareOfWallet,
};

/**
 * The finance linkage of a window: for each measure, y = measure on x = mean satisfaction over
 * the accounts of each segment, then over all of them with one intercept per segment. Segments
 * with too few accounts to fit are left out.
 */
export function financeLinkage(accounts: readonly AccountFinance[]): LinkageFigures[] {
  const segments = [...new Set(accounts.map((a) => a.segmentId))].sort();
  const out: LinkageFigures[] = [];
  for (const measure of Object.values(FinanceMeasure)) {
    const usable = accounts.filter((a) => MEASURE_OF[measure](a) !== null);
    const scopes: [string | null, AccountFinance[]][] = [
      ...segments.map((s): [string, AccountFinance[]] => [
        s,
        usable.filter((a) => a.segmentId === s),
      ]),
      [null, usable],
    ];
    for (const [segmentId, members] of scopes) {
      const points: Point[] = members.map((a) => ({
        x: a.satisfaction,
        y: MEASURE_OF[measure](a)!,
        group: a.segmentId,
      }));
      const regression = regress(points);
      if (!regression) continue;
      out.push({
        segmentId,
        measure,
        regression,
        corrected: correctForMeasurementError(regression, meanSquaredError(members)),
      });
    }
  }
  return out;
}

/**
 * The mean squared standard error of the accounts' mean scores: s²ᵢ / nᵢ averaged over the
 * accounts (each account's sample variance of its own scores over its count).
 */
export function meanSquaredError(accounts: readonly AccountFinance[]): number {
  const errors = accounts
    .filter((a) => a.scoreVariance !== null && a.scores > 1)
    .map((a) => a.scoreVariance! / a.scores);
  return errors.length > 0 ? mean(errors) : Number.NaN;
}
