/**
 * One subscription's stream: the feed's events about the entity types it follows, each re-read
 * as the subscriber (through the same service and row scopes as the matching query), so an
 * event about a row the subscriber may not read is dropped, never pushed.
 */
import type { RequestContext } from '../graphql/context.js';
import { liveFeedFor, type LiveEvent } from './live-feed.js';

/** Events waiting for a slow subscriber; beyond this the oldest are dropped (re-reads coalesce). */
const QUEUE_LIMIT = 200;

export type ReRead<T> = (ctx: RequestContext, event: LiveEvent) => Promise<T | null | undefined>;

export function liveStream<T>(
  ctx: RequestContext,
  entityTypes: readonly string[],
  reRead: ReRead<T>,
): AsyncIterableIterator<T> {
  const { orm, config, log } = ctx.app;
  const feed = liveFeedFor(orm, config.live.pollMs, log);
  const queue: LiveEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const listening = feed.listen((event) => {
    if (!entityTypes.includes(event.entityType)) return;
    // Several changes to one entity in a queue read it once: only the latest read matters.
    const same = queue.findIndex((e) => e.entityId === event.entityId);
    if (same >= 0) queue.splice(same, 1);
    if (queue.length >= QUEUE_LIMIT) queue.shift();
    queue.push(event);
    wake?.();
  });
  const unlisten = async () => (await listening)();

  async function* events(): AsyncGenerator<T> {
    try {
      while (!done) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        // A fresh read each time: nothing cached from an earlier event answers this one.
        ctx.forgetLoaded();
        const value = await reRead(ctx, event);
        if (value) yield value;
      }
    } finally {
      done = true;
      await unlisten();
    }
  }

  const iterator = events();
  const stop = iterator.return.bind(iterator);
  iterator.return = (value?: unknown) => {
    done = true;
    wake?.();
    // Also when the stream never started: a generator not yet run skips its `finally`.
    void unlisten();
    return stop(value as undefined);
  };
  return iterator;
}
