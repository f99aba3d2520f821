import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { initORM, migrateUp, type Orm } from '../../server/src/db/orm.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { TemporalInitiativeWorkflows } from '../../server/src/temporal/temporal-initiative-workflows.js';
import { initiativeWorkflowId } from '../../workflows/contracts/initiative.contract.js';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createDevServerEnv } from '../helpers/temporal-env.js';
import { eventually } from '../helpers/workflow-harness.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** `npm run worker` as its own process, against the test's Temporal and database. */
function startWorkerProcess(env: Record<string, string>): {
  proc: ChildProcess;
  output: () => string;
} {
  let log = '';
  const proc = spawn(
    path.join(root, 'node_modules', '.bin', 'node'),
    ['--import', 'tsx', path.join(root, 'workflows', 'worker-main.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  return { proc, output: () => log };
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await createDevServerEnv();
});
afterAll(async () => env?.teardown());

describe('A worker killed in the middle of an initiative', () => {
  let dir: string;
  let orm: Orm;
  let api: TestApi;
  const taskQueue = `crash-${randomUUID()}`;
  const workers: ChildProcess[] = [];
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-crash-'));
    orm = await initORM({ sqlitePath: path.join(dir, 'hub.sqlite') });
    await migrateUp(orm);
    const workflows = new TemporalInitiativeWorkflows(env.client, { taskQueue });
    api = await createTestApi(orm, {
      initiatives: workflows,
      config: loadConfig({ CX_DATA_DIR: dir }),
    });
    workerEnv = {
      CX_DATA_DIR: dir,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: env.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
    };
  });
  afterAll(async () => {
    await Promise.all(workers.map(killed));
    await api?.stop();
    await orm?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await api.execute(query, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  }

  it('loses nothing: the command in flight completes once on the other worker, and the initiative closes', async () => {
    const world = await createInitiativeWorld(orm);
    const owner = await createUser(orm, null, 'Olga Owner');
    // Two workers side by side, as in production: whichever runs the command is killed and the
    // other takes over. Both poll before the command is sent, so the retry never races a new
    // process's start-up (workflow bundling takes many seconds on a busy machine) against the
    // command's 45 s deadline.
    const pair = [startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)];
    workers.push(...pair.map((w) => w.proc));
    for (const w of pair) {
      await eventually(
        async () => w.output(),
        (out) => out.includes('polling task queue'),
        90_000,
      );
    }

    const { createInitiative } = await gql(
      `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
      { input: { title: 'Routes re-planned', problem: 'Late trucks', ownerId: owner.gid } },
    );
    const id = createInitiative.id as string;
    const workflowId = initiativeWorkflowId(fromGlobalId(id, 'Initiative'));
    await gql(`mutation ($id: ID!) { moveInitiative(id: $id, processGroup: IMPLEMENT) { id } }`, {
      id,
    });
    const tasks: string[] = [];
    for (const title of ['Book slots online', 'Buffer stock for fast movers']) {
      const { createInitiativeTask } = await gql(
        `mutation ($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { id } }`,
        { input: { initiativeId: id, title, departmentId: world.logistics.gid } },
      );
      tasks.push(createInitiativeTask.id);
    }

    // Complete a task and kill the worker while the command's activity runs: a write lock held
    // on the database keeps the activity's transaction waiting, so the kill lands mid-activity.
    const locker = await initORM({ sqlitePath: path.join(dir, 'hub.sqlite') });
    const lock = locker.em.getConnection();
    await lock.execute('begin immediate');
    const inFlight = gql(
      `mutation ($id: ID!) { completeTask(id: $id, outcomeNote: "Slots bookable") { status } }`,
      {
        id: tasks[0],
      },
    );
    inFlight.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    const handle = env.client.workflow.getHandle(workflowId);
    const running = await eventually(
      async () => (await handle.describe()).raw.pendingActivities ?? [],
      (pending) =>
        pending.some(
          (a) => a.activityType?.name === 'applyInitiativeCommand' && Number(a.state) === 2,
        ),
      30_000,
    );
    const attempt = running.find((a) => a.activityType?.name === 'applyInitiativeCommand');
    // A worker's identity is `<pid>@<host>`: the one running the command is the one killed.
    const victim = pair.find((w) => attempt?.lastWorkerIdentity?.startsWith(`${w.proc.pid}@`));
    expect(victim, pair.map((w) => w.output()).join('\n')).toBeDefined();
    await killed(victim!.proc);
    await lock.execute('rollback');
    await locker.close();

    // The other worker takes over: the command in flight completes, exactly once.
    expect((await inFlight).completeTask.status).toBe('DONE');
    await gql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: tasks[1] });
    await gql(`mutation ($id: ID!) { moveInitiative(id: $id, processGroup: MONITOR) { id } }`, {
      id,
    });
    const closed = await gql(`mutation ($id: ID!) { closeInitiative(id: $id) { status } }`, { id });
    expect(closed.closeInitiative.status).toBe('CLOSED');
    expect(await handle.result()).toMatchObject({ status: 'CLOSED' });

    const em = orm.em.fork();
    const done = await em.find(InitiativeTask, { initiative: fromGlobalId(id, 'Initiative') });
    expect(done.map((t) => t.status)).toEqual(['DONE', 'DONE']);
    const completions = await em.count(AuditEvent, {
      action: 'completeTask',
      entityId: fromGlobalId(tasks[0]!, 'InitiativeTask'),
    });
    expect(completions).toBe(1);
    const history = await handle.fetchHistory();
    const failedWorkflow = history.events?.some((e) => e.workflowExecutionFailedEventAttributes);
    expect(failedWorkflow).toBe(false);
  }, 180_000);
});
