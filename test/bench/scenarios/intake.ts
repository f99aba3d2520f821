/**
 * Scenario 2, feedback intake: `submitFeedback` at rising sustained open-loop rates on the
 * embedded defaults (the hub as `npm start` runs it: SQLite, embedded Temporal dev server,
 * worker in the API process, demo data), against the limit: a bare workflow with one empty
 * activity, started and completed on the same Temporal server by a bare worker on its own task
 * queue. Latency is read after each window, not polled during it: accept → ACKNOWLEDGED is
 * `acknowledged_at − created_at` of each item in the hub's SQLite file, and the bare
 * workflow's start → complete is its `closeTime − startTime`. Also: Temporal RPCs per accepted
 * request (gate: one), where the time goes (workflow histories, CPU per process) and peak RSS
 * of the hub, the Temporal server and the bare worker per round.
 *
 * `npm run bench -- --only intake [--quick]`
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { collectWorkflowId } from '../../../workflows/contracts/collect.contract.js';
import {
  INTAKE_ADMIN,
  isWorkerOperation,
  startIntakeHub,
  temporalRequests,
  type IntakeHub,
} from '../lib/intake-hub.js';
import { openLoop, pool } from '../lib/intake-load.js';
import { ProcWatch } from '../lib/intake-proc.js';
import { LOAD_CORE, pinned, pinSelf, placeProcess, SERVER_CORE } from '../lib/machine.js';
import { writeScenario, type Figure, type Gate } from '../lib/report.js';
import { abRounds, distribution, median, percentile, type Distribution } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    rates: { type: 'string' },
    window: { type: 'string' },
  },
});
const QUICK = args.quick;
const RATES = (args.rates ?? '10,20,27,35,50,80,120').split(',').map(Number);
/** Seconds each ladder step offers its rate for. */
const WINDOW = Number(args.window ?? (QUICK ? 3 : 10));
/** Seconds of each 20 items/s round (A/B, after a warm-up). */
const ROUND_WINDOW = QUICK ? 2 : 5;
const ROUNDS = 5;
/** Longest wait after a window for the last acknowledgement / completion. */
const DRAIN_MS = QUICK ? 8_000 : 15_000;
const GATE_REQUESTS = QUICK ? 20 : 50;
const BARE_QUEUE = `bench-bare-${process.pid}`;
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const started = performance.now();
const pinnedLoad = pinSelf(LOAD_CORE);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Step {
  side: 'hub' | 'bare';
  rate: number;
  seconds: number;
  offered: number;
  accepted: number;
  acceptedPerSecond: number;
  /** Accepted but not acknowledged / completed when the drain gave up. */
  unfinished: number;
  /** accept → ACKNOWLEDGED (hub) or start → complete (bare), ms. */
  lat: Distribution;
  /** p50 of the first and last quarter of the window: a growing backlog shows as last ≫ first. */
  firstQuarterP50: number;
  lastQuarterP50: number;
  /** Answer time of the request (submitFeedback / StartWorkflowExecution), ms. */
  answer: Distribution;
  sustained: boolean;
  ids: string[];
  peakMb: Record<string, number>;
  cpu: Record<string, number>;
}

/** Keeps up: nearly every request accepted, all finished, p99 bounded, no growing backlog. */
function keepsUp(s: Omit<Step, 'sustained'>): boolean {
  return (
    s.accepted >= 0.98 * s.offered &&
    s.acceptedPerSecond >= 0.9 * s.rate &&
    s.unfinished === 0 &&
    s.lat.p99 <= 2000 &&
    s.lastQuarterP50 <= 2 * s.firstQuarterP50 + 250
  );
}

function quarters(lat: number[]): [number, number] {
  const q = Math.max(1, Math.floor(lat.length / 4));
  return [median(lat.slice(0, q)), median(lat.slice(-q))];
}

/** A SQLite datetime as MikroORM stores it (epoch ms, or ISO text), in epoch ms. */
function epochMs(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const s = String(v);
  if (/^\d+$/.test(s)) return Number(s);
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

function tsMs(t: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!t) return NaN;
  const s = t.seconds as { toNumber?: () => number } | number | string | undefined;
  const secs = typeof s === 'object' && s?.toNumber ? s.toNumber() : Number(s ?? 0);
  return secs * 1000 + (t.nanos ?? 0) / 1e6;
}

type Sqlite = {
  prepare(sql: string): { all(...p: unknown[]): Record<string, unknown>[] };
  close(): void;
};

async function main() {
  const hub: IntakeHub = await startIntakeHub();
  const stops: (() => Promise<void>)[] = [() => hub.stop()];
  try {
    await run(hub, stops);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

async function run(hub: IntakeHub, stops: (() => Promise<void>)[]) {
  // The bare worker: on the server core, like the hub's worker.
  const node = path.join(root, 'node_modules', '.bin', 'node');
  const [cmd, cmdArgs] = pinned(SERVER_CORE, node, [
    '--import',
    'tsx',
    path.join(root, 'test', 'bench', 'lib', 'intake-bare-worker.ts'),
    hub.temporalAddress,
    BARE_QUEUE,
  ]);
  const bare = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let bareLog = '';
  const bareExited = new Promise<void>((resolve) => bare.once('exit', () => resolve()));
  stops.push(async () => {
    if (bare.exitCode === null && bare.signalCode === null) bare.kill('SIGTERM');
    const timer = setTimeout(() => bare.kill('SIGKILL'), 10_000);
    await bareExited;
    clearTimeout(timer);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare worker not ready:\n${bareLog}`)), 90_000);
    const onData = (chunk: Buffer) => {
      bareLog = (bareLog + chunk.toString()).slice(-5000);
      if (bareLog.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    bare.stdout.on('data', onData);
    bare.stderr.on('data', onData);
    void bareExited.then(() => reject(new Error(`bare worker exited:\n${bareLog}`)));
  });

  // An API token for the load (no session, no CSRF) and an account of the demo company.
  const gql = async (query: string, variables: object, headers: Record<string, string>) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (!body.data) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
    return { data: body.data, res };
  };
  const signIn = await gql(
    'mutation ($input: SignInInput!) { signIn(input: $input) { csrfToken } }',
    { input: INTAKE_ADMIN },
    {},
  );
  const session = {
    cookie: signIn.res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': signIn.data.signIn.csrfToken as string,
  };
  const token = (
    await gql(
      'mutation { createApiToken(input: { name: "bench intake", scopes: [FEEDBACK_WRITE, READ] }) { secret } }',
      {},
      session,
    )
  ).data.createApiToken.secret as string;
  const auth = { authorization: `Bearer ${token}` };
  const accountIds = (
    (await gql('{ clientAccounts(first: 20) { nodes { id } } }', {}, auth)).data.clientAccounts
      .nodes as { id: string }[]
  ).map((a) => a.id);

  const submitBody = (i: number) =>
    JSON.stringify({
      query:
        'mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id } } }',
      variables: {
        input: {
          accountId: accountIds[i % accountIds.length],
          channel: 'FEEDBACK_BUTTON',
          npsScore: 10,
          language: 'en',
          text: `Great service, thank you (bench ${i}).`,
        },
      },
    });
  const submit = async (i: number): Promise<string> => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: submitBody(i),
    });
    const body = (await res.json()) as {
      data?: { submitFeedback?: { feedbackItem: { id: string } } };
      errors?: unknown;
    };
    const id = body.data?.submitFeedback?.feedbackItem.id;
    if (!id) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
    // The row's id (the API answers a global id).
    const decoded = Buffer.from(id, 'base64url').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  };

  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as new (
    file: string,
    opts: { readonly: boolean },
  ) => Sqlite;
  const db = new Database(hub.sqlitePath, { readonly: true });
  stops.push(async () => db.close());
  const connection = await Connection.connect({ address: hub.temporalAddress });
  stops.push(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });

  const watches = [
    new ProcWatch('hub (API + worker)', hub.pid),
    new ProcWatch('Temporal dev server', hub.temporalPid),
    new ProcWatch('bare worker', bare.pid!),
  ];
  const measureProcs = async <T>(f: () => Promise<T>) => {
    for (const w of watches) w.begin();
    const out = await f();
    const peakMb: Record<string, number> = {};
    const cpu: Record<string, number> = {};
    for (const w of watches) {
      const r = w.end();
      peakMb[w.name] = r.peakMb;
      cpu[w.name] = r.cpuShare;
    }
    return { out, peakMb, cpu };
  };

  /** Acknowledgement times of the items, waiting up to the drain time for the last ones. */
  const acknowledged = async (ids: string[]) => {
    const marks = ids.map(() => '?').join(',');
    const q = db.prepare(
      `select id, created_at as c, acknowledged_at as a from feedback_item where id in (${marks})`,
    );
    const deadline = Date.now() + DRAIN_MS;
    let rows = q.all(...ids);
    while (rows.some((r) => r.a == null) && Date.now() < deadline) {
      await sleep(200);
      rows = q.all(...ids);
    }
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    // In the order sent, for the quarters.
    return ids.map((id) => {
      const r = byId.get(id);
      return r?.a == null ? undefined : epochMs(r.a) - epochMs(r.c);
    });
  };

  const completed = async (ids: string[]) => {
    const deadline = Date.now() + DRAIN_MS;
    const lat = new Map<string, number>();
    for (;;) {
      const left = ids.filter((id) => !lat.has(id));
      await pool(left, 16, async (id) => {
        const d = await client.workflow.getHandle(id).describe();
        if (d.closeTime) lat.set(id, d.closeTime.getTime() - d.startTime.getTime());
      });
      if (lat.size === ids.length || Date.now() > deadline) break;
      await sleep(300);
    }
    return ids.map((id) => lat.get(id));
  };

  let stepNo = 0;
  const step = async (side: 'hub' | 'bare', rate: number, seconds: number): Promise<Step> => {
    const label = `s${stepNo++}`;
    const { out, peakMb, cpu } = await measureProcs(async () => {
      if (side === 'hub') {
        const load = await openLoop(rate, seconds, submit);
        const ids = load.sent.map((s) => s.value).filter((v): v is string => !!v);
        return { load, ids, lat: await acknowledged(ids) };
      }
      const load = await openLoop(rate, seconds, async (i) => {
        const workflowId = `bench-bare-${label}-${i}`;
        await client.workflow.start('bareWorkflow', {
          taskQueue: BARE_QUEUE,
          workflowId,
          args: [],
        });
        return workflowId;
      });
      const ids = load.sent.map((s) => s.value).filter((v): v is string => !!v);
      return { load, ids, lat: await completed(ids) };
    });
    const done = out.lat.filter((x): x is number => x !== undefined);
    const [firstQuarterP50, lastQuarterP50] = quarters(done);
    const s = {
      side,
      rate,
      seconds,
      offered: out.load.offered,
      accepted: out.load.accepted,
      acceptedPerSecond: out.load.acceptedPerSecond,
      unfinished: out.lat.length - done.length,
      lat: distribution(done),
      firstQuarterP50,
      lastQuarterP50,
      answer: distribution(
        out.load.sent.map((x) => x.ms).filter((x): x is number => x !== undefined),
      ),
      ids: out.ids,
      peakMb,
      cpu,
    };
    const result = { ...s, sustained: keepsUp(s) };
    console.log(
      `${side} ${rate}/s × ${seconds}s: accepted ${s.accepted}/${s.offered} (${s.acceptedPerSecond.toFixed(1)}/s), ` +
        `latency p50 ${s.lat.p50.toFixed(0)} p99 ${s.lat.p99.toFixed(0)} ms (quarters ${firstQuarterP50.toFixed(0)}→${lastQuarterP50.toFixed(0)}), ` +
        `unfinished ${s.unfinished}, answer p50 ${s.answer.p50.toFixed(1)} ms, ` +
        `cpu ${Object.entries(cpu)
          .map(([k, v]) => `${k.split(' ')[0]} ${(v * 100).toFixed(0)}%`)
          .join(' ')} → ${result.sustained ? 'keeps up' : 'falls behind'}`,
    );
    return result;
  };

  // A short warm-up (connections, JIT, the bare worker's first workflow), then a pause longer
  // than the reconciler's interval so nothing of it is left in flight.
  await step('hub', 5, 2);
  await step('bare', 5, 2);
  await sleep(6000);

  // Cost per item, measured at a low rate (10/s) where nothing queues, so it holds on a busy
  // machine too: Temporal frontend RPCs and CPU milliseconds of each process per item, from
  // the start of the load until every workflow has completed. The gate comes from the same
  // counters: the client calls (not worker polls/completions) made while the items were
  // submitted and acknowledged.
  const waitClosed = async (workflowIds: string[]) => {
    const deadline = Date.now() + DRAIN_MS * 2;
    let left = workflowIds;
    while (left.length && Date.now() < deadline) {
      const open = await pool(left, 8, async (id) =>
        (await client.workflow.getHandle(id).describe()).closeTime ? undefined : id,
      );
      left = open.filter((x): x is string => x !== undefined);
      if (left.length) await sleep(300);
    }
    return workflowIds.length - left.length;
  };
  const delta = (a: Map<string, number>, b: Map<string, number>) => {
    const d = new Map<string, number>();
    for (const [op, n] of b) if (n - (a.get(op) ?? 0) > 0) d.set(op, n - (a.get(op) ?? 0));
    return d;
  };
  /** RPCs the item's own work made: everything but this scenario's own describe calls. */
  const workRpcs = (d: Map<string, number>) =>
    [...d].filter(([op]) => op !== 'DescribeWorkflowExecution').reduce((a, [, n]) => a + n, 0);
  const cost = async (side: 'hub' | 'bare') => {
    await sleep(2500);
    const before = await temporalRequests(hub.metricsUrl);
    for (const w of watches) w.begin();
    const t0 = performance.now();
    const load = await openLoop(10, GATE_REQUESTS / 10, (i) =>
      side === 'hub'
        ? submit(i)
        : client.workflow
            .start('bareWorkflow', {
              taskQueue: BARE_QUEUE,
              workflowId: `bench-bare-cost-${i}`,
              args: [],
            })
            .then(() => `bench-bare-cost-${i}`),
    );
    const ids = load.sent.map((s) => s.value).filter((v): v is string => !!v);
    let acceptedOps: Map<string, number> | undefined;
    if (side === 'hub') {
      await acknowledged(ids);
      // The server publishes its counters about once a second: let the last ones in.
      await sleep(2500);
      acceptedOps = delta(before, await temporalRequests(hub.metricsUrl));
    }
    const closed = await waitClosed(side === 'hub' ? ids.map(collectWorkflowId) : ids);
    const seconds = (performance.now() - t0) / 1000;
    const cpuMs: Record<string, number> = {};
    // Less what each process spends idle (timers, polls, the hub's background work).
    for (const w of watches) {
      const used = w.end().cpuSeconds - (idleShare[w.name] ?? 0) * seconds;
      cpuMs[w.name] = (Math.max(0, used) * 1000) / ids.length;
    }
    const all = delta(before, await temporalRequests(hub.metricsUrl));
    return { ids, closed, seconds, cpuMs, rpcs: workRpcs(all) / ids.length, all, acceptedOps };
  };
  // Idle CPU of each process, over 3 s without load.
  await sleep(1000);
  const idleShare: Record<string, number> = {};
  for (const w of watches) w.begin();
  await sleep(3000);
  for (const w of watches) idleShare[w.name] = w.end().cpuShare;
  console.log('idle cpu share', JSON.stringify(idleShare));
  const RECONCILED = 'will be started by the reconciler';
  const deferredBefore = hub.count(RECONCILED);
  const hubCost = await cost('hub');
  const deferred = hub.count(RECONCILED) - deferredBefore;
  const bareCost = await cost('bare');
  console.log(
    'cost hub',
    JSON.stringify({
      ...hubCost,
      ids: hubCost.ids.length,
      all: [...hubCost.all],
      acceptedOps: [...hubCost.acceptedOps!],
    }),
  );
  console.log(
    'cost bare',
    JSON.stringify({ ...bareCost, ids: bareCost.ids.length, all: [...bareCost.all] }),
  );
  const clientOps = new Map([...hubCost.acceptedOps!].filter(([op]) => !isWorkerOperation(op)));
  const gateIds = hubCost.ids;
  const clientRpcs = [...clientOps.values()].reduce((a, b) => a + b, 0);
  const starts = clientOps.get('StartWorkflowExecution') ?? 0;
  const gates: Gate[] = [
    {
      name: 'Temporal RPCs per accepted submitFeedback (frontend client calls while submitting and acknowledging; worker polls/completions excluded)',
      expected: '1',
      actual: `${(clientRpcs / gateIds.length).toFixed(2)} (${[...clientOps].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'} for ${gateIds.length} accepted)`,
      passed: gateIds.length === GATE_REQUESTS && clientRpcs === gateIds.length,
    },
    {
      name: 'StartWorkflowExecution per accepted submitFeedback',
      expected: '1',
      actual: `${starts} for ${gateIds.length}${deferred ? ` (${deferred} start calls timed out and were left to the reconciler, which starts them again: an overloaded machine)` : ''}`,
      passed: starts === gateIds.length,
    },
  ];
  const coreMs = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

  /**
   * The ladder (each rate for the hub and for the bare workflow, alternating which goes first;
   * a side stops at its first rate it does not keep up with, as its backlog would spill over),
   * then the A/B rounds at 20 items/s, with the processes where they are now.
   */
  const ladderAndRounds = async () => {
    // Warm-up at the ladder's first rate.
    await step('hub', 10, QUICK ? 2 : 4);
    await step('bare', 10, QUICK ? 2 : 4);
    const ladder: { rate: number; hub?: Step; bare?: Step }[] = [];
    let hubGoing = true;
    let bareGoing = true;
    for (const [k, rate] of RATES.entries()) {
      if (!hubGoing && !bareGoing) break;
      const row: { rate: number; hub?: Step; bare?: Step } = { rate };
      const sides: ('hub' | 'bare')[] = k % 2 === 0 ? ['hub', 'bare'] : ['bare', 'hub'];
      for (const side of sides) {
        if (side === 'hub' && hubGoing) {
          row.hub = await step('hub', rate, WINDOW);
          hubGoing = row.hub.sustained;
        } else if (side === 'bare' && bareGoing) {
          row.bare = await step('bare', rate, WINDOW);
          bareGoing = row.bare.sustained;
        }
        await sleep(500);
      }
      ladder.push(row);
    }
    const highest = (side: 'hub' | 'bare') =>
      Math.max(0, ...ladder.filter((r) => r[side]?.sustained).map((r) => r.rate));
    // Acknowledgement at 20 items/s, A/B rounds against the bare workflow at the same rate.
    const inOrder: Step[] = [];
    const rounds = await abRounds(
      () => step('hub', 20, ROUND_WINDOW).then((s) => (inOrder.push(s), s)),
      () => step('bare', 20, ROUND_WINDOW).then((s) => (inOrder.push(s), s)),
      { rounds: ROUNDS, warmup: 1, figure: (s) => s.lat.p99 },
    );
    return {
      ladder,
      hubRate: highest('hub'),
      bareRate: highest('bare'),
      bareCapped: ladder.at(-1)?.bare?.sustained === true,
      rounds,
      inOrder,
      p99At20: median(rounds.a.map((s) => s.lat.p99)),
    };
  };

  // First as the issue asks, the servers on one core and the load on the other; then as
  // `npm start` runs on this machine, every process free to use every core (the load
  // generator, at these rates, takes a few per cent of one).
  console.log(`placement: servers on core ${SERVER_CORE}, load on core ${LOAD_CORE}`);
  const onOne = await ladderAndRounds();
  const { ladder, rounds, inOrder } = onOne;
  const allCores = os
    .cpus()
    .map((_, i) => i)
    .join(',');
  const movedAll =
    pinnedLoad &&
    [hub.pid, hub.temporalPid, bare.pid!, process.pid].every((pid) => placeProcess(pid, allCores));
  let onAll: typeof onOne | undefined;
  if (movedAll) {
    console.log(`placement: every process on cores ${allCores}`);
    await sleep(3000);
    onAll = await ladderAndRounds();
  }

  // Where the time goes at the highest rate the hub was run at: a sample of its workflow
  // histories. The bare workflow schedules an activity (start → scheduled, schedule → start,
  // run); the collect workflow runs its intake as a local activity inside its first workflow
  // task (start → task started, task started → completed, the step included).
  const top = [...ladder].reverse().find((r) => r.hub)!;
  const sampleSpans = async (workflowIds: string[]) => {
    const spans = {
      toFirstTask: [] as number[],
      scheduleToStart: [] as number[],
      run: [] as number[],
    };
    let local = false;
    const every = Math.max(1, Math.floor(workflowIds.length / 30));
    const picked = workflowIds.filter((_, i) => i % every === 0).slice(0, 30);
    await pool(picked, 4, async (id) => {
      const history = await client.workflow.getHandle(id).fetchHistory();
      const events = history.events ?? [];
      const at = (pred: (e: (typeof events)[number]) => unknown) =>
        tsMs(events.find((e) => pred(e))?.eventTime);
      const t0 = at((e) => e.workflowExecutionStartedEventAttributes);
      const taskStarted = at((e) => e.workflowTaskStartedEventAttributes);
      spans.toFirstTask.push(taskStarted - t0);
      if (events.some((e) => e.activityTaskScheduledEventAttributes)) {
        const sched = at((e) => e.activityTaskScheduledEventAttributes);
        const start = at((e) => e.activityTaskStartedEventAttributes);
        const done = at((e) => e.activityTaskCompletedEventAttributes);
        spans.scheduleToStart.push(start - sched);
        spans.run.push(done - start);
      } else {
        local = true;
        spans.run.push(at((e) => e.workflowTaskCompletedEventAttributes) - taskStarted);
      }
    });
    return {
      local,
      toFirstTask: median(spans.toFirstTask),
      scheduleToStart: median(spans.scheduleToStart),
      scheduleToStartP99: percentile(spans.scheduleToStart, 99),
      run: median(spans.run),
      runP99: percentile(spans.run, 99),
    };
  };
  const hubSpans = top.hub ? await sampleSpans(top.hub.ids.map(collectWorkflowId)) : undefined;
  const topBare = [...ladder].reverse().find((r) => r.bare)!;
  const bareSpans = topBare.bare ? await sampleSpans(topBare.bare.ids) : undefined;
  // Accept → workflow started in the hub's own rows: the start RPC after the commit.
  const startLag = (() => {
    if (!top.hub) return NaN;
    const ids = top.hub.ids.slice(0, 500);
    const rows = db
      .prepare(
        `select created_at as c, workflow_started_at as w from feedback_item where id in (${ids.map(() => '?').join(',')}) and workflow_started_at is not null`,
      )
      .all(...ids);
    return median(rows.map((r) => epochMs(r.w) - epochMs(r.c)));
  })();

  const ONE = `servers on core ${SERVER_CORE}, load on core ${LOAD_CORE}`;
  const ALL = 'every process on every core, as `npm start` runs';
  /** The hub's highest sustained rate ÷ the bare workflow's, on one placement. */
  const rateRatio = (p: typeof onOne) => (p.bareRate > 0 ? p.hubRate / p.bareRate : NaN);
  const headline = (part: typeof onOne, where: string): Figure[] => {
    const rate = rateRatio(part);
    return [
      {
        name: `highest sustained intake rate (submitFeedback → ACKNOWLEDGED keeps up), ${where}`,
        value: part.hubRate,
        unit: 'items/s',
        baseline: {
          name: `bare workflow + empty activity, same Temporal server${part.bareCapped ? ' (kept up at the top of the ladder: a lower bound)' : ''}`,
          value: part.bareRate,
        },
        ratio: { median: rate, min: rate, max: rate, rounds: 1 },
        target: { text: '≥ 0.8 of the bare-workflow limit', met: rate >= 0.8 },
      },
      {
        name: `accept → ACKNOWLEDGED at 20 items/s, ${where} (median of round p50s; p99 = median of round p99s)`,
        value: median(part.rounds.a.map((s) => s.lat.p50)),
        p99: part.p99At20,
        unit: 'ms',
        baseline: {
          name: 'bare workflow start → complete at 20/s',
          value: median(part.rounds.b.map((s) => s.lat.p50)),
          p99: median(part.rounds.b.map((s) => s.lat.p99)),
        },
        ratio: part.rounds.ratio,
        target: { text: 'p99 < 1 s', met: part.p99At20 < 1000 },
      },
    ];
  };
  const figures: Figure[] = [...headline(onOne, ONE), ...(onAll ? headline(onAll, ALL) : [])];
  const hubCoreMs = coreMs(hubCost.cpuMs);
  const bareCoreMs = coreMs(bareCost.cpuMs);
  figures.push(
    {
      name: 'CPU per item on the server core, all processes (hub, Temporal, bare worker), at 10/s until every workflow completed, idle CPU subtracted',
      value: hubCoreMs,
      unit: 'ms',
      baseline: { name: 'bare workflow + empty activity', value: bareCoreMs },
      ratio: {
        median: hubCoreMs / bareCoreMs,
        min: hubCoreMs / bareCoreMs,
        max: hubCoreMs / bareCoreMs,
        rounds: 1,
      },
    },
    {
      name: 'CPU-bound rate on one core (1000 ms ÷ CPU per item): hub',
      value: 1000 / hubCoreMs,
      unit: 'items/s',
      baseline: { name: 'bare workflow', value: 1000 / bareCoreMs },
      ratio: {
        median: bareCoreMs / hubCoreMs,
        min: bareCoreMs / hubCoreMs,
        max: bareCoreMs / hubCoreMs,
        rounds: 1,
      },
      target: { text: '≥ 0.8 of the bare workflow (estimate)', met: bareCoreMs / hubCoreMs >= 0.8 },
    },
    {
      name: 'Temporal frontend RPCs per item, whole workflow (starts, polls, task completions)',
      value: hubCost.rpcs,
      unit: 'RPCs',
      baseline: { name: 'bare workflow + empty activity', value: bareCost.rpcs },
      ratio: {
        median: hubCost.rpcs / bareCost.rpcs,
        min: hubCost.rpcs / bareCost.rpcs,
        max: hubCost.rpcs / bareCost.rpcs,
        rounds: 1,
      },
    },
  );
  const ladderRows = [
    ...ladder.map((row) => ({ row, where: 'one core' })),
    ...(onAll?.ladder ?? []).map((row) => ({ row, where: 'every core' })),
  ];
  for (const { row, where } of ladderRows) {
    const h = row.hub;
    const b = row.bare;
    figures.push({
      name: `${row.rate}/s for ${WINDOW} s, ${where}: hub accept → ACKNOWLEDGED${h ? ` (accepted ${h.acceptedPerSecond.toFixed(1)}/s, ${h.sustained ? 'keeps up' : 'falls behind'})` : ' (not run: fell behind at a lower rate)'}`,
      value: h?.lat.p50 ?? NaN,
      p99: h?.lat.p99,
      unit: 'ms',
      ...(b
        ? {
            baseline: {
              name: `bare start → complete (${b.acceptedPerSecond.toFixed(1)}/s, ${b.sustained ? 'keeps up' : 'falls behind'})`,
              value: b.lat.p50,
              p99: b.lat.p99,
            },
          }
        : {}),
      ...(h && b
        ? {
            ratio: {
              median: h.lat.p99 / b.lat.p99,
              min: h.lat.p99 / b.lat.p99,
              max: h.lat.p99 / b.lat.p99,
              rounds: 1,
            },
          }
        : {}),
    });
  }
  // Memory: peak RSS per round of the 20 items/s rounds, last against first.
  const memoryOf = (name: string, steps: Step[], ours = true) => {
    const peaks = steps.map((s) => s.peakMb[name]!);
    const first = peaks[0]!;
    const last = peaks.at(-1)!;
    figures.push({
      name: `memory: ${name} peak RSS, last round (rounds: ${peaks.map((p) => p.toFixed(0)).join(', ')} MB)`,
      value: last,
      unit: 'MB',
      baseline: { name: 'first measured round', value: first },
      ratio: {
        median: last / first,
        min: Math.min(...peaks) / first,
        max: Math.max(...peaks) / first,
        rounds: peaks.length,
      },
      // Our processes must not grow (no identity map or cache kept across requests); the
      // Temporal server's own caches of recent histories are reported, not held to it.
      ...(ours
        ? { target: { text: 'flat across rounds (last ≤ first × 1.1)', met: last <= first * 1.1 } }
        : {}),
    });
  };
  memoryOf('hub (API + worker)', rounds.a);
  // The Temporal server serves both: its peaks in the order run, the warm-up round left out.
  memoryOf('Temporal dev server', inOrder.slice(2), false);
  memoryOf('bare worker', rounds.b);

  const fmt = (n: number | undefined, d = 0) =>
    n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d);
  const cpuAt = (s: Step | undefined) =>
    s
      ? Object.entries(s.cpu)
          .map(([k, v]) => `${k} ${fmt(v * 100)}%`)
          .join(', ')
      : '–';
  const firstFail = ladder.find((r) => r.hub && !r.hub.sustained)?.hub;
  const temporalHub = hubCost.cpuMs['Temporal dev server']!;
  const temporalBare = bareCost.cpuMs['Temporal dev server']!;
  const hubOwn = hubCost.cpuMs['hub (API + worker)']!;
  const rates = (p: typeof onOne) =>
    `the hub keeps up with ${p.hubRate}/s where the same Temporal server runs a bare one-activity workflow at ${p.bareRate}/s${p.bareCapped ? '+' : ''} (ratio ${fmt(rateRatio(p), 2)})`;
  // The answer rests on the ladder as a user runs the hub (every core) where it was measured,
  // and on the CPU per item, which does not depend on the ladder's coarse steps.
  const measured = onAll ?? onOne;
  // The first rate of the ladder a side did not keep up with (undefined: it kept up at all).
  const failedAt = (p: typeof onOne, side: 'hub' | 'bare') =>
    p.ladder.find((r) => r[side] && !r[side].sustained)?.rate;
  const where = onAll ? 'On every core, as `npm start` runs' : 'With the servers on one core';
  const cpuSplit = `By CPU per item (at 10/s) the hub costs ${fmt(hubCoreMs)} ms in all against the bare workflow's ${fmt(bareCoreMs)} ms: the Temporal server spends ${fmt(temporalHub)} ms on a hub item against ${fmt(temporalBare)} ms on a bare one (${fmt(hubCost.rpcs, 1)} frontend RPCs per item against ${fmt(bareCost.rpcs, 1)}: the collect workflow runs its intake as one local activity in its first workflow task, where the bare workflow schedules a real activity), and the hub process spends ${fmt(hubOwn)} ms (GraphQL, MikroORM and SQLite for the submission and the intake's three transactions, plus the SDK's workflow activation; a CPU profile spreads it over MikroORM, Kysely, better-sqlite3 and the worker's thread messages with no single hot spot).`;
  const bareFail = failedAt(measured, 'bare');
  const hubFail = failedAt(measured, 'hub');
  const answer =
    rateRatio(measured) >= 0.8
      ? `the embedded Temporal server's, on this machine, not the hub's. ${where}, ${rates(measured)}${bareFail ? `; the bare workflow already falls behind at ${bareFail}/s` : ''}${hubFail ? ` and the hub at ${hubFail}/s` : ''}, so no workflow on this embedded server keeps up with 50/s on this machine. ${cpuSplit} Our own process is the larger share of the CPU per item, so once Temporal runs on its own cores (scenario 7) the hub's own work is the next limit.`
      : `ours. ${where}, ${rates(measured)}. ${cpuSplit} The Temporal server is not the limit; our own work per item on the same cores is.`;
  const notes = [
    `Answer to the issue ("at 50 items/s the backlog grows: our limit or the embedded Temporal server's?"): ${answer}${onAll ? ` With the servers on one core ${rates(onOne)}.` : ''}`,
    `"Keeps up" = ≥ 98% accepted at ≥ 90% of the offered rate, every item acknowledged within ${DRAIN_MS / 1000} s of the window, p99 ≤ 2 s and the last quarter's p50 ≤ 2 × the first quarter's + 250 ms (no growing backlog). Rates are a ladder (${RATES.join(', ')}), so a rate ratio is as coarse as its steps; the CPU per item is the finer measure. With the servers on one core the bare workflow's own limit is about ${fmt(1000 / bareCoreMs)}/s (1000 ms ÷ ${fmt(bareCoreMs)} ms of CPU per item), so a rate above that falls behind there whatever runs in the workflow.`,
    firstFail
      ? `Where the hub falls behind with the servers on one core (${firstFail.rate}/s): accepted ${fmt(firstFail.acceptedPerSecond, 1)}/s, acknowledgement p50 ${fmt(firstFail.lat.p50)} ms → p99 ${fmt(firstFail.lat.p99)} ms, quarters ${fmt(firstFail.firstQuarterP50)} → ${fmt(firstFail.lastQuarterP50)} ms, ${firstFail.unfinished} not acknowledged in time; submitFeedback answered in p50 ${fmt(firstFail.answer.p50, 1)} ms / p99 ${fmt(firstFail.answer.p99)} ms. CPU share of one core: ${cpuAt(firstFail)}.`
      : `The hub kept up at every rate of the ladder.`,
    `CPU share of one core at the highest rate each was run at — hub run (${top.rate}/s): ${cpuAt(top.hub)}; bare run (${topBare.rate}/s): ${cpuAt(topBare.bare)}. The hub, its embedded Temporal dev server (the hub's child) and the bare worker all run on core ${SERVER_CORE}${pinnedLoad ? `; the load generator on core ${LOAD_CORE}` : ' (not pinned: taskset missing or one core)'}.`,
    hubSpans
      ? `Where the time goes at ${top.rate}/s (medians over ${Math.min(30, top.hub!.ids.length)} sampled collect workflows): item committed → workflow started ${fmt(startLag)} ms (the start RPC after the commit); workflow start → its first workflow task picked up ${fmt(hubSpans.toFirstTask)} ms (the task queue and the shared core); ${hubSpans.local ? `that task, with the intake step run in it as a local activity (acknowledge, classify, open a case: three SQLite transactions), ${fmt(hubSpans.run)} ms (p99 ${fmt(hubSpans.runP99)})` : `schedule → start ${fmt(hubSpans.scheduleToStart)} ms, first activity run ${fmt(hubSpans.run)} ms (p99 ${fmt(hubSpans.runP99)})`}. Bare at ${topBare.rate}/s: start → first task ${fmt(bareSpans?.toFirstTask)} ms, activity schedule → start ${fmt(bareSpans?.scheduleToStart)} ms (0 when the SDK's eager dispatch hands it over with the task's answer), empty activity ${fmt(bareSpans?.run, 1)} ms.`
      : 'No histories sampled.',
    `Cost per item at 10/s (${hubCost.ids.length} items, until every workflow completed): CPU ms per item — hub run: ${Object.entries(
      hubCost.cpuMs,
    )
      .map(([k, v]) => `${k} ${fmt(v, 1)}`)
      .join(', ')}; bare run: ${Object.entries(bareCost.cpuMs)
      .map(([k, v]) => `${k} ${fmt(v, 1)}`)
      .join(', ')}. Temporal frontend RPCs per item: hub ${fmt(hubCost.rpcs, 1)} (${[...hubCost.all]
      .filter(([op]) => op !== 'DescribeWorkflowExecution')
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}), bare ${fmt(bareCost.rpcs, 1)}. One core divided by the CPU per item gives ${fmt(1000 / hubCoreMs)} items/s for the hub against ${fmt(1000 / bareCoreMs)}/s for the bare workflow: an estimate that does not depend on how busy the machine is.`,
    `The collect workflow does more than the bare one after the acknowledgement (classify and the case check, two more SQLite transactions in the same local activity), which shares the same core with the next items' acknowledgements; the measured span stops at ACKNOWLEDGED, the bare span at completion. Items submitted are happy (NPS 10) so no case workflow is started.`,
    `Latency is measured after each window from stored timestamps (acknowledged_at − created_at in the hub's SQLite file; closeTime − startTime of the bare workflows), so measuring adds no load during the window.`,
  ];

  writeScenario(args.out, {
    key: 'intake',
    title: '2. Feedback intake',
    setup:
      `Hub as \`npm start\` runs it (SQLite, embedded Temporal ${hub.temporalVersion}, worker in the API process, demo data; rate limits off; the dev server started with \`--metrics-port\`). ` +
      `Open-loop submitFeedback over HTTP with an API token at ${RATES.join(', ')} items/s for ${WINDOW} s each, alternating with the bare workflow at the same rate; then ${ROUNDS} A/B rounds (after 1 warm-up) of ${ROUND_WINDOW} s at 20 items/s. Ladder and rounds run twice: the servers (hub, its Temporal dev server, the bare worker) on core ${SERVER_CORE} and the load generator on core ${LOAD_CORE}, then every process on every core as \`npm start\` runs. Gate over ${GATE_REQUESTS} requests.${QUICK ? ' Quick mode: short windows, figures not for quoting.' : ''}`,
    figures,
    gates,
    notes,
    seconds: (performance.now() - started) / 1000,
  });
}

await main();
