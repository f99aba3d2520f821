import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import type { InitiativeWorkflows } from '../modules/initiative/initiative-workflows.port.js';
import { Initiative } from '../modules/initiative/initiative.entity.js';
import { InitiativeStatus } from '../modules/initiative/initiative.enums.js';
import type { CollectStarter } from './collect-starter.js';
import {
  maybeUnsynced,
  syncCampaignSchedule,
} from '../modules/survey/campaign-schedule.service.js';
import { SurveyCampaign } from '../modules/survey/survey-campaign.entity.js';
import { SurveyTriggerEvent } from '../modules/survey/survey-trigger-event.entity.js';
import type { SurveyWorkflows } from '../modules/survey/survey-workflows.port.js';

export interface ReconcilerDeps {
  orm: Orm;
  collect: CollectStarter;
  /** Initiative workflows to start as well (the API passes them; tests of feedback may not). */
  initiatives?: InitiativeWorkflows;
  /** Trigger-event dispatches to start and campaign schedules to sync (the API passes them). */
  surveys?: SurveyWorkflows;
  log: Pick<Logger, 'info' | 'warn'>;
  batchSize?: number;
}

export interface ReconcileResult {
  started: number;
  /** True when Temporal refused or did not answer; the rest waits for the next pass. */
  failed: boolean;
}

/** Rows whose workflow must run, and how to start one. */
interface Pending<E extends { id: string; workflowStartedAt?: Date | null }> {
  label: string;
  entity: EntityClass<E>;
  where: FilterQuery<E>;
  orderBy: Record<string, 'asc'>;
  start(id: string): Promise<unknown>;
}

/**
 * Starts the workflow of every accepted feedback item and every open initiative whose start
 * never got through (Temporal was down, the API died between commit and start, or the rows
 * were loaded in bulk: imports, the demo), so nothing accepted is lost. Starts are
 * idempotent, so racing the services that start them is harmless.
 */
export class WorkflowReconciler {
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly deps: ReconcilerDeps) {
    this.batchSize = deps.batchSize ?? 100;
  }

  /** One pass over each kind: oldest first, batch after batch, until none is left or Temporal fails. */
  async runOnce(): Promise<ReconcileResult> {
    const loop = await this.loopWorkflows();
    if (loop.failed) return loop;
    const surveys = await this.surveys();
    return { started: loop.started + surveys.started, failed: surveys.failed };
  }

  /** Feedback items' collect workflows, then open initiatives' workflows. */
  private async loopWorkflows(): Promise<ReconcileResult> {
    const feedback = await this.pass<FeedbackItem>({
      label: 'collect',
      entity: FeedbackItem,
      where: { workflowStartedAt: null },
      orderBy: { receivedAt: 'asc', id: 'asc' },
      start: (id) => this.deps.collect.startCollect(id),
    });
    const initiatives = this.deps.initiatives;
    if (feedback.failed || !initiatives) return feedback;
    const open = await this.pass<Initiative>({
      label: 'initiative',
      entity: Initiative,
      where: {
        workflowStartedAt: null,
        status: { $nin: [InitiativeStatus.CLOSED, InitiativeStatus.CANCELLED] },
      },
      orderBy: { createdAt: 'asc', id: 'asc' },
      start: (id) => initiatives.start(id),
    });
    return { started: feedback.started + open.started, failed: open.failed };
  }

  /** Trigger events whose dispatch never started, and campaigns whose schedule lags. */
  private async surveys(): Promise<ReconcileResult> {
    const surveys = this.deps.surveys;
    if (!surveys) return { started: 0, failed: false };
    const events = await this.pass<SurveyTriggerEvent>({
      label: 'survey dispatch',
      entity: SurveyTriggerEvent,
      where: { workflowStartedAt: null },
      orderBy: { recordedAt: 'asc', id: 'asc' },
      start: (id) => surveys.startTriggerDispatch(id),
    });
    if (events.failed) return events;
    const em = this.deps.orm.em.fork();
    const campaigns = await em.find(SurveyCampaign, maybeUnsynced, { orderBy: { id: 'asc' } });
    for (const c of campaigns) {
      if (!(await syncCampaignSchedule(em, surveys, this.deps.log, c.id))) {
        return { started: events.started, failed: true };
      }
    }
    return events;
  }

  private async pass<E extends { id: string; workflowStartedAt?: Date | null }>(
    p: Pending<E>,
  ): Promise<ReconcileResult> {
    let started = 0;
    for (;;) {
      const em = this.deps.orm.em.fork();
      const pending = (await em.find(p.entity, p.where, {
        fields: ['id'] as never,
        orderBy: p.orderBy as never,
        limit: this.batchSize,
      })) as E[];
      const done: string[] = [];
      let failure: unknown;
      for (const row of pending) {
        try {
          await p.start(row.id);
          done.push(row.id);
        } catch (err) {
          // Every start goes to the same Temporal: once one fails, the rest would too.
          failure = err;
          break;
        }
      }
      if (done.length > 0) {
        await em.nativeUpdate(
          p.entity,
          { id: { $in: done }, workflowStartedAt: null } as FilterQuery<E>,
          { workflowStartedAt: new Date() } as never,
        );
        started += done.length;
      }
      if (failure !== undefined) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        this.deps.log.warn(
          `Could not start ${p.label} workflows (${pending.length - done.length} waiting); retrying on the next pass: ${reason}`,
        );
        return { started, failed: true };
      }
      if (pending.length < this.batchSize) break;
    }
    if (started > 0) this.deps.log.info(`Reconciler started ${started} ${p.label} workflow(s)`);
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
