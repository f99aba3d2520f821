/**
 * Scenario 5, workflows at 1,000 open initiatives, on the Temporal CLI dev server (as the hub
 * runs it) and a SQLite database, with one worker process (`createWorker`, as `npm run worker`
 * builds it) pinned beside Temporal on the server core; this process (the API: the real GraphQL
 * schema and services, whose initiative commands are Temporal Updates) runs on the load core.
 *  - worker memory per cached initiative workflow: the worker's RSS with every initiative's
 *    workflow cached and loaded, minus the same process idle, ÷ the number of workflows;
 *  - events per initiative history at closing: a few initiatives driven through many
 *    IMPLEMENT → MONITOR → CORRECT cycles (with a task each) to CLOSED, every run's history
 *    length read back (continue-as-new keeps each run under the history limit);
 *  - time to move every initiative one phase through the API at a bounded concurrency, against
 *    the same number of bare Updates (empty handler, trivial workflow) on the same server, in
 *    alternating rounds after a warm-up.
 * `--quick` uses 100 initiatives and 4 lifecycles.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../../../server/src/config.js';
import { initORM, migrateUp } from '../../../server/src/db/orm.js';
import { fromGlobalId } from '../../../server/src/graphql/relay.js';
import { TemporalInitiativeWorkflows } from '../../../server/src/temporal/temporal-initiative-workflows.js';
import { initiativeWorkflowId } from '../../../workflows/contracts/initiative.contract.js';
import { createInitiativeWorld } from '../../fixtures/initiative-factories.js';
import { createTestApi, type TestApi } from '../../helpers/graphql.js';
import { DOCS } from '../../helpers/initiative-driver.js';
import { describeMachine, LOAD_CORE, pinned, pinSelf, SERVER_CORE } from '../lib/machine.js';
import { writeScenario, type Figure, type Gate } from '../lib/report.js';
import { abRounds, distribution, timed } from '../lib/stats.js';
import { startBenchTemporal } from '../lib/workflows-temporal.js';
import { finishSignal, noopUpdate, trivialWorkflow } from '../lib/workflows-trivial.workflow.js';
import type {
  WorkerHello,
  WorkerMemory,
  WorkerReply,
  WorkerRequest,
} from '../lib/workflows-worker.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    initiatives: { type: 'string' },
    lifecycles: { type: 'string' },
    cycles: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'history-limit': { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
const QUICK = args.quick;
const N = Number(args.initiatives ?? (QUICK ? 100 : 1000));
const LIFECYCLES = Number(args.lifecycles ?? (QUICK ? 4 : 20));
const CYCLES = Number(args.cycles ?? (QUICK ? 6 : 8));
const CONCURRENCY = Number(args.concurrency);
const HISTORY_LIMIT = Number(args['history-limit'] ?? (QUICK ? 150 : 200));
const ROUNDS = Math.max(5, Number(args.rounds));
const TASK_QUEUE = 'bench-hub';
const BASELINE_QUEUE = 'bench-baseline';
const DAY = 86_400_000;

const began = Date.now();
const pinnedLoad = pinSelf(LOAD_CORE);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-bench-wf-'));
const cleanups: (() => Promise<unknown>)[] = [];

/** Runs `f` over `items` with at most `limit` at a time; resolves with the results in order. */
async function pool<T, R>(items: T[], limit: number, f: (x: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!, i);
      }
    }),
  );
  return out;
}

/** The worker child and a request/reply channel to it. */
async function startWorker(temporalAddress: string) {
  const file = path.join(import.meta.dirname, '..', 'lib', 'workflows-worker.ts');
  const [cmd, cmdArgs] = pinned(SERVER_CORE, process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    file,
  ]);
  // fork() runs `execPath args…`; with taskset in front, execPath is taskset.
  const child: ChildProcess = fork(cmdArgs.at(-1)!, [], {
    execPath: cmd,
    execArgv: cmdArgs.slice(0, -1),
    env: {
      ...process.env,
      CX_DATA_DIR: dir,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      BENCH_BASELINE_QUEUE: BASELINE_QUEUE,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const hello = await new Promise<WorkerHello>((resolve, reject) => {
    child.once('message', (m) => resolve(m as WorkerHello));
    child.once('exit', (code) => reject(new Error(`the worker exited (${code})`)));
  });
  let seq = 0;
  const waiting = new Map<number, (r: WorkerReply) => void>();
  child.on('message', (m) => {
    const r = m as WorkerReply;
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  const ask = (kind: WorkerRequest['kind']) =>
    new Promise<WorkerMemory | undefined>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, (r) => (r.ok ? resolve(r.memory) : reject(new Error(r.error))));
      child.send({ id, kind } satisfies WorkerRequest);
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    maxCachedWorkflows: hello.maxCachedWorkflows,
    memory: async () => (await ask('memory'))!,
    baseline: () => ask('baseline'),
    stop: async () => {
      const last = await ask('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      return last!;
    },
  };
}

async function ok(api: TestApi, query: string, variables: Record<string, unknown>) {
  const res = await api.execute(query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  const temporal = await startBenchTemporal(dir);
  cleanups.push(() => temporal.stop());
  console.log(`temporal ${temporal.version} at ${temporal.address}`);

  const orm = await initORM({ sqlitePath: path.join(dir, 'hub.sqlite') });
  cleanups.unshift(() => orm.close(true));
  await migrateUp(orm);
  const world = await createInitiativeWorld(orm);

  const worker = await startWorker(temporal.address);
  let workerStopped = false;
  cleanups.unshift(async () => {
    if (!workerStopped) await worker.stop();
  });
  const connection = await Connection.connect({ address: temporal.address });
  cleanups.unshift(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });
  const timings = loadConfig({}).initiativeTimings;
  const api = await createTestApi(orm, {
    initiatives: new TemporalInitiativeWorkflows(client, { taskQueue: TASK_QUEUE, timings }),
  });
  cleanups.unshift(() => api.stop());
  // The lifecycles run with a lower CX_WORKFLOW_HISTORY_LIMIT, so a few cycles cross it.
  const lifeApi = await createTestApi(orm, {
    initiatives: new TemporalInitiativeWorkflows(client, {
      taskQueue: TASK_QUEUE,
      timings: { ...timings, historyLimit: HISTORY_LIMIT },
    }),
  });
  cleanups.unshift(() => lifeApi.stop());

  const create = async (on: TestApi, i: number) =>
    (
      await ok(on, DOCS.createInitiative, {
        input: {
          title: `Bench initiative ${i}`,
          problem: 'Trucks arrive late',
          ownerId: world.planner.gid,
        },
      })
    ).createInitiative.id as string;

  // ---- worker memory per cached workflow ----
  await sleep(2000);
  const idle = await worker.memory();
  console.log(
    `idle worker: ${idle.rssMb.toFixed(0)} MB RSS, ${idle.heapUsedMb.toFixed(0)} MB heap`,
  );
  const [createMs, ids] = await timed(() =>
    pool(
      Array.from({ length: N }, (_, i) => i),
      CONCURRENCY,
      (i) => create(api, i),
    ),
  );
  console.log(`${N} initiatives created in ${(createMs / 1000).toFixed(1)} s`);
  const cacheDeadline = Date.now() + 120_000;
  while ((await worker.memory()).cached < N && Date.now() < cacheDeadline) await sleep(500);
  // Each workflow has loaded its initiative (its live state answers), which takes a task each.
  const workflows = api.deps.initiatives;
  const loaded = (
    await pool(ids, CONCURRENCY, (id) => workflows.live(fromGlobalId(id, 'Initiative')))
  ).filter((s) => s !== null).length;
  await sleep(2000);
  const full = await worker.memory();
  const perWorkflowRss = (full.rssMb - idle.rssMb) / N;
  const perWorkflowHeap = (full.heapUsedMb - idle.heapUsedMb) / N;
  console.log(
    `${full.cached} cached: ${full.rssMb.toFixed(0)} MB RSS → ${(perWorkflowRss * 1024).toFixed(0)} KB per workflow`,
  );

  // ---- events per initiative history at closing ----
  const [lifeMs, lives] = await timed(() =>
    pool(
      Array.from({ length: LIFECYCLES }, (_, i) => i),
      LIFECYCLES,
      async (i) => {
        const id = await create(lifeApi, N + i);
        const move = (to: string, brief?: string) =>
          ok(lifeApi, DOCS.moveInitiative, { id, to, ...(brief ? { brief } : {}) });
        for (let c = 0; c < CYCLES; c++) {
          await move('IMPLEMENT', c === 0 ? undefined : `Revision ${c + 1}`);
          const task = await ok(lifeApi, DOCS.createInitiativeTask, {
            input: {
              initiativeId: id,
              title: `Step ${c + 1}`,
              departmentId: world.logistics.gid,
              dueAt: new Date(Date.now() + 10 * DAY).toISOString(),
            },
          });
          await ok(lifeApi, DOCS.completeTask, { id: task.createInitiativeTask.id, note: 'Done' });
          await move('MONITOR');
          await move('CORRECT');
        }
        await ok(lifeApi, DOCS.closeInitiative, { id, note: 'Solved' });
        const workflowId = initiativeWorkflowId(fromGlobalId(id, 'Initiative'));
        const handle = client.workflow.getHandle(workflowId);
        await handle.result();
        const runs: { runId: string; events: number; status: string }[] = [];
        for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
          const d = await client.workflow.getHandle(workflowId, run.runId).describe();
          runs.push({ runId: run.runId, events: d.historyLength, status: d.status.name });
        }
        return runs;
      },
    ),
  );
  const allRuns = lives.flat();
  const largest = Math.max(...allRuns.map((r) => r.events));
  const closingRuns = lives.map((runs) => runs.length);
  const commandsPerLife = CYCLES * 5 + 1;
  console.log(
    `${LIFECYCLES} lifecycles (${commandsPerLife} commands each) in ${(lifeMs / 1000).toFixed(1)} s: runs ${closingRuns.join(',')}, largest history ${largest} events (limit ${HISTORY_LIMIT})`,
  );

  // ---- time to move every initiative one phase, against bare Updates ----
  await worker.baseline();
  const trivialIds = Array.from({ length: N }, (_, i) => `bench-trivial-${i}`);
  await pool(trivialIds, CONCURRENCY, (workflowId) =>
    client.workflow.start(trivialWorkflow, { workflowId, taskQueue: BASELINE_QUEUE }),
  );
  const phases = ['IMPLEMENT', 'MONITOR', 'CORRECT'];
  let phase = 0;
  let moveErrors = 0;
  let bareErrors = 0;
  const moveLatencies: number[] = [];
  const bareLatencies: number[] = [];
  let measuring = false;
  const moveRound = async () => {
    const to = phases[phase % phases.length]!;
    const brief = phase >= phases.length && to === 'IMPLEMENT' ? `Round ${phase}` : undefined;
    phase += 1;
    const [ms, lat] = await timed(() =>
      pool(ids, CONCURRENCY, async (id) => {
        const [t, res] = await timed(() =>
          api.execute(DOCS.moveInitiative, { id, to, ...(brief ? { brief } : {}) }),
        );
        if (res.errors?.length || res.data?.moveInitiative?.processGroup !== to) {
          moveErrors += 1;
          if (moveErrors <= 3) console.error(JSON.stringify(res.errors ?? res.data));
        }
        return t;
      }),
    );
    if (measuring) moveLatencies.push(...lat);
    console.log(`  move ${N} → ${to}: ${(ms / 1000).toFixed(2)} s`);
    return ms / 1000;
  };
  let bareRound = 0;
  const bare = async () => {
    bareRound += 1;
    const [ms, lat] = await timed(() =>
      pool(trivialIds, CONCURRENCY, async (workflowId) => {
        const [t] = await timed(() =>
          client.workflow
            .getHandle(workflowId)
            .executeUpdate(noopUpdate, { args: [`round ${bareRound}`] })
            .catch(() => {
              bareErrors += 1;
            }),
        );
        return t;
      }),
    );
    if (measuring) bareLatencies.push(...lat);
    console.log(`  bare ${N} Updates: ${(ms / 1000).toFixed(2)} s`);
    return ms / 1000;
  };
  // Warm-up: one round of each (ANALYSE → IMPLEMENT), then the measured rounds.
  await moveRound();
  await bare();
  measuring = true;
  const ab = await abRounds(moveRound, bare, { rounds: ROUNDS, warmup: 0 });
  const end = await worker.stop();
  workerStopped = true;
  await pool(trivialIds, CONCURRENCY, (id) =>
    client.workflow
      .getHandle(id)
      .signal(finishSignal)
      .catch(() => undefined),
  );

  const moves = distribution(moveLatencies);
  const bares = distribution(bareLatencies);
  const movedTotal = ROUNDS * N;
  const figures: Figure[] = [
    {
      name: `worker RSS per cached initiative workflow (${N} cached − idle, ÷ ${N})`,
      value: perWorkflowRss,
      unit: 'MB',
      baseline: { name: 'idle worker RSS (same process, before)', value: idle.rssMb },
      target: { text: '≤ 4 MB per cached workflow', met: perWorkflowRss <= 4 },
    },
    {
      name: `worker main-thread heap per cached workflow (after GC)`,
      value: perWorkflowHeap,
      unit: 'MB',
      baseline: { name: 'idle worker heap', value: idle.heapUsedMb },
    },
    {
      name: `largest history of any initiative run (${LIFECYCLES} lifecycles, ${commandsPerLife} commands each)`,
      value: largest,
      unit: 'events',
      baseline: { name: 'history limit (CX_WORKFLOW_HISTORY_LIMIT)', value: HISTORY_LIMIT },
    },
    {
      name: `move ${N} initiatives one phase (concurrency ${CONCURRENCY})`,
      value: ab.aMedian,
      unit: 's',
      baseline: { name: `${N} bare Updates, empty handler, trivial workflow`, value: ab.bMedian },
      ratio: ab.ratio,
    },
    {
      name: 'one move (API → Update → activity → answer)',
      value: moves.p50,
      p99: moves.p99,
      unit: 'ms',
      baseline: { name: 'one bare Update', value: bares.p50, p99: bares.p99 },
      ratio: {
        median: moves.p50 / bares.p50,
        min: moves.p50 / bares.p50,
        max: moves.p50 / bares.p50,
        rounds: ROUNDS,
      },
    },
  ];
  const gates: Gate[] = [
    {
      name: `initiative workflows loaded (live state answers)`,
      expected: String(N),
      actual: String(loaded),
      passed: loaded === N,
    },
    {
      name: `initiative workflows cached in the worker with all loaded (maxCachedWorkflows ${full.maxCachedWorkflows})`,
      expected: String(N),
      actual: String(full.cached),
      passed: full.cached >= N,
    },
    {
      name: `largest history of any run ≤ the history limit`,
      expected: `≤ ${HISTORY_LIMIT}`,
      actual: String(largest),
      passed: largest <= HISTORY_LIMIT,
    },
    {
      name: `lifecycles closed with continue-as-new (more than one run each)`,
      expected: String(LIFECYCLES),
      actual: String(closingRuns.filter((r) => r > 1).length),
      passed: closingRuns.every((r) => r > 1),
    },
    {
      name: 'moves answered with the new phase',
      expected: String(movedTotal + N),
      actual: String(movedTotal + N - moveErrors),
      passed: moveErrors === 0,
    },
    {
      name: 'bare Updates answered',
      expected: String((ROUNDS + 1) * N),
      actual: String((ROUNDS + 1) * N - bareErrors),
      passed: bareErrors === 0,
    },
  ];
  const stillCached = `${end.cached} of ${N + LIFECYCLES} initiative workflows were still cached after the moves (maxCachedWorkflows ${end.maxCachedWorkflows}; the closed lifecycles leave the cache)`;
  writeScenario(args.out, {
    key: 'workflows',
    title: '5. Workflows at 1,000 open initiatives',
    setup: `${N.toLocaleString('en-US')} open initiatives, each with its initiativeLifecycle workflow, on the Temporal CLI dev server (${temporal.version}) and SQLite; one worker process (createWorker, defaults, maxCachedWorkflows ${full.maxCachedWorkflows}) and Temporal pinned to core ${SERVER_CORE}, the API (GraphQL schema and services in this process) on core ${LOAD_CORE}${pinnedLoad ? '' : ' (not pinned)'}. ${LIFECYCLES} initiatives driven through ${CYCLES} IMPLEMENT (one task created and completed) → MONITOR → CORRECT cycles to CLOSED with CX_WORKFLOW_HISTORY_LIMIT=${HISTORY_LIMIT} (default 2,000). Moves: all ${N} one phase per round (IMPLEMENT → MONITOR → CORRECT → IMPLEMENT …) via the moveInitiative mutation at concurrency ${CONCURRENCY}, against ${N} bare Updates at the same concurrency; 1 warm-up and ${ROUNDS} alternating rounds. ${describeMachine({ temporal: temporal.version })}.`,
    figures,
    gates,
    notes: [
      `Worker RSS idle ${idle.rssMb.toFixed(0)} MB, with ${full.cached} workflows cached ${full.rssMb.toFixed(0)} MB: ${(perWorkflowRss * 1024).toFixed(0)} KB each. Workflows run in one reused V8 context in a worker thread, so the main-thread heap (${perWorkflowHeap >= 0 ? '+' : ''}${(perWorkflowHeap * 1024).toFixed(0)} KB each) misses most of their state; RSS counts it.`,
      stillCached + '.',
      `Histories at closing: ${allRuns.length} runs over ${LIFECYCLES} initiatives (runs per initiative ${Math.min(...closingRuns)}–${Math.max(...closingRuns)}), largest ${largest} events vs the limit ${HISTORY_LIMIT}; each command costs about ${(allRuns.reduce((a, r) => a + r.events, 0) / (LIFECYCLES * commandsPerLife)).toFixed(0)} events.`,
      `Moves: p50 ${moves.p50.toFixed(0)} ms, p99 ${moves.p99.toFixed(0)} ms per move; bare Updates p50 ${bares.p50.toFixed(0)} ms, p99 ${bares.p99.toFixed(0)} ms. A move is an Update whose handler runs an activity that writes the read model in a transaction, then the API re-reads the initiative: two more workflow tasks, an activity task and SQL on both sides of the Update.`,
      `${N} initiatives created (workflow started, initiative loaded) in ${(createMs / 1000).toFixed(1)} s; ${LIFECYCLES} lifecycles in ${(lifeMs / 1000).toFixed(1)} s.`,
    ],
    seconds: (Date.now() - began) / 1000,
  });
} finally {
  for (const c of cleanups) await c().catch((e: unknown) => console.error('cleanup:', e));
  fs.rmSync(dir, { recursive: true, force: true });
}
