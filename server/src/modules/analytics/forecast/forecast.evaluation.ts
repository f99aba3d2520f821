import { shiftMonth } from '../../maturity/maturity.evidence.js';
import {
  churnExamples,
  npsExamples,
  Panel,
  predict,
  trainForecaster,
  type Forecaster,
} from './forecast.model.js';
import { auc, brier, logLoss, mae, mean, rmse } from './numerics.js';
import type { PanelRow } from './panel.query.js';

/**
 * Held-out evaluation, pure: the models are trained on what was known before the first
 * held-out month and scored on the held-out months only, against the naive baselines.
 */
export interface HoldoutReport {
  trainedUpTo: string;
  heldOutFrom: string;
  heldOutTo: string;
  nps: {
    /** Forecast/actual pairs scored (those with a last value for the naive forecast). */
    n: number;
    trainingPairs: number;
    modelMae: number;
    modelRmse: number;
    /** Naive: the account's last observed monthly NPS. */
    naiveMae: number;
    naiveRmse: number;
    /** The maturity criterion's naive: the month's mean over the accounts scored. */
    monthMeanMae: number;
  } | null;
  churn: {
    n: number;
    positives: number;
    trainingRows: number;
    /** Naive: every account gets the training base rate. */
    baseRate: number;
    modelBrier: number;
    naiveBrier: number;
    modelLogLoss: number;
    naiveLogLoss: number;
    /** Null when the held-out rows hold only one class. */
    modelAuc: number | null;
  } | null;
}

/** The account's last monthly NPS observed in `r`'s month or the 24 before it. */
function lastNps(panel: Panel, r: PanelRow): number | null {
  for (let k = 0; k <= 24; k++) {
    const v = panel.at(r.accountId, shiftMonth(r.period, -k))?.nps;
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

export function evaluateHoldout(
  rows: readonly PanelRow[],
  heldOutFrom: string,
  heldOutTo: string,
): HoldoutReport {
  const panel = new Panel(rows);
  const trainedUpTo = shiftMonth(heldOutFrom, -1);
  const f: Forecaster = trainForecaster(panel, trainedUpTo);

  const npsTest = npsExamples(panel, heldOutTo, heldOutFrom).flatMap((e) => {
    const naive = lastNps(panel, e.row);
    return naive === null ? [] : [{ ...e, naive, model: predict(f, e.row).nps }];
  });
  const byMonth = new Map<string, number[]>();
  for (const e of npsTest) {
    const key = e.row.period;
    byMonth.set(key, [...(byMonth.get(key) ?? []), e.y]);
  }
  const actual = npsTest.map((e) => e.y);
  const nps = npsTest.length
    ? {
        n: npsTest.length,
        trainingPairs: f.nps.n,
        modelMae: mae(
          actual,
          npsTest.map((e) => e.model),
        ),
        modelRmse: rmse(
          actual,
          npsTest.map((e) => e.model),
        ),
        naiveMae: mae(
          actual,
          npsTest.map((e) => e.naive),
        ),
        naiveRmse: rmse(
          actual,
          npsTest.map((e) => e.naive),
        ),
        monthMeanMae: mae(
          actual,
          npsTest.map((e) => mean(byMonth.get(e.row.period)!)),
        ),
      }
    : null;

  const churnTest = churnExamples(panel, heldOutTo, heldOutFrom);
  const outcome = churnTest.map((e) => e.y);
  const risk = churnTest.map((e) => predict(f, e.row).churnRisk);
  const base = churnTest.map(() => f.churn.baseRate);
  const churn = churnTest.length
    ? {
        n: churnTest.length,
        positives: outcome.filter((y) => y === 1).length,
        trainingRows: f.churn.n,
        baseRate: f.churn.baseRate,
        modelBrier: brier(outcome, risk),
        naiveBrier: brier(outcome, base),
        modelLogLoss: logLoss(outcome, risk),
        naiveLogLoss: logLoss(outcome, base),
        modelAuc: auc(outcome, risk),
      }
    : null;
  return { trainedUpTo, heldOutFrom, heldOutTo, nps, churn };
}
