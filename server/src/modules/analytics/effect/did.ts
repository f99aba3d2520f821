import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleVariance } from 'simple-statistics';

/**
 * Difference in differences, the pure mathematics (no database, no GraphQL).
 *
 * Each account contributes one change: its mean (or NPS) in the "after" window minus its
 * mean in the "before" window. The effect is the mean change of the treated accounts minus the
 * mean change of the control accounts. Because each account is differenced against itself, the
 * comparison of the two groups of changes is a two-sample comparison, done here as Welch's
 * t procedure (unequal variances): standard error sqrt(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite
 * degrees of freedom, Student t quantile. The assumption that makes the number an effect is
 * parallel trends: without the initiative the treated accounts would have changed as much as
 * the control accounts did.
 */

/** Group means of a 2×2 design: (treated, control) × (before, after). */
export interface TwoByTwo {
  treatedBefore: number;
  treatedAfter: number;
  controlBefore: number;
  controlAfter: number;
}

/** (treated after − treated before) − (control after − control before). */
export function differenceInDifferences(m: TwoByTwo): number {
  return m.treatedAfter - m.treatedBefore - (m.controlAfter - m.controlBefore);
}

export interface WelchResult {
  /** mean(x) − mean(y). */
  difference: number;
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  /** Two-sided. */
  pValue: number;
  low: number;
  high: number;
  level: number;
}

/**
 * Welch's two-sample t procedure for mean(x) − mean(y), as R's `t.test(x, y)` computes it.
 * Needs at least two values in each sample; null otherwise. When both samples have no spread
 * (standard error 0) the interval collapses to the point and the p-value is null-like (NaN is
 * avoided: t is ±Infinity or 0 and p is 0 or 1).
 */
export function welchTTest(
  x: readonly number[],
  y: readonly number[],
  level = 0.95,
): WelchResult | null {
  if (x.length < 2 || y.length < 2) return null;
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)');
  const [nx, ny] = [x.length, y.length];
  const vx = sampleVariance([...x]) / nx;
  const vy = sampleVariance([...y]) / ny;
  const difference = mean([...x]) - mean([...y]);
  const standardError = Math.sqrt(vx + vy);
  if (standardError === 0) {
    return {
      difference,
      standardError,
      df: nx + ny - 2,
      t: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      pValue: difference === 0 ? 1 : 0,
      low: difference,
      high: difference,
      level,
    };
  }
  const df = (vx + vy) ** 2 / (vx ** 2 / (nx - 1) + vy ** 2 / (ny - 1));
  const t = difference / standardError;
  const pValue = 2 * (1 - tCdf(Math.abs(t), df));
  const q = tQuantile(1 - (1 - level) / 2, df);
  return {
    difference,
    standardError,
    df,
    t,
    pValue,
    low: difference - q * standardError,
    high: difference + q * standardError,
    level,
  };
}

/** One account's value before and after; null where it had no observation in the window. */
export interface AccountChange {
  treated: boolean;
  before: number | null;
  after: number | null;
}

/** Why an effect has no estimate or no interval. */
export enum EffectStatus {
  /** Point estimate and interval. */
  ESTIMATED = 'ESTIMATED',
  /** Point estimate only: a group has a single account, so no spread to build an interval on. */
  NO_INTERVAL = 'NO_INTERVAL',
  /** No complete month after the start yet. */
  NO_POST_PERIOD = 'NO_POST_PERIOD',
  /** No affected account was observed both before and after. */
  NO_TREATED_DATA = 'NO_TREATED_DATA',
  /** No unaffected account of the same segments was observed both before and after. */
  NO_CONTROL = 'NO_CONTROL',
}

export interface DidEstimate {
  status: EffectStatus;
  /** Accounts observed in both windows, per group (the n of the estimate). */
  treatedN: number;
  controlN: number;
  /** Means over the accounts counted in n (null when a group has none). */
  treatedBefore: number | null;
  treatedAfter: number | null;
  controlBefore: number | null;
  controlAfter: number | null;
  did: number | null;
  standardError: number | null;
  df: number | null;
  pValue: number | null;
  low: number | null;
  high: number | null;
}

const avg = (values: number[]): number | null => (values.length ? mean(values) : null);

/**
 * The effect from account-level before/after values: accounts observed in both windows count;
 * the estimate is the difference of the groups' mean changes (equal to the 2×2 DiD of the group
 * means over those accounts), the interval Welch's on the per-account changes.
 */
export function estimateEffect(accounts: readonly AccountChange[], level = 0.95): DidEstimate {
  const paired = accounts.filter(
    (a): a is AccountChange & { before: number; after: number } =>
      a.before !== null && a.after !== null,
  );
  const treated = paired.filter((a) => a.treated);
  const control = paired.filter((a) => !a.treated);
  const base = {
    treatedN: treated.length,
    controlN: control.length,
    treatedBefore: avg(treated.map((a) => a.before)),
    treatedAfter: avg(treated.map((a) => a.after)),
    controlBefore: avg(control.map((a) => a.before)),
    controlAfter: avg(control.map((a) => a.after)),
    did: null,
    standardError: null,
    df: null,
    pValue: null,
    low: null,
    high: null,
  };
  if (treated.length === 0) return { ...base, status: EffectStatus.NO_TREATED_DATA };
  if (control.length === 0) return { ...base, status: EffectStatus.NO_CONTROL };
  const did = differenceInDifferences({
    treatedBefore: base.treatedBefore!,
    treatedAfter: base.treatedAfter!,
    controlBefore: base.controlBefore!,
    controlAfter: base.controlAfter!,
  });
  const welch = welchTTest(
    treated.map((a) => a.after - a.before),
    control.map((a) => a.after - a.before),
    level,
  );
  if (!welch) return { ...base, did, status: EffectStatus.NO_INTERVAL };
  return {
    ...base,
    did,
    status: EffectStatus.ESTIMATED,
    standardError: welch.standardError,
    df: welch.df,
    pValue: welch.pValue,
    low: welch.low,
    high: welch.high,
  };
}
