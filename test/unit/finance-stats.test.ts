import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Random } from '../../server/src/demo/random.js';
import {
  correctForMeasurementError,
  fisherInterval,
  regress,
  seriesTrend,
  type Point,
} from '../../server/src/modules/analytics/finance/finance.stats.js';

// R's `cars` data set (Ezekiel 1930): speed (mph) and stopping distance (ft) of 50 cars.
const SPEED = [
  4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15,
  16, 16, 17, 17, 17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25,
];
const DIST = [
  2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26,
  54, 32, 40, 32, 40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120,
  85,
];
const cars: Point[] = SPEED.map((x, i) => ({ x, y: DIST[i]!, group: 'cars' }));

describe('regress: the textbook simple regression', () => {
  it("reproduces R's summary(lm(dist ~ speed, cars)) and confint()", () => {
    const reg = regress(cars)!;
    expect(reg.n).toBe(50);
    expect(reg.df).toBe(48);
    expect(reg.slope).toBeCloseTo(3.9324, 4);
    expect(reg.slopeSe).toBeCloseTo(0.4155, 4);
    expect(reg.t!).toBeCloseTo(9.464, 3);
    // R prints p = 1.49e-12.
    expect(reg.pValue).toBeGreaterThan(1.485e-12);
    expect(reg.pValue).toBeLessThan(1.495e-12);
    expect(reg.slopeLow).toBeCloseTo(3.097, 3);
    expect(reg.slopeHigh).toBeCloseTo(4.7679, 3);
    expect(reg.intercept!).toBeCloseTo(-17.5791, 4);
    expect(reg.interceptSe!).toBeCloseTo(6.7584, 4);
    expect(reg.rSquared).toBeCloseTo(0.6511, 4);
  });

  it("reproduces R's cor.test(cars$speed, cars$dist): r and its Fisher interval", () => {
    const reg = regress(cars)!;
    expect(reg.r).toBeCloseTo(0.8068949, 6);
    expect(reg.rLow).toBeCloseTo(0.6816422, 6);
    expect(reg.rHigh).toBeCloseTo(0.8862036, 6);
    // One predictor: the standardised coefficient is the correlation.
    expect(reg.standardisedSlope).toBeCloseTo(0.8068949, 6);
  });

  it('computes the Fisher interval by hand: r = 0.5, n = 28 → tanh(atanh 0.5 ± 1.959964/5)', () => {
    const z = 0.5493061; // atanh(0.5)
    const [low, high] = fisherInterval(0.5, 28);
    expect(low).toBeCloseTo(Math.tanh(z - 1.959964 / 5), 6);
    expect(high).toBeCloseTo(Math.tanh(z + 1.959964 / 5), 6);
    expect(low).toBeCloseTo(0.156, 3);
    expect(high).toBeCloseTo(0.736, 3);
  });

  it('refuses what cannot be fitted: too few points, or x that does not vary', () => {
    expect(regress(cars.slice(0, 2))).toBeNull();
    expect(regress([1, 2, 3, 4].map((y) => ({ x: 5, y, group: 'g' })))).toBeNull();
  });
});

describe('regress with segment fixed effects', () => {
  // Three segments with their own levels and a common slope, plus noise.
  const rng = new Random(7);
  const points: Point[] = [];
  for (const [group, level] of [
    ['A', 0.24],
    ['B', 0.17],
    ['C', 0.21],
  ] as const) {
    for (let i = 0; i < 40; i++) {
      const x = 60 + 15 * rng.next();
      points.push({ x, y: level + 0.003 * x + rng.normal(0, 0.02), group });
    }
  }

  it('equals least squares with one dummy per segment (a second method: normal equations)', () => {
    const groups = ['A', 'B', 'C'];
    const X = new Matrix(points.map((p) => [p.x, ...groups.map((g) => (p.group === g ? 1 : 0))]));
    const y = Matrix.columnVector(points.map((p) => p.y));
    const xtxInv = inverse(X.transpose().mmul(X));
    const beta = xtxInv.mmul(X.transpose()).mmul(y);
    const residuals = y.clone().sub(X.mmul(beta));
    const df = points.length - 4;
    const sigma2 = residuals.transpose().mmul(residuals).get(0, 0) / df;
    const se = Math.sqrt(sigma2 * xtxInv.get(0, 0));

    const reg = regress(points)!;
    expect(reg.groups).toBe(3);
    expect(reg.df).toBe(df);
    expect(reg.slope).toBeCloseTo(beta.get(0, 0), 10);
    expect(reg.slopeSe).toBeCloseTo(se, 10);
    expect(reg.intercept).toBeNull();
  });

  it('finds the common slope that a regression ignoring segments gets wrong', () => {
    // Segment B has lower margins AND higher satisfaction: pooled naively, the slope turns.
    const confounded = points.map((p) => ({ ...p, x: p.group === 'B' ? p.x + 30 : p.x }));
    const within = regress(confounded)!;
    const naive = regress(confounded.map((p) => ({ ...p, group: 'all' })))!;
    expect(within.slopeLow).toBeLessThan(0.003);
    expect(within.slopeHigh).toBeGreaterThan(0.003);
    expect(naive.slope).toBeLessThan(0.0015);
  });
});

describe('correctForMeasurementError', () => {
  it('recovers the true slope of a simulated errors-in-variables model (λ = 1 / (1 + 0.49))', () => {
    const rng = new Random(3);
    const points: Point[] = [];
    for (let i = 0; i < 20_000; i++) {
      const truth = rng.normal();
      points.push({ x: truth + rng.normal(0, 0.7), y: 3 * truth + rng.normal(0, 1), group: 'g' });
    }
    const reg = regress(points)!;
    // Attenuated: expected 3 / 1.49 ≈ 2.01, so the OLS interval misses the true 3.
    expect(reg.slopeHigh).toBeLessThan(2.2);
    const corrected = correctForMeasurementError(reg, 0.49)!;
    expect(corrected.reliability).toBeCloseTo(1 / 1.49, 1);
    expect(corrected.slopeLow).toBeLessThan(3);
    expect(corrected.slopeHigh).toBeGreaterThan(3);
  });

  it('divides by the reliability: slope 2, variance of x 4, error 1 → λ 0.75, slope 8/3', () => {
    const reg = { ...regress(cars)!, slope: 2, slopeLow: 1, slopeHigh: 3, varianceX: 4 };
    expect(correctForMeasurementError(reg, 1)).toEqual({
      reliability: 0.75,
      slope: 2 / 0.75,
      slopeLow: 1 / 0.75,
      slopeHigh: 3 / 0.75,
    });
    expect(correctForMeasurementError(reg, 3.5)).toBeNull();
  });
});

describe('seriesTrend', () => {
  it('gives the least-squares slope per step of a series (hand-computed: 0.2, 0.3, 0.3, 0.5 → 0.09)', () => {
    // x̄ = 1.5, ȳ = 0.325; Σ(x−x̄)(y−ȳ) = 0.45, Σ(x−x̄)² = 5.
    const at = (ys: number[]) => ys.map((y, x) => ({ x, y }));
    expect(seriesTrend(at([0.2, 0.3, 0.3, 0.5]))!.slope).toBeCloseTo(0.09, 10);
    expect(seriesTrend(at([0.2, 0.3]))).toBeNull();
  });
});
