import { describe, expect, it } from 'vitest';
import {
  compareRankings,
  locationOf,
  ranksDescending,
  shrunkLocation,
  spearman,
  zSum,
} from '../../server/src/modules/analytics/index/alignment.math.js';
import {
  calibrate,
  fitError,
  impute,
  linearFit,
  solveNnls,
  weightedIndex,
} from '../../server/src/modules/analytics/index/index.math.js';

describe('non-negative least squares', () => {
  it('equals the unconstrained least squares when that is non-negative (solved by hand)', () => {
    // Normal equations of A = [[1,0],[1,1],[0,1]], y = [1,3,2]: [[2,1],[1,2]]·w = [4,5] → w = (1, 2).
    const w = solveNnls(
      [
        [1, 0],
        [1, 1],
        [0, 1],
      ],
      [1, 3, 2],
    );
    expect(w[0]).toBeCloseTo(1, 10);
    expect(w[1]).toBeCloseTo(2, 10);
  });

  it('clamps a coefficient the unconstrained fit makes negative and refits the rest', () => {
    // A = I₂ stacked on [1,1], y = [2, −1, 0]: unconstrained w = (5/3, −4/3). With w₂ = 0 the
    // best w₁ minimises (w₁−2)² + 1 + w₁², i.e. w₁ = 1.
    const w = solveNnls(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [2, -1, 0],
    );
    expect(w[0]).toBeCloseTo(1, 10);
    expect(w[1]).toBe(0);
  });

  it('solves the scipy documentation example (A = [[1,0],[1,0],[0,1]], b = [2,1,1] → x = (1.5, 1))', () => {
    const w = solveNnls(
      [
        [1, 0],
        [1, 0],
        [0, 1],
      ],
      [2, 1, 1],
    );
    expect(w[0]).toBeCloseTo(1.5, 10);
    expect(w[1]).toBeCloseTo(1, 10);
  });
});

describe('the weighted index', () => {
  it('is the weighted mean of the measured factors on 0–100, the unmeasured dropping out', () => {
    const scores = new Map<string, number | null>([
      ['a', 1],
      ['b', 0.5],
      ['c', null],
    ]);
    const weights = new Map([
      ['a', 0.6],
      ['b', 0.2],
      ['c', 0.2],
    ]);
    // (0.6·1 + 0.2·0.5) / 0.8 = 0.875; coverage 0.8 / 1.0.
    const r = weightedIndex(scores, weights);
    expect(r.index).toBeCloseTo(87.5, 10);
    expect(r.coverage).toBeCloseTo(0.8, 10);
  });

  it('is null when no weighted factor was measured', () => {
    expect(weightedIndex(new Map([['a', null]]), new Map([['a', 1]])).index).toBeNull();
  });

  it('imputes an unmeasured factor with the weighted mean of the measured ones', () => {
    // (1·0.2 + 3·0.6) / 4 = 0.5
    const x = impute([0.2, 0.6, null], [1, 3, 5]);
    expect(x.slice(0, 2)).toEqual([0.2, 0.6]);
    expect(x[2]).toBeCloseTo(0.5, 12);
  });
});

describe('fit errors and the line', () => {
  it('computes RMSE and MAE by hand', () => {
    // errors 1, −2, 0 → RMSE √(5/3), MAE 1
    const e = fitError([2, 0, 5], [1, 2, 5]);
    expect(e.rmse).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(e.mae).toBeCloseTo(1, 12);
  });

  it('fits y = 1 + 2x through exact points', () => {
    const { a, b } = linearFit([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(a).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo(2, 12);
  });

  it('converges toward the exact weights in damped rounds, each lowering the error', () => {
    // y = 10 + 30·x₁ + 5·x₂ exactly; start from equal weights of 10.
    const xs = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [0.5, 0.2],
      [0.3, 0.9],
    ];
    const rows = xs.map(([a, b]) => ({ scores: [a!, b!], measured: 10 + 30 * a! + 5 * b! }));
    const rounds = calibrate(rows, { intercept: 0, weights: [10, 10] }, 3, 0.02);
    for (const r of rounds) expect(r.after.rmse).toBeLessThan(r.before.rmse);
    const last = rounds.at(-1)!.model;
    expect(last.weights[0]).toBeCloseTo(30, 0);
    expect(last.weights[1]).toBeCloseTo(5, 0);
    expect(last.intercept).toBeCloseTo(10, 0);
  });
});

describe('scale alignment', () => {
  it('computes the mean and sample standard deviation from the sums', () => {
    // 2, 4, 6: mean 4, sample variance 4
    const l = locationOf({ n: 3, sum: 12, sumSq: 56 });
    expect(l.mean).toBe(4);
    expect(l.sd).toBeCloseTo(2, 12);
  });

  it('shrinks a contact with few answers toward the segment (hand computed)', () => {
    // contact 8, 10 (mean 9, var 2); segment mean 6, sd 2 (var 4); k = 2:
    // mean = (2·9 + 2·6)/4 = 7.5; var = (1·2 + 2·4)/3 = 10/3
    const l = shrunkLocation({ n: 2, sum: 18, sumSq: 164 }, { mean: 6, sd: 2 }, 2, 0.5);
    expect(l.mean).toBeCloseTo(7.5, 12);
    expect(l.sd).toBeCloseTo(Math.sqrt(10 / 3), 12);
  });

  it('reads a contact without history on the segment scale, with the spread floored', () => {
    expect(shrunkLocation({ n: 0, sum: 0, sumSq: 0 }, { mean: 6, sd: 0.1 }, 2, 0.5)).toEqual({
      mean: 6,
      sd: 0.5,
    });
  });

  it('sums z-scores: answers 9 and 5 against mean 6, sd 2 give (1.5 − 0.5) = 1', () => {
    expect(zSum(2, 14, { mean: 6, sd: 2 })).toBeCloseTo(1, 12);
  });

  it('ranks with ties sharing their mean position', () => {
    expect(ranksDescending([10, 30, 20, 30])).toEqual([4, 1.5, 3, 1.5]);
  });

  it("matches Spearman's textbook example (IQ vs hours of TV, ρ = −29/165 ≈ −0.1758)", () => {
    // Wikipedia, "Spearman's rank correlation coefficient", worked example.
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 6);
  });

  it('reports the rank shift of each item between the raw and the aligned ranking', () => {
    const { pairs, spearman: rho } = compareRankings([
      { item: 'a', raw: 3, aligned: 1 },
      { item: 'b', raw: 2, aligned: 2 },
      { item: 'c', raw: 1, aligned: 3 },
    ]);
    expect(pairs.map((p) => p.rankShift)).toEqual([2, 0, -2]);
    expect(rho).toBeCloseTo(-1, 12);
  });
});
