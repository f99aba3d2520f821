import { describe, expect, it } from 'vitest';
import {
  auc,
  brier,
  linearPredictor,
  logistic,
  logLoss,
  mae,
  ridge,
  rmse,
  sigmoid,
} from '../../server/src/modules/analytics/forecast/numerics.js';
import {
  churnExamples,
  npsExamples,
  Panel,
} from '../../server/src/modules/analytics/forecast/forecast.model.js';
import type { PanelRow } from '../../server/src/modules/analytics/forecast/panel.query.js';
import {
  marginAtRisk,
  type DangerRule,
} from '../../server/src/modules/analytics/forecast/margin-at-risk.js';

describe('ridge regression', () => {
  // The classic textbook line: x = 1…5, y = 2, 4, 5, 4, 5 → ŷ = 2.2 + 0.6x
  // (x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6).
  const x = [[1], [2], [3], [4], [5]];
  const y = [2, 4, 5, 4, 5];

  it('is ordinary least squares at λ = 0', () => {
    const m = ridge(x, y, 0);
    expect(m.intercept).toBeCloseTo(2.2, 10);
    expect(m.coefficients[0]).toBeCloseTo(0.6, 10);
  });

  it('shrinks the slope to Sxy / (Sxx + λ) and leaves the intercept unpenalised', () => {
    // λ = 5: slope 6 / 15 = 0.4, intercept ȳ − 0.4·x̄ = 2.8.
    const m = ridge(x, y, 5);
    expect(m.coefficients[0]).toBeCloseTo(0.4, 10);
    expect(m.intercept).toBeCloseTo(2.8, 10);
  });

  it('solves a system with two regressors exactly', () => {
    // y = 1 + 2·a − 3·b with no noise: OLS recovers the coefficients.
    const rows = [
      [0, 0],
      [1, 0],
      [0, 1],
      [2, 1],
      [1, 3],
    ];
    const m = ridge(
      rows,
      rows.map(([a, b]) => 1 + 2 * a! - 3 * b!),
      0,
    );
    expect(m.intercept).toBeCloseTo(1, 9);
    expect(m.coefficients[0]).toBeCloseTo(2, 9);
    expect(m.coefficients[1]).toBeCloseTo(-3, 9);
  });
});

describe('logistic regression', () => {
  it('recovers the closed-form MLE of one binary regressor', () => {
    // x = 0: 2 of 8 churn → intercept logit(0.25) = ln(1/3);
    // x = 1: 6 of 8 churn → slope logit(0.75) − logit(0.25) = 2·ln 3.
    const x = [...Array(8).fill([0]), ...Array(8).fill([1])] as number[][];
    const y = [1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0];
    const m = logistic(x, y, 0);
    expect(m.intercept).toBeCloseTo(Math.log(1 / 3), 8);
    expect(m.coefficients[0]).toBeCloseTo(2 * Math.log(3), 8);
  });

  it('agrees with plain gradient ascent (a second method) on a non-separable sample', () => {
    const x = [
      [0.5, 1.2],
      [-1.1, 0.3],
      [2.0, -0.7],
      [0.1, 0.1],
      [-0.4, -1.5],
      [1.3, 0.9],
      [-2.0, 0.4],
      [0.8, -0.2],
      [-0.6, 1.8],
      [1.7, 1.1],
    ];
    const y = [1, 0, 1, 0, 0, 1, 0, 0, 1, 1];
    const lambda = 0.5;
    const m = logistic(x, y, lambda);
    // Gradient ascent on the same penalised log-likelihood, written here independently.
    let b = [0, 0, 0];
    for (let it = 0; it < 200_000; it++) {
      const g = [0, 0, 0];
      x.forEach((row, i) => {
        const p = 1 / (1 + Math.exp(-(b[0]! + b[1]! * row[0]! + b[2]! * row[1]!)));
        const r = y[i]! - p;
        g[0]! += r;
        g[1]! += r * row[0]!;
        g[2]! += r * row[1]!;
      });
      g[1]! -= lambda * b[1]!;
      g[2]! -= lambda * b[2]!;
      b = b.map((v, j) => v + 0.05 * g[j]!);
    }
    expect(m.intercept).toBeCloseTo(b[0]!, 6);
    expect(m.coefficients[0]).toBeCloseTo(b[1]!, 6);
    expect(m.coefficients[1]).toBeCloseTo(b[2]!, 6);
    expect(sigmoid(linearPredictor(m, [0, 0]))).toBeCloseTo(1 / (1 + Math.exp(-b[0]!)), 6);
  });
});

describe('forecast scores', () => {
  const outcome = [1, 0, 1, 0];
  const p = [0.9, 0.2, 0.6, 0.6];

  it('computes the Brier score and log loss by hand', () => {
    // (0.1² + 0.2² + 0.4² + 0.6²) / 4 = (0.01 + 0.04 + 0.16 + 0.36) / 4
    expect(brier(outcome, p)).toBeCloseTo(0.1425, 12);
    expect(logLoss(outcome, p)).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.4)) / 4,
      12,
    );
  });

  it('computes the AUC as the share of positive/negative pairs ranked right, ties one half', () => {
    // Pairs (0.9, 0.2) ✓, (0.9, 0.6) ✓, (0.6, 0.2) ✓, (0.6, 0.6) ½ → 3.5 / 4.
    expect(auc(outcome, p)).toBe(0.875);
    expect(auc([1, 1], [0.3, 0.4])).toBeNull();
  });

  it('computes MAE and RMSE', () => {
    expect(mae([1, 2, 3], [2, 2, 5])).toBeCloseTo(1, 12);
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
});

const row = (accountId: string, period: string, live: boolean, nps: number | null): PanelRow => ({
  accountId,
  segmentId: 's',
  period,
  nps,
  npsResponses: nps === null ? 0 : 1,
  nps3: nps,
  npsAll: nps,
  npsPrior3: null,
  csi3: null,
  csiAll: null,
  ces3: null,
  responses3: 1,
  complaints3: 0,
  negatives3: 0,
  revenue: live ? 100 : null,
  grossMargin: live ? 20 : null,
  avgDaysLate: 0,
  orderRegularity: null,
  shareOfWallet: null,
  revenuePrior3: null,
});

describe('the training examples', () => {
  // Account A has figures Jan–Mar and stops; B has figures Jan–Jun.
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const panel = new Panel([
    ...months.map((m, i) => row('A', m, i < 3, i < 3 ? 10 * i : null)),
    ...months.map((m, i) => row('B', m, true, i === 2 ? null : 50)),
  ]);

  it('labels a month churned when the account has no figures 3 months later', () => {
    const labels = churnExamples(panel, '2026-06').map(
      (e) => `${e.row.accountId}${e.row.period}:${e.y}`,
    );
    // A: Jan → Apr (no figures) 1, Feb → May 1, Mar → Jun 1; B never; rows after Mar lack 3 months.
    expect(labels).toEqual([
      'A2026-01:1',
      'A2026-02:1',
      'A2026-03:1',
      'B2026-01:0',
      'B2026-02:0',
      'B2026-03:0',
    ]);
    // Observed only up to May: the March rows' outcome is not known yet.
    expect(churnExamples(panel, '2026-05').map((e) => e.row.period)).not.toContain('2026-03');
  });

  it('pairs a live month with the next month’s NPS, within the target months asked for', () => {
    const pairs = npsExamples(panel, '2026-06', '2026-03').map(
      (e) => `${e.row.accountId}${e.row.period}→${e.y}`,
    );
    // A: Feb → Mar NPS 20; B: Mar → Apr 50, Apr → May 50, May → Jun 50 (B's March had no NPS).
    expect(pairs).toEqual(['A2026-02→20', 'B2026-03→50', 'B2026-04→50', 'B2026-05→50']);
  });
});

describe('margin at risk', () => {
  const rule = (code: string, direction: 'BELOW' | 'AT_LEAST'): DangerRule => ({
    code,
    label: code,
    direction,
    threshold: () => 0,
    load: async () => new Map(),
  });
  const nps = rule('PREDICTED_NPS', 'BELOW');
  const churn = rule('CHURN_RISK', 'AT_LEAST');

  it('adds up the margin of the flagged accounts per segment and in total, with the reasons', () => {
    const margins = [
      { accountId: 'a', segmentId: 'S1', margin: 100, revenue: 1000 },
      { accountId: 'b', segmentId: 'S1', margin: 300, revenue: 2000 },
      { accountId: 'c', segmentId: 'S2', margin: 50, revenue: 400 },
      { accountId: 'd', segmentId: 'S2', margin: 150, revenue: 900 },
    ];
    const result = marginAtRisk(margins, [
      // a: NPS −10 < 0 → flagged; b: NPS 0 is not below 0; c: no forecast.
      {
        rule: nps,
        threshold: 0,
        values: new Map([
          ['a', -10],
          ['b', 0],
          ['d', 30],
        ]),
      },
      // a and d: churn risk at least 0.2 (d exactly at the threshold).
      {
        rule: churn,
        threshold: 0.2,
        values: new Map([
          ['a', 0.5],
          ['b', 0.1],
          ['d', 0.2],
        ]),
      },
    ]);
    expect(result.accounts.map((a) => [a.accountId, a.reasons.map((r) => r.rule)])).toEqual([
      ['d', ['CHURN_RISK']],
      ['a', ['PREDICTED_NPS', 'CHURN_RISK']],
    ]);
    expect(result.total).toEqual({
      accounts: 4,
      accountsAtRisk: 2,
      margin: 600,
      marginAtRisk: 250,
      shareAtRisk: 250 / 600,
    });
    expect(result.segments).toEqual([
      {
        segmentId: 'S1',
        accounts: 2,
        accountsAtRisk: 1,
        margin: 400,
        marginAtRisk: 100,
        shareAtRisk: 0.25,
      },
      {
        segmentId: 'S2',
        accounts: 2,
        accountsAtRisk: 1,
        margin: 200,
        marginAtRisk: 150,
        shareAtRisk: 0.75,
      },
    ]);
  });
});
