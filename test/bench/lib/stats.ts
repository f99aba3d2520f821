/**
 * Statistics of the benchmarks. Every timed figure is set against a baseline measured in the
 * same run, in alternating rounds (A then B, B then A, …) after a warm-up, and reported as the
 * median of the per-round ratios with their spread: on a shared, noisy machine the ratio of
 * two things measured side by side is stable where either alone is not.
 */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export interface Distribution {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(xs: readonly number[]): Distribution {
  return {
    n: xs.length,
    p50: percentile(xs, 50),
    p99: percentile(xs, 99),
    max: xs.length ? Math.max(...xs) : NaN,
    mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN,
  };
}

/** A ratio measured round by round: the median and its spread. */
export interface Ratio {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function ratioOf(ratios: readonly number[]): Ratio {
  return {
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    rounds: ratios.length,
  };
}

export interface AbResult<T = number> {
  /** The figure of A and of B in each measured round (not the warm-up). */
  a: T[];
  b: T[];
  /** A ÷ B per round, from the figures `figure` reads. */
  ratio: Ratio;
  aMedian: number;
  bMedian: number;
}

/**
 * Runs `a` and `b` in alternating order, `warmup` rounds discarded, then `rounds` measured
 * (at least 5). Each returns its round's figure (e.g. a median latency in ms, or a rate);
 * `figure` reads the number to compare when they return more.
 */
export async function abRounds<T = number>(
  a: () => Promise<T>,
  b: () => Promise<T>,
  opts: { rounds?: number; warmup?: number; figure?: (x: T) => number } = {},
): Promise<AbResult<T>> {
  const rounds = Math.max(5, opts.rounds ?? 5);
  const warmup = opts.warmup ?? 1;
  const figure = opts.figure ?? ((x: T) => x as unknown as number);
  const as: T[] = [];
  const bs: T[] = [];
  for (let r = 0; r < warmup + rounds; r++) {
    let ra: T;
    let rb: T;
    if (r % 2 === 0) {
      ra = await a();
      rb = await b();
    } else {
      rb = await b();
      ra = await a();
    }
    if (r >= warmup) {
      as.push(ra);
      bs.push(rb);
    }
  }
  const ratios = as.map((x, i) => figure(x) / figure(bs[i]!));
  return {
    a: as,
    b: bs,
    ratio: ratioOf(ratios),
    aMedian: median(as.map(figure)),
    bMedian: median(bs.map(figure)),
  };
}

/** Milliseconds `f` took, with its result. */
export async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const out = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
}
