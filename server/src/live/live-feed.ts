/**
 * The source of live events: the audit trail. Every change the hub makes writes an
 * `audit_event` row (entity type and id) in the same transaction as the change, whether a
 * request made it in this process or a workflow activity made it in a separate worker process.
 * An in-memory pub/sub would only see this process's own writes, so instead one poller per
 * process reads the rows added since the last one it saw (`id > last`, on the primary key:
 * ids are UUIDv7, ordered by creation time) every `CX_LIVE_POLL_MS`, and fans them out. It
 * works the same on SQLite and PostgreSQL and runs only while someone subscribes.
 *
 * Limits: a row committed after a later-created row was already read (two writers racing
 * within one poll) is missed; subscribers re-read the entity on the next change, and pages
 * keep their usual refetch, so the cost is one late update, never a wrong one.
 */
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';

/** What subscribers learn of a change: which entity, nothing else (they re-read it). */
export interface LiveEvent {
  id: string;
  entityType: string;
  entityId: string;
}

export type LiveListener = (event: LiveEvent) => void;

const BATCH = 500;

export class LiveFeed {
  private readonly listeners = new Set<LiveListener>();
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  /** Starts polling with the first listener; answers the function that removes it. */
  async listen(listener: LiveListener): Promise<() => void> {
    if (!this.timer) {
      // Only what happens from now on: the newest row seen so far is the starting point.
      this.last ??= await this.newestId();
      this.timer ??= setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
    }
    // Counted once it receives: every change committed from here on reaches it.
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Whether the poller runs (only while someone listens). */
  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Reads and fans out the rows added since the last poll (one indexed query); never overlaps. */
  poll(): Promise<void> {
    this.polling ??= this.readNew().finally(() => (this.polling = undefined));
    return this.polling;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.last = undefined;
  }

  private async readNew(): Promise<void> {
    try {
      const em = this.orm.em.fork();
      const rows = await em.find(AuditEvent, this.last ? { id: { $gt: this.last } } : {}, {
        orderBy: { id: 'asc' },
        limit: BATCH,
        fields: ['id', 'entityType', 'entityId'],
        filters: false,
      });
      for (const row of rows) {
        this.last = row.id;
        if (!row.entityType || !row.entityId) continue;
        const event = { id: row.id, entityType: row.entityType, entityId: row.entityId };
        for (const listener of this.listeners) listener(event);
      }
    } catch (error) {
      this.log.error(`Live updates could not read the audit trail: ${String(error)}`);
    }
  }

  private async newestId(): Promise<string> {
    const [row] = await this.orm.em
      .fork()
      .find(AuditEvent, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'], filters: false });
    return row?.id ?? '';
  }
}

const feeds = new WeakMap<Orm, LiveFeed>();

/** The one feed of a process (per database). */
export function liveFeedFor(orm: Orm, pollMs: number, log: Logger): LiveFeed {
  let feed = feeds.get(orm);
  if (!feed) {
    feed = new LiveFeed(orm, pollMs, log);
    feeds.set(orm, feed);
  }
  return feed;
}
