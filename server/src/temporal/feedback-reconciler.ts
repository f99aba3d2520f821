import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import type { CollectStarter } from './collect-starter.js';

export interface ReconcilerDeps {
  orm: Orm;
  collect: CollectStarter;
  log: Pick<Logger, 'info' | 'warn'>;
  batchSize?: number;
}

export interface ReconcileResult {
  started: number;
  /** True when Temporal refused or did not answer; the rest waits for the next pass. */
  failed: boolean;
}

/**
 * Starts the collect workflow of every accepted feedback item whose start never got
 * through (Temporal was down, or the API died between commit and start), so nothing
 * accepted is lost. Starts are idempotent, so racing the feedback service is harmless.
 */
export class FeedbackReconciler {
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly deps: ReconcilerDeps) {
    this.batchSize = deps.batchSize ?? 100;
  }

  /** One pass: oldest first, batch after batch, until none is left or Temporal fails. */
  async runOnce(): Promise<ReconcileResult> {
    let started = 0;
    for (;;) {
      const em = this.deps.orm.em.fork();
      const pending = await em.find(
        FeedbackItem,
        { workflowStartedAt: null },
        { fields: ['id'], orderBy: { receivedAt: 'asc', id: 'asc' }, limit: this.batchSize },
      );
      const done: string[] = [];
      let failure: unknown;
      for (const item of pending) {
        try {
          await this.deps.collect.startCollect(item.id);
          done.push(item.id);
        } catch (err) {
          // Every start goes to the same Temporal: once one fails, the rest would too.
          failure = err;
          break;
        }
      }
      if (done.length > 0) {
        await em.nativeUpdate(
          FeedbackItem,
          { id: { $in: done }, workflowStartedAt: null },
          { workflowStartedAt: new Date() },
        );
        started += done.length;
      }
      if (failure !== undefined) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        this.deps.log.warn(
          `Could not start collect workflows (${pending.length - done.length} waiting); retrying on the next pass: ${reason}`,
        );
        return { started, failed: true };
      }
      if (pending.length < this.batchSize) break;
    }
    if (started > 0) this.deps.log.info(`Reconciler started ${started} collect workflow(s)`);
    return { started, failed: false };
  }

  /** Runs a pass now and then every `intervalMs` after the previous one ends (never overlapping). */
  start(intervalMs: number): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.runOnce()
        .catch((err: unknown) =>
          this.deps.log.warn(
            `Reconciler pass failed: ${err instanceof Error ? err.message : String(err)}`,
          ),
        )
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) {
            this.timer = setTimeout(tick, intervalMs);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  /** Stops scheduling and waits for a pass in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
