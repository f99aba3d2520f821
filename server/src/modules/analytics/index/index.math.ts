import { Matrix } from 'ml-matrix';
import { nnls } from 'nnls';
import { mae, rmse } from '../fit-errors.js';

/**
 * The weighted satisfaction index and its calibration, as pure functions.
 *
 * A factor's score is the mean of its metrics' normalised values (0 worst … 1 best among the
 * period's accounts). The index is the importance-weighted mean of the factor scores on 0–100;
 * a factor nobody measured for the account that period drops out and the weights of the others
 * are renormalised (equivalently: it counts as the account's weighted mean of the measured
 * ones). Predicted NPS = intercept + slope · index / 100, per segment.
 */

export interface FactorScore {
  factorId: string;
  /** 0..1; null when no metric of the factor was observed. */
  score: number | null;
}

export interface WeightedScore {
  index: number | null;
  /** The weight of the measured factors / all weights: how much of the index is measured. */
  coverage: number;
}

/** Σ w·f / Σ w over the measured factors with a positive weight, × 100. */
export function weightedIndex(
  scores: ReadonlyMap<string, number | null>,
  weights: ReadonlyMap<string, number>,
): WeightedScore {
  let num = 0;
  let den = 0;
  let all = 0;
  for (const [factor, w] of weights) {
    if (!(w > 0)) continue;
    all += w;
    const f = scores.get(factor);
    if (f === null || f === undefined) continue;
    num += w * f;
    den += w;
  }
  return { index: den > 0 ? (100 * num) / den : null, coverage: all > 0 ? den / all : 0 };
}

export interface FitError {
  n: number;
  rmse: number;
  mae: number;
}

export function fitError(predicted: readonly number[], actual: readonly number[]): FitError {
  const n = actual.length;
  if (n === 0) return { n, rmse: 0, mae: 0 };
  return { n, rmse: rmse(actual, predicted), mae: mae(actual, predicted) };
}

/** Ordinary least squares y = a + b·x (b = 0 when x does not vary). */
export function linearFit(x: readonly number[], y: readonly number[]): { a: number; b: number } {
  const n = x.length;
  if (n === 0) return { a: 0, b: 0 };
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i]! - my);
    sxx += (v - mx) ** 2;
  });
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

/**
 * Non-negative least squares min ‖A·w − y‖, w ≥ 0 (Lawson–Hanson, the `nnls` package).
 * A zero column is put first: nnls 3.0.1 starts its search for the largest gradient at index 0
 * even when that coefficient is already in the passive set, so a tiny positive rounding
 * residue there re-selects it until the iteration limit. A zero column's gradient is exactly 0,
 * which makes index 0 a harmless starting point; its coefficient is dropped.
 */
export function solveNnls(a: readonly (readonly number[])[], y: readonly number[]): number[] {
  const columns = (a[0]?.length ?? 0) + 1;
  const result = nnls(new Matrix(a.map((r) => [0, ...r])), Matrix.columnVector([...y]), {
    maxIterations: 30 * columns + 100,
  });
  return result.x
    .to1DArray()
    .slice(1)
    .map((v) => Math.max(0, v));
}

/**
 * One training row: the factor scores of an account-period (null: unmeasured) and the measured
 * satisfaction it should predict.
 */
export interface TrainingRow {
  scores: readonly (number | null)[];
  measured: number;
}

/** A linear map from factor scores to measured satisfaction: a + Σ w_k·x_k. */
export interface IndexModel {
  intercept: number;
  /** Non-negative, in satisfaction points per unit of factor score. */
  weights: number[];
}

/** Unmeasured factors filled with the row's weighted mean of its measured ones (see top). */
export function impute(scores: readonly (number | null)[], weights: readonly number[]): number[] {
  let num = 0;
  let den = 0;
  scores.forEach((s, k) => {
    const w = weights[k]!;
    if (s !== null && w > 0) {
      num += w * s;
      den += w;
    }
  });
  const measured = scores.filter((s): s is number => s !== null);
  const fill =
    den > 0
      ? num / den
      : measured.length
        ? measured.reduce((a, b) => a + b, 0) / measured.length
        : 0.5;
  return scores.map((s) => s ?? fill);
}

export function predict(model: IndexModel, scores: readonly (number | null)[]): number {
  const x = impute(scores, model.weights);
  return model.intercept + x.reduce((s, v, k) => s + v * model.weights[k]!, 0);
}

export function modelError(model: IndexModel, rows: readonly TrainingRow[]): FitError {
  return fitError(
    rows.map((r) => predict(model, r.scores)),
    rows.map((r) => r.measured),
  );
}

/**
 * The starting model of uncalibrated weights: the index of the interview weights mapped to the
 * measured scale by the least-squares line fitted on the same rows.
 */
export function scaleWeights(
  rows: readonly TrainingRow[],
  relative: readonly number[],
): IndexModel {
  const total = relative.reduce((s, w) => s + Math.max(0, w), 0);
  const share = relative.map((w) => (total > 0 ? Math.max(0, w) / total : 0));
  const index = rows.map((r) => impute(r.scores, share).reduce((s, v, k) => s + v * share[k]!, 0));
  const { a, b } = linearFit(
    index,
    rows.map((r) => r.measured),
  );
  // A negative slope would mean "better metrics, lower satisfaction": the weights stay ≥ 0.
  const slope = Math.max(0, b);
  const intercept =
    slope === b ? a : rows.reduce((s, r) => s + r.measured, 0) / Math.max(1, rows.length);
  return { intercept, weights: share.map((w) => w * slope) };
}

/**
 * One damped recalibration round: NNLS on the centred rows augmented with √λ·I ≈ √λ·w_prev,
 * i.e. min ‖X_c·w − y_c‖² + λ‖w − w_prev‖², w ≥ 0; the intercept restores the means.
 * `damping` is λ per training row. Unmeasured factors are imputed with the previous weights.
 */
export function calibrationRound(
  rows: readonly TrainingRow[],
  previous: IndexModel,
  damping: number,
): IndexModel {
  const p = previous.weights.length;
  const x = rows.map((r) => impute(r.scores, previous.weights));
  const n = rows.length;
  const mx = Array.from({ length: p }, (_, k) => x.reduce((s, row) => s + row[k]!, 0) / n);
  const my = rows.reduce((s, r) => s + r.measured, 0) / n;
  const root = Math.sqrt(damping * n);
  const a = [
    ...x.map((row) => row.map((v, k) => v - mx[k]!)),
    ...Array.from({ length: p }, (_, k) =>
      Array.from({ length: p }, (_, j) => (j === k ? root : 0)),
    ),
  ];
  const y = [...rows.map((r) => r.measured - my), ...previous.weights.map((w) => root * w)];
  const weights = solveNnls(a, y);
  return { intercept: my - weights.reduce((s, w, k) => s + w * mx[k]!, 0), weights };
}

export interface CalibrationRound {
  round: number;
  before: FitError;
  after: FitError;
  model: IndexModel;
}

/** `rounds` damped rounds from `start`, with the training error before and after each. */
export function calibrate(
  rows: readonly TrainingRow[],
  start: IndexModel,
  rounds: number,
  damping: number,
): CalibrationRound[] {
  const out: CalibrationRound[] = [];
  let model = start;
  for (let round = 1; round <= rounds; round += 1) {
    const before = modelError(model, rows);
    model = calibrationRound(rows, model, damping);
    out.push({ round, before, after: modelError(model, rows), model });
  }
  return out;
}
