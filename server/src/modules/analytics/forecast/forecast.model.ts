import { shiftMonth } from '../../maturity/maturity.evidence.js';
import {
  fitScaler,
  linearPredictor,
  logistic,
  ridge,
  scale,
  sigmoid,
  type LinearModel,
  type Scaler,
} from './numerics.js';
import type { PanelRow } from './panel.query.js';

/**
 * The forecasting models, pure: signals of an account × month → next month's NPS (ridge
 * regression) and the probability that the account's figures stop within 3 months (logistic
 * regression). Trained deterministically on the panel up to a cut-off month.
 */

/** Version of features + method; stored with every forecast. */
export const MODEL_VERSION = 'forecast-v1 (ridge λ=10, logistic λ=10, 14 signals)';
/** How far ahead churn is predicted: the figures stop within this many months. */
export const CHURN_HORIZON = 3;
const RIDGE_LAMBDA = 10;
const LOGISTIC_LAMBDA = 10;

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : a / b;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The signals, each computed from one panel row; null where the month does not tell. */
export const SIGNALS: readonly { name: string; of: (r: PanelRow) => number | null }[] = [
  { name: 'npsAllMonths', of: (r) => r.npsAll },
  { name: 'nps3Months', of: (r) => r.nps3 },
  { name: 'npsTrend', of: (r) => diff(r.nps3, r.npsPrior3) },
  { name: 'csiAllMonths', of: (r) => r.csiAll },
  { name: 'csi3Months', of: (r) => r.csi3 },
  { name: 'ces3Months', of: (r) => r.ces3 },
  { name: 'complaintShare3Months', of: (r) => ratio(r.complaints3, r.responses3) },
  { name: 'negativeShare3Months', of: (r) => ratio(r.negatives3, r.responses3) },
  { name: 'responses3Months', of: (r) => r.responses3 },
  { name: 'avgDaysLate', of: (r) => r.avgDaysLate },
  { name: 'orderRegularity', of: (r) => r.orderRegularity },
  { name: 'shareOfWallet', of: (r) => r.shareOfWallet },
  { name: 'marginRate', of: (r) => ratio(r.grossMargin, r.revenue) },
  { name: 'revenueChange', of: (r) => diff(ratio(r.revenue, r.revenuePrior3), 1) },
];

/** Raw signal values of a row (nulls kept). */
export function signalValues(r: PanelRow): (number | null)[] {
  return SIGNALS.map((s) => s.of(r));
}

/**
 * Standardisation learnt on the training rows; a missing signal is imputed with the training
 * mean, i.e. contributes nothing.
 */
function fitImputingScaler(rows: readonly (number | null)[][]): Scaler {
  const p = SIGNALS.length;
  const means = Array.from({ length: p }, (_, j) => {
    const xs = rows.map((r) => r[j]).filter((v): v is number => v !== null);
    return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : 0;
  });
  const filled = rows.map((r) => r.map((v, j) => v ?? means[j]!));
  return fitScaler(filled.length ? filled : [means]);
}

function standardise(s: Scaler, values: readonly (number | null)[]): number[] {
  return scale(
    s,
    values.map((v, j) => v ?? s.means[j]!),
  );
}

/** The panel indexed by account and month. */
export class Panel {
  private readonly byKey = new Map<string, PanelRow>();
  constructor(readonly rows: readonly PanelRow[]) {
    for (const r of rows) this.byKey.set(`${r.accountId}|${r.period}`, r);
  }

  at(accountId: string, period: string): PanelRow | undefined {
    return this.byKey.get(`${accountId}|${period}`);
  }

  /** The account had transactional figures in the month (was still a client). */
  live(accountId: string, period: string): boolean {
    return this.at(accountId, period)?.revenue != null;
  }

  /** The account's NPS of the next month, when it answered. */
  nextNps(r: PanelRow): number | null {
    return this.at(r.accountId, shiftMonth(r.period, 1))?.nps ?? null;
  }

  /**
   * 1 when the account's figures have stopped within the horizon after `r`'s month (it has none
   * in the month `CHURN_HORIZON` ahead), else 0.
   */
  churned(r: PanelRow): number {
    return this.live(r.accountId, shiftMonth(r.period, CHURN_HORIZON)) ? 0 : 1;
  }
}

/** A live account-month whose next-month NPS is known by `lastTarget` (inclusive). */
export function npsExamples(panel: Panel, lastTarget: string, firstTarget = '0000-00') {
  return panel.rows.flatMap((r) => {
    const target = shiftMonth(r.period, 1);
    if (r.revenue === null || target > lastTarget || target < firstTarget) return [];
    const y = panel.nextNps(r);
    return y === null ? [] : [{ row: r, y }];
  });
}

/** Live account-months whose churn outcome is fully observed by `lastObserved`. */
export function churnExamples(panel: Panel, lastObserved: string, firstMonth = '0000-00') {
  return panel.rows.flatMap((r) => {
    if (r.revenue === null || r.period < firstMonth) return [];
    if (shiftMonth(r.period, CHURN_HORIZON) > lastObserved) return [];
    return [{ row: r, y: panel.churned(r) }];
  });
}

export interface TrainedModel {
  scaler: Scaler;
  model: LinearModel;
  n: number;
}

export interface Forecaster {
  nps: TrainedModel;
  churn: TrainedModel & { baseRate: number };
}

function train(
  examples: { row: PanelRow; y: number }[],
  fit: (x: number[][], y: number[]) => LinearModel,
): TrainedModel {
  const raw = examples.map((e) => signalValues(e.row));
  const scaler = fitImputingScaler(raw);
  const x = raw.map((v) => standardise(scaler, v));
  return {
    scaler,
    model: fit(
      x,
      examples.map((e) => e.y),
    ),
    n: examples.length,
  };
}

/** Thrown when the panel has too little history to train on. */
export class NotEnoughHistory extends Error {}

/**
 * Trains both models on what was known at the end of `lastKnown`: NPS pairs whose target month
 * is at most `lastKnown`, churn rows whose 3 following months are at most `lastKnown`.
 */
export function trainForecaster(panel: Panel, lastKnown: string): Forecaster {
  const npsRows = npsExamples(panel, lastKnown);
  const churnRows = churnExamples(panel, lastKnown);
  const positives = churnRows.filter((e) => e.y === 1).length;
  if (npsRows.length < 2 * SIGNALS.length || churnRows.length < 2 * SIGNALS.length) {
    throw new NotEnoughHistory(
      `too little history up to ${lastKnown}: ${npsRows.length} NPS pairs, ${churnRows.length} churn rows`,
    );
  }
  const churn = train(churnRows, (x, y) => logistic(x, y, LOGISTIC_LAMBDA));
  return {
    nps: train(npsRows, (x, y) => ridge(x, y, RIDGE_LAMBDA)),
    churn: { ...churn, baseRate: positives / churnRows.length },
  };
}

export interface Contribution {
  signal: string;
  /** The signal's raw value (null: missing, imputed). */
  value: number | null;
  /** Its share of the prediction: NPS points, or log-odds of churn. */
  contribution: number;
}

export interface Prediction {
  nps: number;
  churnRisk: number;
  npsSignals: Contribution[];
  churnSignals: Contribution[];
}

function contributions(m: TrainedModel, values: (number | null)[], top: number): Contribution[] {
  const z = standardise(m.scaler, values);
  return SIGNALS.map((s, j) => ({
    signal: s.name,
    value: values[j] ?? null,
    contribution: m.model.coefficients[j]! * z[j]!,
  }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, top);
}

/** NPS clipped to its scale; churn risk a probability. */
export function predict(f: Forecaster, r: PanelRow, top = 3): Prediction {
  const values = signalValues(r);
  const nps = linearPredictor(f.nps.model, standardise(f.nps.scaler, values));
  const churn = linearPredictor(f.churn.model, standardise(f.churn.scaler, values));
  return {
    nps: Math.min(100, Math.max(-100, nps)),
    churnRisk: sigmoid(churn),
    npsSignals: contributions(f.nps, values, top),
    churnSignals: contributions(f.churn, values, top),
  };
}
