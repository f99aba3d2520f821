import { describe, expect, it } from 'vitest';
import {
  differenceInDifferences,
  EffectStatus,
  estimateEffect,
  welchTTest,
} from '../../server/src/modules/analytics/effect/did.js';
import { effectWindows } from '../../server/src/modules/analytics/effect/effect.window.js';

describe('difference in differences', () => {
  it('reproduces Card & Krueger (1994): FTE employment, NJ vs PA, DiD ≈ +2.76', () => {
    // Table 3 of Card & Krueger, "Minimum Wages and Employment", AER 84(4): mean full-time
    // equivalent employment per store. NJ (minimum wage raised) 20.44 → 21.03, PA 23.33 → 21.17.
    // By hand from the rounded means: (21.03 − 20.44) − (21.17 − 23.33) = 0.59 + 2.16 = 2.75;
    // the paper prints 2.76 because it differences the unrounded means.
    const did = differenceInDifferences({
      treatedBefore: 20.44,
      treatedAfter: 21.03,
      controlBefore: 23.33,
      controlAfter: 21.17,
    });
    expect(did).toBeCloseTo(2.75, 10);
    expect(Math.abs(did - 2.76)).toBeLessThanOrEqual(0.011);
  });
});

describe('Welch two-sample t procedure', () => {
  // R's `sleep` data set (Student 1908): extra hours of sleep under two drugs, ten patients each.
  const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it("matches R's t.test(extra ~ group, data = sleep) (Welch)", () => {
    // R 4.x prints: t = -1.8608, df = 17.776, p-value = 0.07939,
    // 95 percent confidence interval: -3.3654832  0.2054832; means 0.75 and 2.33.
    const r = welchTTest(drug1, drug2)!;
    expect(r.difference).toBeCloseTo(0.75 - 2.33, 10);
    expect(r.t).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.pValue).toBeCloseTo(0.07939, 5);
    expect(r.low).toBeCloseTo(-3.3654832, 6);
    expect(r.high).toBeCloseTo(0.2054832, 6);
  });

  it('needs two values per sample', () => {
    expect(welchTTest([1], [1, 2])).toBeNull();
    expect(welchTTest([1, 2], [])).toBeNull();
  });

  it('collapses to the point when neither sample varies', () => {
    const r = welchTTest([2, 2], [1, 1])!;
    expect([r.low, r.high, r.pValue]).toEqual([1, 1, 0]);
  });
});

describe('estimateEffect from per-account before/after values', () => {
  it('agrees with a hand calculation', () => {
    // Treated changes 3 and 5 (mean 4, variance 2); control changes 0, 1, 2 (mean 1, variance 1).
    // DiD = 4 − 1 = 3. SE = √(2/2 + 1/3) = √(4/3). df = (4/3)² / (1²/1 + (1/3)²/2) = 32/19.
    // An account seen in one window only, and one seen in none, do not count.
    const r = estimateEffect([
      { treated: true, before: 10, after: 13 },
      { treated: true, before: 20, after: 25 },
      { treated: true, before: 50, after: null },
      { treated: false, before: 30, after: 30 },
      { treated: false, before: 40, after: 41 },
      { treated: false, before: 0, after: 2 },
      { treated: false, before: null, after: null },
    ]);
    expect(r.status).toBe(EffectStatus.ESTIMATED);
    expect([r.treatedN, r.controlN]).toEqual([2, 3]);
    expect([r.treatedBefore, r.treatedAfter]).toEqual([15, 19]);
    expect(r.controlBefore).toBeCloseTo(70 / 3, 10);
    expect(r.controlAfter).toBeCloseTo(73 / 3, 10);
    expect(r.did).toBeCloseTo(3, 10);
    expect(r.standardError).toBeCloseTo(Math.sqrt(4 / 3), 10);
    expect(r.df).toBeCloseTo(32 / 19, 10);
    // The interval is symmetric around the estimate and wider than ±1.96·SE (few df).
    expect(r.low! + r.high!).toBeCloseTo(6, 10);
    expect(r.high! - 3).toBeGreaterThan(1.96 * Math.sqrt(4 / 3));
  });

  it('says why there is no estimate or no interval', () => {
    const t = (before: number | null, after: number | null) => ({ treated: true, before, after });
    const c = (before: number | null, after: number | null) => ({ treated: false, before, after });
    expect(estimateEffect([t(1, 2), c(1, 1)]).status).toBe(EffectStatus.NO_INTERVAL);
    expect(estimateEffect([t(1, 2), c(1, 1)]).did).toBe(1);
    expect(estimateEffect([t(null, 2), c(1, 1), c(2, 2)]).status).toBe(
      EffectStatus.NO_TREATED_DATA,
    );
    expect(estimateEffect([t(1, 2), t(2, 3), c(null, 1)]).status).toBe(EffectStatus.NO_CONTROL);
    expect(estimateEffect([t(1, 2), t(2, 3)]).did).toBeNull();
  });
});

describe('effect windows', () => {
  it('takes complete months before the start month, and the start month to the last complete one', () => {
    // Started 10 Feb 2026, looked at on 3 May 2026, 6 months before: Aug 2025 … Jan 2026 (across
    // the year), after Feb … Apr 2026 (May is not complete).
    expect(
      effectWindows(new Date('2026-02-10T08:00:00Z'), new Date('2026-05-03T00:00:00Z'), 6),
    ).toEqual({
      beforeFrom: '2025-08',
      beforeTo: '2026-01',
      afterFrom: '2026-02',
      afterTo: '2026-04',
      hasAfter: true,
    });
  });

  it('has no "after" while the start month is not complete', () => {
    const w = effectWindows(new Date('2026-05-02T00:00:00Z'), new Date('2026-05-31T23:59:59Z'), 3);
    expect([w.beforeFrom, w.beforeTo, w.afterFrom, w.afterTo, w.hasAfter]).toEqual([
      '2026-02',
      '2026-04',
      '2026-05',
      '2026-04',
      false,
    ]);
    expect(() => effectWindows(new Date(), new Date(), 0)).toThrow(RangeError);
  });
});
