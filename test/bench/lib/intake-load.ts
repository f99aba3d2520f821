/**
 * Open-loop load for scenario 2: request i is sent at t0 + i / rate whatever happened to the
 * ones before (a closed loop would slow down with the server and hide the backlog).
 */
export interface Sent<T> {
  /** ms after t0 the request was due and sent. */
  at: number;
  /** ms the answer took; undefined when it failed. */
  ms: number | undefined;
  value: T | undefined;
  error?: string;
}

export interface OpenLoopResult<T> {
  sent: Sent<T>[];
  /** Accepted answers per second over the window (first send to last answer). */
  acceptedPerSecond: number;
  accepted: number;
  offered: number;
}

export async function openLoop<T>(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<T>,
): Promise<OpenLoopResult<T>> {
  const total = Math.round(rate * seconds);
  const sent: Sent<T>[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now() - t0;
      while (next < total && (next * 1000) / rate <= now) {
        const i = next++;
        const entry: Sent<T> = { at: now, ms: undefined, value: undefined };
        sent.push(entry);
        const start = performance.now();
        pending.push(
          send(i).then(
            (value) => {
              entry.ms = performance.now() - start;
              entry.value = value;
            },
            (error: unknown) => {
              entry.error = error instanceof Error ? error.message : String(error);
            },
          ),
        );
      }
      if (next >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(pending);
  const end = Math.max(
    ...sent.filter((s) => s.ms !== undefined).map((s) => s.at + s.ms!),
    (total * 1000) / rate,
  );
  const accepted = sent.filter((s) => s.value !== undefined).length;
  return { sent, accepted, offered: total, acceptedPerSecond: accepted / (end / 1000) };
}

/** Runs `f` over `items` with at most `n` at a time. */
export async function pool<I, O>(items: I[], n: number, f: (x: I) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array<O>(items.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) {
        const k = i++;
        out[k] = await f(items[k]!);
      }
    }),
  );
  return out;
}
