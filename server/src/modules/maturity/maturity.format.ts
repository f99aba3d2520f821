import type { Measured } from './maturity.criteria.js';

/** How figures and thresholds are written: "1,812", "94%", "1 h", "r = 0.64". */

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A share as a whole percentage, rounded down so a figure never reads as meeting a threshold
 * it misses (89.6% shows as 89%, not 90%).
 */
export function pct(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

export function atLeast(share: number): string {
  return `≥ ${pct(share)}`;
}

/** "every" when the share is 1, else "≥ 80% of". */
export function everyOr(share: number): string {
  return share >= 1 ? 'every' : `${atLeast(share)} of`;
}

/** "in the last 90 days": the period of flow criteria. */
export function lastDays(days: number): string {
  return `in the last ${days} days`;
}

export function minutes(m: number): string {
  return m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}

export function fixed(n: number, digits = 2): string {
  return n.toFixed(digits);
}

/** `n` followed by the noun, pluralised with "s" unless given. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${int(n)} ${n === 1 ? noun : plural}`;
}

/** part / whole, or null when there is nothing to count. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The common "share of something" measurement: met when there is something to count and the
 * share reaches `min`. With nothing to count it is missing, and the figure says so.
 */
export function shareOf(
  part: number,
  whole: number,
  min: number,
  describe: (share: string, of: string) => string,
  none: string,
): Measured {
  const value = ratio(part, whole);
  if (value === null) return { met: false, value: null, figure: none };
  return {
    met: value >= min,
    value,
    figure: describe(pct(value), `${int(part)} of ${int(whole)}`),
  };
}

/** A count that must reach `min`. */
export function atLeastCount(n: number, min: number, figure: string): Measured {
  return { met: n >= min, value: n, figure };
}

export function months(periods: readonly { period: string }[]): string {
  const first = periods[0]?.period;
  const last = periods[periods.length - 1]?.period;
  return first === last ? (first ?? '') : `${first}…${last}`;
}
