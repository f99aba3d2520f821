/**
 * Errors of predictions against what happened, shared by every analytics part (the index's
 * calibration, the forecasts' held-out evaluation): one definition of MAE and RMSE.
 */

/** Arithmetic mean; NaN for no values. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Mean absolute error of `predicted` against `actual` (same length, same order). */
export function mae(actual: readonly number[], predicted: readonly number[]): number {
  return mean(actual.map((a, i) => Math.abs(a - predicted[i]!)));
}

/** Root mean squared error of `predicted` against `actual` (same length, same order). */
export function rmse(actual: readonly number[], predicted: readonly number[]): number {
  return Math.sqrt(mean(actual.map((a, i) => (a - predicted[i]!) ** 2)));
}
