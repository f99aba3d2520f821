import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  InboxKind,
  InitiativeStatus,
  TaskStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { WorkflowReconciler } from '../../server/src/temporal/workflow-reconciler.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { RecordingCollectStarter, silentLogger } from '../helpers/graphql.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

const finished = (status: InitiativeStatus) =>
  status === InitiativeStatus.CLOSED || status === InitiativeStatus.CANCELLED;

describeEachDatabase('The demo company once the hub runs', (getOrm) => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    // Today's demo (not a pinned date), so that its overdue tasks are overdue for Temporal too.
    await loadDemo(getOrm(), { seed: 1, scale: 0.1 });
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
  });
  afterAll(async () => h?.stop());

  const liveByCode = async () => {
    const res = await h.api.execute<{
      initiatives: { nodes: { code: string; live: { status: string } | null }[] };
    }>('{ initiatives(first: 100) { nodes { code live { status } } } }');
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return new Map(res.data!.initiatives.nodes.map((n) => [n.code, n.live]));
  };

  it('starts the workflow of every open demo initiative on the reconciler’s pass, and none of a closed or cancelled one', async () => {
    const all = await getOrm()
      .em.fork()
      .find(Initiative, {}, { orderBy: { code: 'asc' } });
    const open = all.filter((i) => !finished(i.status));
    expect(open.length).toBeGreaterThan(0);
    expect(all.some((i) => finished(i.status))).toBe(true);
    expect(all.every((i) => i.workflowStartedAt === null)).toBe(true);

    const reconciler = new WorkflowReconciler({
      orm: getOrm(),
      collect: new RecordingCollectStarter(),
      initiatives: h.workflows,
      log: silentLogger,
    });
    // As in the hub, a pass that could not reach Temporal (a start timing out on a busy machine)
    // is retried by the next pass; every open initiative is started exactly once in total.
    let startedInPasses = 0;
    let failed = true;
    for (let pass = 0; pass < 5 && failed; pass++) {
      const result = await reconciler.runOnce();
      startedInPasses += result.started;
      failed = result.failed;
    }
    expect({ started: startedInPasses, failed }).toEqual({ started: open.length, failed: false });

    // A started workflow answers its live state once it has loaded the initiative.
    const live = await eventually(liveByCode, (l) => open.every((i) => l.get(i.code)));
    for (const i of all) {
      expect([i.code, live.get(i.code)?.status ?? null]).toEqual([
        i.code,
        finished(i.status) ? null : i.status,
      ]);
    }
    const started = await getOrm()
      .em.fork()
      .find(Initiative, { workflowStartedAt: { $ne: null } });
    expect(started.map((i) => i.code).sort()).toEqual(open.map((i) => i.code));
  });

  it('escalates the overdue demo tasks to their owners as soon as the workflows run, except while on hold', async () => {
    const em = getOrm().em.fork();
    const overdue = (
      await em.find(
        InitiativeTask,
        {
          status: { $in: [TaskStatus.OPEN, TaskStatus.IN_PROGRESS] },
          dueAt: { $lt: new Date() },
        },
        { populate: ['initiative'] },
      )
    ).filter((t) => !finished(t.initiative.status));
    const held = overdue.filter((t) => t.initiative.status === InitiativeStatus.ON_HOLD);
    const running = overdue.filter((t) => t.initiative.status !== InitiativeStatus.ON_HOLD);
    expect(running.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);

    const escalated = async () =>
      new Set(
        (
          await getOrm()
            .em.fork()
            .find(InboxEntry, {
              kind: InboxKind.TASK_OVERDUE,
              task: { $in: overdue.map((t) => t.id) },
            })
        ).map((e) => e.task!.id),
      );
    const done = await eventually(escalated, (ids) => running.every((t) => ids.has(t.id)));
    expect(running.filter((t) => !done.has(t.id)).map((t) => t.title)).toEqual([]);
    // A workflow on hold keeps no timers: its overdue task waits for the initiative to resume.
    expect(held.filter((t) => done.has(t.id)).map((t) => t.title)).toEqual([]);
    const tasks = await getOrm()
      .em.fork()
      .find(InitiativeTask, { id: { $in: running.map((t) => t.id) } });
    expect(tasks.every((t) => t.escalationLevel >= 1)).toBe(true);
  });
});
