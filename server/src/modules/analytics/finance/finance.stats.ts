import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sum } from 'simple-statistics';

/** One observation: an account's satisfaction (x), a finance measure (y) and its segment. */
export interface Point {
  x: number;
  y: number;
  /** Accounts of one group share an intercept (segment fixed effects); one group = plain OLS. */
  group: string;
}

/** Least squares of y on x (within groups), with the inference the finance linkage reports. */
export interface Regression {
  n: number;
  /** Groups (segments) whose own intercepts were removed; 1 for a plain regression. */
  groups: number;
  /** Residual degrees of freedom: n − groups − 1. */
  df: number;
  /** Pearson correlation of x and y (within groups when pooled), with its 95% Fisher-z interval. */
  r: number;
  rLow: number;
  rHigh: number;
  slope: number;
  slopeSe: number;
  slopeLow: number;
  slopeHigh: number;
  /** t = slope / SE (null for a perfect fit, SE 0) and its two-sided p-value (Student t, df). */
  t: number | null;
  pValue: number;
  /** The intercept and its SE: only for one group (pooled fits have one per segment). */
  intercept: number | null;
  interceptSe: number | null;
  rSquared: number;
  /** The slope in standard deviations of y per standard deviation of x (within groups). */
  standardisedSlope: number;
  /** Mean x and y (before removing group means): where the line passes. */
  meanX: number;
  meanY: number;
  /** Variance of x around its group means (n − groups denominator). */
  varianceX: number;
}

const LEVEL = 0.95;

/**
 * Ordinary least squares of y on x with a separate intercept per group — for one group the
 * textbook simple regression `lm(y ~ x)`, for several the "within" (fixed-effects) estimator:
 * x and y are centred on their group's means, which removes segment differences in margin or
 * satisfaction level so that only the relation inside segments remains. Null when fewer than
 * groups + 2 points or x does not vary.
 */
export function regress(points: readonly Point[]): Regression | null {
  const byGroup = new Map<string, Point[]>();
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const group = byGroup.get(p.group);
    if (group) group.push(p);
    else byGroup.set(p.group, [p]);
  }
  const centred: { x: number; y: number }[] = [];
  for (const ps of byGroup.values()) {
    const [mx, my] = [mean(ps.map((p) => p.x)), mean(ps.map((p) => p.y))];
    for (const p of ps) centred.push({ x: p.x - mx, y: p.y - my });
  }
  const n = centred.length;
  const groups = byGroup.size;
  const df = n - groups - 1;
  if (df < 1) return null;
  const sxx = sum(centred.map((c) => c.x * c.x));
  const syy = sum(centred.map((c) => c.y * c.y));
  const sxy = sum(centred.map((c) => c.x * c.y));
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const rss = Math.max(0, syy - slope * sxy);
  const sigma2 = rss / df;
  const slopeSe = Math.sqrt(sigma2 / sxx);
  const q = tQuantile(1 - (1 - LEVEL) / 2, df);
  const t = slopeSe > 0 ? slope / slopeSe : null;
  // The lower tail, so that tiny p-values do not cancel to 0 in 1 − cdf.
  const pValue = t !== null ? 2 * tCdf(-Math.abs(t), df) : slope === 0 ? 1 : 0;
  const r = syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  const [rLow, rHigh] = fisherInterval(r, n - (groups - 1));
  const all = [...byGroup.values()].flat();
  const meanX = mean(all.map((p) => p.x));
  const meanY = mean(all.map((p) => p.y));
  const single = groups === 1;
  return {
    n,
    groups,
    df,
    r,
    rLow,
    rHigh,
    slope,
    slopeSe,
    slopeLow: slope - q * slopeSe,
    slopeHigh: slope + q * slopeSe,
    t,
    pValue,
    intercept: single ? meanY - slope * meanX : null,
    interceptSe: single ? Math.sqrt(sigma2 * (1 / n + (meanX * meanX) / sxx)) : null,
    rSquared: syy > 0 ? (slope * sxy) / syy : 0,
    standardisedSlope: syy > 0 ? slope * Math.sqrt(sxx / syy) : 0,
    meanX,
    meanY,
    varianceX: sxx / (n - groups),
  };
}

/**
 * The 95% interval of a correlation by Fisher's z: atanh(r) ± z₀.₉₇₅ / √(n − 3), back through
 * tanh. `n` is the effective sample size (n minus the intercepts removed beyond the first).
 */
export function fisherInterval(r: number, n: number): [number, number] {
  if (n <= 3 || !Number.isFinite(r)) return [-1, 1];
  if (Math.abs(r) >= 1) return [r, r];
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - LEVEL) / 2, 0, 1) / Math.sqrt(n - 3);
  return [Math.tanh(z - half), Math.tanh(z + half)];
}

/** A slope corrected for measurement error in x (regression dilution), with its interval. */
export interface CorrectedSlope {
  /** Share of x's variance that is true between-account variance: 1 − error / observed. */
  reliability: number;
  slope: number;
  slopeLow: number;
  slopeHigh: number;
}

/**
 * The classical errors-in-variables correction (Fuller 1987, §1.1): when x is an account's mean
 * of noisy scores, its observed variance is the true variance plus the mean squared standard
 * error of the account means, and the least-squares slope shrinks by the reliability
 * λ = 1 − error / observed. The corrected slope is slope / λ and its interval the OLS interval
 * divided by λ (λ treated as known: with hundreds of scores per account its own error is small).
 * Null when the error swamps the signal (λ < 0.2), where the correction would be unstable.
 */
export function correctForMeasurementError(
  reg: Regression,
  meanSquaredErrorOfX: number,
): CorrectedSlope | null {
  if (!(reg.varianceX > 0) || !(meanSquaredErrorOfX >= 0)) return null;
  const reliability = 1 - meanSquaredErrorOfX / reg.varianceX;
  if (reliability < 0.2) return null;
  return {
    reliability,
    slope: reg.slope / reliability,
    slopeLow: reg.slopeLow / reliability,
    slopeHigh: reg.slopeHigh / reliability,
  };
}

/** Least-squares trend of a series of (x, y) points: slope per unit of x and its p-value. */
export function seriesTrend(
  points: readonly { x: number; y: number }[],
): { slope: number; pValue: number } | null {
  const reg = regress(points.map((p) => ({ ...p, group: '' })));
  return reg ? { slope: reg.slope, pValue: reg.pValue } : null;
}
