import { sampleRankCorrelation } from 'simple-statistics';

/**
 * Scale alignment (the method's opening problem: each client rates on a scale of its own).
 * A response is re-expressed as a z-score against its respondent's own history; with few
 * responses that history is shrunk toward the segment's figures.
 */

/** Sums of one group's scores: count, Σx, Σx². */
export interface ScoreSums {
  n: number;
  sum: number;
  sumSq: number;
}

export interface Location {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation from the sums (sd 0 below two values). */
export function locationOf({ n, sum, sumSq }: ScoreSums): Location {
  if (n === 0) return { mean: 0, sd: 0 };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * A contact's mean and spread shrunk toward the segment's with `k` pseudo-responses:
 *   mean = (n·m_c + k·m_s) / (n + k),  var = ((n−1)·v_c + k·v_s) / (n − 1 + k).
 * With no history of their own a contact is read on the segment's scale; with many responses
 * on their own. The spread never falls below `minSd` (a contact who always answers 9 would
 * otherwise divide by zero).
 */
export function shrunkLocation(
  contact: ScoreSums,
  segment: Location,
  k: number,
  minSd: number,
): Location {
  const own = locationOf(contact);
  const n = contact.n;
  const mean = (n * own.mean + k * segment.mean) / (n + k);
  const df = Math.max(0, n - 1);
  const variance = (df * own.sd ** 2 + k * segment.sd ** 2) / (df + k);
  return { mean, sd: Math.max(minSd, Math.sqrt(variance)) };
}

/**
 * The mean z-score of a group of responses against one location, from the responses' count
 * and sum: Σ(x − m)/s = (Σx − n·m)/s.
 */
export function zSum(windowN: number, windowSum: number, at: Location): number {
  return (windowSum - windowN * at.mean) / at.sd;
}

/** 1-based ranks, best (highest) first; ties share the mean of their positions. */
export function ranksDescending(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t += 1) ranks[order[t]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rank correlation (Pearson on the ranks; null below three pairs). */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length < 3 || x.length !== y.length) return null;
  const r = sampleRankCorrelation([...x], [...y]);
  return Number.isFinite(r) ? r : null;
}

export interface RankedPair<T> {
  item: T;
  raw: number;
  aligned: number;
  rawRank: number;
  alignedRank: number;
  /** alignedRank − rawRank: positive when the aligned score puts the account further down. */
  rankShift: number;
}

/** Ranks items by both scores and reports each one's shift between the two rankings. */
export function compareRankings<T>(items: readonly { item: T; raw: number; aligned: number }[]): {
  pairs: RankedPair<T>[];
  spearman: number | null;
} {
  const rawRanks = ranksDescending(items.map((i) => i.raw));
  const alignedRanks = ranksDescending(items.map((i) => i.aligned));
  const pairs = items.map((it, i) => ({
    ...it,
    rawRank: rawRanks[i]!,
    alignedRank: alignedRanks[i]!,
    rankShift: alignedRanks[i]! - rawRanks[i]!,
  }));
  return {
    pairs,
    spearman: spearman(
      items.map((i) => i.raw),
      items.map((i) => i.aligned),
    ),
  };
}
