import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { mae, mean, rmse } from '../fit-errors.js';

/**
 * The numerics of the forecasts, pure functions: feature standardisation, ridge regression,
 * L2-penalised logistic regression (Newton–Raphson) and the scores that compare a forecast
 * with its naive baseline (MAE, RMSE, Brier score, log loss, AUC).
 */

/** Means and standard deviations of the training columns; a constant column gets sd 1. */
export interface Scaler {
  means: number[];
  sds: number[];
}

export function fitScaler(rows: readonly (readonly number[])[]): Scaler {
  const p = rows[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, j) => mean(rows.map((r) => r[j]!)));
  const sds = means.map((m, j) => {
    const sd = Math.sqrt(mean(rows.map((r) => (r[j]! - m) ** 2)));
    return sd > 1e-12 ? sd : 1;
  });
  return { means, sds };
}

export function scale(s: Scaler, row: readonly number[]): number[] {
  return row.map((v, j) => (v - s.means[j]!) / s.sds[j]!);
}

/** Intercept and one coefficient per (standardised) feature. */
export interface LinearModel {
  intercept: number;
  coefficients: number[];
}

export function linearPredictor(m: LinearModel, x: readonly number[]): number {
  return x.reduce((s, v, j) => s + v * m.coefficients[j]!, m.intercept);
}

/** The design matrix with a leading column of ones. */
function design(x: readonly (readonly number[])[]): Matrix {
  return new Matrix(x.map((r) => [1, ...r]));
}

/** λ on the diagonal, except for the intercept, which is never shrunk. */
function penalty(p: number, lambda: number): Matrix {
  const d = Matrix.zeros(p + 1, p + 1);
  for (let j = 1; j <= p; j++) d.set(j, j, lambda);
  return d;
}

function solveSymmetric(a: Matrix, b: Matrix): number[] {
  // XᵀWX is symmetric up to rounding; Cholesky insists on exact symmetry.
  const chol = new CholeskyDecomposition(a.add(a.transpose()).div(2));
  if (!chol.isPositiveDefinite()) throw new Error('the normal equations are singular');
  return chol.solve(b).getColumn(0);
}

/**
 * Ridge regression: minimises Σ(y − b₀ − xβ)² + λ‖β‖² (the intercept unpenalised), by the
 * normal equations (XᵀX + λD)b = Xᵀy. λ = 0 is ordinary least squares.
 */
export function ridge(
  x: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
): LinearModel {
  if (x.length === 0 || x.length !== y.length) throw new Error('ridge needs matching rows');
  const X = design(x);
  const Xt = X.transpose();
  const b = solveSymmetric(
    Xt.mmul(X).add(penalty(X.columns - 1, lambda)),
    Xt.mmul(Matrix.columnVector([...y])),
  );
  return { intercept: b[0]!, coefficients: b.slice(1) };
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Logistic regression by Newton–Raphson (iteratively reweighted least squares), maximising
 * Σ[y·log p + (1 − y)·log(1 − p)] − λ/2‖β‖² (the intercept unpenalised). Starts from zero, so
 * the same data always gives the same model; stops when no coefficient moves by 1e-10.
 */
export function logistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
  maxIterations = 100,
): LinearModel {
  if (x.length === 0 || x.length !== y.length) throw new Error('logistic needs matching rows');
  const X = design(x);
  const Xt = X.transpose();
  const n = X.rows;
  const k = X.columns;
  const D = penalty(k - 1, lambda);
  let b = new Array<number>(k).fill(0);
  for (let it = 0; it < maxIterations; it++) {
    const p = Array.from({ length: n }, (_, i) =>
      sigmoid(X.getRow(i).reduce((s, v, j) => s + v * b[j]!, 0)),
    );
    // Gradient Xᵀ(y − p) − λDb and Hessian XᵀWX + λD; Newton step = H⁻¹·gradient.
    const W = X.clone();
    for (let i = 0; i < n; i++) {
      const w = Math.max(p[i]! * (1 - p[i]!), 1e-12);
      for (let j = 0; j < k; j++) W.set(i, j, W.get(i, j) * w);
    }
    const H = Xt.mmul(W).add(D);
    const g = Xt.mmul(Matrix.columnVector(y.map((v, i) => v - p[i]!))).sub(
      D.mmul(Matrix.columnVector(b)),
    );
    const step = solveSymmetric(H, g);
    b = b.map((v, j) => v + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { intercept: b[0]!, coefficients: b.slice(1) };
}

export { mae, mean, rmse };

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brier(outcome: readonly number[], p: readonly number[]): number {
  return mean(outcome.map((o, i) => (p[i]! - o) ** 2));
}

/** Mean negative log-likelihood; probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(outcome: readonly number[], p: readonly number[]): number {
  return mean(
    outcome.map((o, i) => {
      const q = Math.min(Math.max(p[i]!, 1e-15), 1 - 1e-15);
      return -(o * Math.log(q) + (1 - o) * Math.log(1 - q));
    }),
  );
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (the Mann–Whitney statistic, with average ranks). Null
 * without both classes.
 */
export function auc(outcome: readonly number[], score: readonly number[]): number | null {
  const order = score.map((s, i) => ({ s, o: outcome[i]! })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]!.o === 1) {
        rankSum += averageRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
