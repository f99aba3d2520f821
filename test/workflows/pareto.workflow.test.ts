import type { EntityClass } from '@mikro-orm/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { ensureParetoSchedule } from '../../server/src/temporal/pareto-starter.js';
import { initiativeWorkflowId } from '../../workflows/contracts/initiative.contract.js';
import {
  PARETO_ANALYSIS_WORKFLOW,
  PARETO_SCHEDULE_ID,
  monthBefore,
  paretoScheduleStateQuery,
  paretoWorkflowId,
  type ParetoAnalysisInput,
  type ParetoAnalysisResult,
} from '../../workflows/contracts/pareto.contract.js';
import { buildParetoWorld, WORLD_PERIOD, type ParetoWorld } from '../fixtures/pareto-world.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const temporal = useTimeSkippingEnv();

describeEachDatabase('The Pareto workflows on the Temporal test server', (getOrm, dialect) => {
  let h: WorkflowHarness;
  let w: ParetoWorld;
  const proposals = new Set<string>();

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    w = await buildParetoWorld(getOrm(), `wf-${dialect}`);
  });
  afterAll(async () => {
    // Proposals' workflows outlive the analysis (ABANDON): end them with the worker.
    const client = temporal.env.client;
    await Promise.all(
      [...[...proposals].map(initiativeWorkflowId), PARETO_SCHEDULE_ID].map((id) =>
        client.workflow
          .getHandle(id)
          .terminate('test finished')
          .catch(() => undefined),
      ),
    );
    await h?.stop();
  });

  const analyse = (period: string) =>
    temporal.env.client.workflow.execute(PARETO_ANALYSIS_WORKFLOW, {
      taskQueue: h.taskQueue,
      workflowId: paretoWorkflowId(period),
      args: [{ period } satisfies ParetoAnalysisInput],
    }) as Promise<ParetoAnalysisResult>;
  const counts = () =>
    Promise.all(
      ([Analysis, Initiative, InitiativeTask, AuditEvent] as EntityClass<object>[]).map((e) =>
        getOrm().em.fork().count(e, {}),
      ),
    );
  const tasksOf = (ids: string[]) =>
    getOrm()
      .em.fork()
      .find(
        InitiativeTask,
        { initiative: { id: { $in: ids } } },
        { populate: ['initiative'], orderBy: { initiative: { code: 'asc' } } },
      );

  it('analyses a month, proposes initiatives with root-cause tasks and starts their workflows; a second run creates nothing', async () => {
    const first = await analyse(WORLD_PERIOD);
    expect(first).toMatchObject({ period: WORLD_PERIOD, created: true });
    expect(first.proposedIds).toHaveLength(2);
    first.proposedIds.forEach((id) => proposals.add(id));

    const analysis = await getOrm().em.fork().findOneOrFail(Analysis, { id: first.analysisId });
    expect(analysis.runKey).toBe(`pareto:${WORLD_PERIOD}`);
    const tasks = await tasksOf(first.proposedIds);
    expect(tasks.map((t) => t.department.id)).toEqual([
      w.departments.logistics.id,
      w.departments.quality.id,
    ]);
    for (const id of first.proposedIds) {
      const described = await temporal.env.client.workflow
        .getHandle(initiativeWorkflowId(id))
        .describe();
      expect(described.status.name).toBe('RUNNING');
    }

    const before = await counts();
    const again = await analyse(WORLD_PERIOD);
    expect(again).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(before);
  });

  it('reminds the departments of their root-cause tasks and escalates them when overdue', async () => {
    // A company of its own, analysed in its own month (March 2024).
    const other = await buildParetoWorld(getOrm(), `wf-timers-${dialect}`, 2024);
    const run = await analyse('2024-03');
    expect(run.created).toBe(true);
    run.proposedIds.forEach((id) => proposals.add(id));
    const ids = run.proposedIds;
    expect((await tasksOf(ids)).map((t) => t.department.id)).toEqual([
      other.departments.logistics.id,
      other.departments.quality.id,
    ]);
    const [task] = await tasksOf(ids);
    const due = task!.dueAt!.getTime();
    // Default timings: a reminder 48 hours before the due date.
    await temporal.env.sleep(due - (await temporal.env.currentTimeMs()) - 24 * HOUR);
    const reminded = await eventually(
      () => tasksOf(ids),
      (rows) => rows.every((t) => t.remindedAt !== null),
    );
    expect(reminded.map((t) => [t.remindedAt !== null, t.escalationLevel])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    await temporal.env.sleep(2 * DAY);
    const escalated = await eventually(
      () => tasksOf(ids),
      (rows) => rows.every((t) => t.escalationLevel > 0),
    );
    expect(escalated.every((t) => t.escalatedAt !== null && t.escalationLevel > 0)).toBe(true);
    // Each owning department was told: assigned, due soon, overdue.
    const told = await getOrm()
      .em.fork()
      .find(InboxEntry, { task: { id: { $in: escalated.map((t) => t.id) } } });
    for (const t of escalated) {
      const kinds = told
        .filter((e) => e.task?.id === t.id && e.recipientDepartment?.id === t.department.id)
        .map((e) => e.kind)
        .sort();
      expect(kinds).toEqual(['TASK_ASSIGNED', 'TASK_DUE_SOON', 'TASK_OVERDUE']);
    }
  });

  it('runs the schedule after each month ends, analysing the month that ended', async () => {
    expect(await ensureParetoSchedule(temporal.env.client, { taskQueue: h.taskQueue })).toBe(
      'started',
    );
    expect(await ensureParetoSchedule(temporal.env.client, { taskQueue: h.taskQueue })).toBe(
      'running',
    );
    const handle = temporal.env.client.workflow.getHandle(PARETO_SCHEDULE_ID);
    const planned = await eventually(
      () => handle.query(paretoScheduleStateQuery),
      (s) => s.nextRunAt !== null,
    );
    const runAt = Date.parse(planned.nextRunAt!);
    const period = monthBefore(runAt);
    expect(Date.parse(`${period}-01T00:00:00Z`)).toBeLessThan(runAt);
    await temporal.env.sleep(runAt - (await temporal.env.currentTimeMs()) + HOUR);
    const state = await eventually(
      () => handle.query(paretoScheduleStateQuery),
      (s) => s.runs.length === 1,
    );
    expect(state.runs.map((r) => [r.period, r.created])).toEqual([[period, true]]);
    const stored = await getOrm()
      .em.fork()
      .findOneOrFail(Analysis, { runKey: `pareto:${period}` });
    expect(stored.id).toBe(state.runs[0]!.analysisId);
    // The next run is planned for the month after.
    expect(Date.parse(state.nextRunAt!)).toBeGreaterThan(runAt);
  });
});
