/**
 * Scenario 7: scale-out on the production shape.
 *
 * PostgreSQL, one Temporal server, API processes (`CX_RUN_WORKER=false`) and standalone workers
 * (`npm run worker`). Throughput of 2 APIs + 2 workers against 1 API + 1 worker, in alternating
 * rounds, under closed-loop `submitFeedback` load spread over the APIs; then a worker killed with
 * SIGKILL under load, after which every accepted item must be acknowledged exactly once.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { canPin, describeMachine, LOAD_CORE, pinSelf, SERVER_CORE } from '../lib/machine.js';
import { writeScenario, type Figure, type Gate, type ScenarioResult } from '../lib/report.js';
import { startCluster, type Cluster, type Group } from '../lib/scaleout-cluster.js';
import {
  acknowledgementCounts,
  closedLoop,
  createApiToken,
  demoAccountIds,
  drained,
  uuidOf,
} from '../lib/scaleout-load.js';
import { abRounds, distribution, median, ratioOf } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: { out: { type: 'string' }, quick: { type: 'boolean', default: false } },
});
const quick = args.quick;
const size = quick
  ? { concurrency: 4, roundMs: 2_000, warmup: 0, rounds: 5, faultMs: 4_000, killAtMs: 1_500 }
  : { concurrency: 8, roundMs: 6_000, warmup: 1, rounds: 5, faultMs: 12_000, killAtMs: 4_000 };
const DRAIN_MS = quick ? 30_000 : 60_000;
/**
 * After a SIGKILL the dead worker's workflow tasks (the intake step runs inside them as a local
 * activity) come back when their 10 s task timeout passes; a sticky queue adds its own timeout.
 */
const FAULT_DRAIN_MS = 120_000;

// Pinning on 2 cores: the APIs, the workers and PostgreSQL on core 0 (SERVER_CORE); Temporal on
// core 1 with the load generator (LOAD_CORE). Measured CPU per item: Temporal about half of it,
// workers a quarter to a third, APIs, PostgreSQL and the load the rest, so this splits it most
// evenly (README, Benchmarks, scenario 7).
const CORES = {
  apiCore: SERVER_CORE,
  workerCore: SERVER_CORE,
  postgresCore: SERVER_CORE,
  temporalCore: LOAD_CORE,
};

const started = Date.now();
const pinnedLoad = pinSelf(LOAD_CORE);

interface Round {
  topology: string;
  accepted: number;
  errors: number;
  firstError?: string;
  acknowledged: number;
  received: number;
  acceptedPerS: number;
  acknowledgedPerS: number;
  ackP50: number;
  ackP99: number;
  ackMs: number[];
  httpP50: number;
  /** CPU seconds per part of the shape during the round (load + drain). */
  cpu: Record<string, number>;
  wallS: number;
}

function cpuDelta(before: Record<string, number>, after: Record<string, number>) {
  const out: Record<string, number> = {};
  for (const k of Object.keys(after)) out[k] = Math.max(0, after[k]! - (before[k] ?? 0));
  return out;
}

async function main(): Promise<ScenarioResult> {
  // A = 2 APIs + 2 workers and B = 1 API + 1 worker, all started once on the same PostgreSQL and
  // Temporal server, each group on a task queue of its own; the group not measured idles.
  const cluster: Cluster = await startCluster({
    ...CORES,
    groups: [
      { name: 'pair', taskQueue: 'cx-hub', apis: 2, workers: 2 },
      { name: 'solo', taskQueue: 'cx-hub-solo', apis: 1, workers: 1 },
    ],
  });
  const pair = cluster.groups.pair!;
  const solo = cluster.groups.solo!;
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  try {
    await db.connect();
    const token = await createApiToken(pair.apiUrls[0]!, cluster.admin);
    const accountIds = await demoAccountIds(cluster.databaseUrl);
    if (!accountIds.length) throw new Error('no demo accounts: the first API did not seed');
    let tagN = 0;

    /** Waits (at most 15 s) until the shape uses under 0.15 cores over half a second. */
    const settle = async () => {
      const deadline = Date.now() + 15_000;
      const total = () => Object.values(cluster.cpu()).reduce((a, b) => a + b, 0);
      for (let before = total(); Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 500));
        const now = total();
        if (now - before < 0.075) return;
        before = now;
      }
    };

    const round = async (group: Group): Promise<Round> => {
      const topology = `${group.apis.length} API + ${group.workers.length} worker${group.workers.length > 1 ? 's' : ''}`;
      const cpu0 = cluster.cpu();
      const load0 = process.cpuUsage();
      const t0 = performance.now();
      const load = await closedLoop({
        urls: group.apiUrls,
        token,
        accountIds,
        concurrency: size.concurrency,
        durationMs: size.roundMs,
        tag: `r${tagN++}`,
      });
      const ids = load.accepted.map(uuidOf);
      const outcome = await drained(db, ids, DRAIN_MS);
      // The collect workflow goes on after the acknowledgement (classify, open a case): let that
      // tail finish inside this round, so its CPU counts here and does not slow the next round.
      await settle();
      const wallS = (performance.now() - t0) / 1000;
      const loadCpu = process.cpuUsage(load0);
      const cpu = cpuDelta(cpu0, cluster.cpu());
      cpu.load = (loadCpu.user + loadCpu.system) / 1e6;
      const ack = distribution(outcome.ackMs);
      const r: Round = {
        topology,
        accepted: ids.length,
        errors: load.errors,
        firstError: load.firstError,
        acknowledged: outcome.acknowledged,
        received: outcome.received,
        acceptedPerS: ids.length / (load.ms / 1000),
        acknowledgedPerS:
          outcome.acknowledged / ((outcome.lastAcknowledged - outcome.firstCreated) / 1000),
        ackP50: ack.p50,
        ackP99: ack.p99,
        ackMs: outcome.ackMs,
        httpP50: distribution(load.latencies).p50,
        cpu,
        wallS,
      };
      console.log(
        `${topology}: ${r.accepted} accepted (${r.acceptedPerS.toFixed(1)}/s), ${r.acknowledged} acknowledged (${r.acknowledgedPerS.toFixed(1)}/s), ack p50 ${r.ackP50.toFixed(0)} ms p99 ${r.ackP99.toFixed(0)} ms, errors ${r.errors}, cpu ${JSON.stringify(Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Number(v.toFixed(2))])))} in ${wallS.toFixed(1)} s`,
      );
      return r;
    };

    // A = 2 APIs + 2 workers, B = 1 API + 1 worker, alternating.
    const ab = await abRounds(
      () => round(pair),
      () => round(solo),
      { rounds: size.rounds, warmup: size.warmup, figure: (r) => r.acceptedPerS },
    );
    const ratio = (f: (r: Round) => number) => ratioOf(ab.a.map((r, i) => f(r) / f(ab.b[i]!)));
    const med = (rs: Round[], f: (r: Round) => number) => median(rs.map(f));
    const pooled = (rs: Round[]) => distribution(rs.flatMap((r) => r.ackMs));
    const A = '2 API + 2 workers';
    const B = '1 API + 1 worker';
    const figures: Figure[] = [
      {
        name: `accepted/s, ${A}`,
        value: ab.aMedian,
        unit: '/s',
        baseline: { name: B, value: ab.bMedian },
        ratio: ab.ratio,
      },
      {
        name: `acknowledged/s, ${A}`,
        value: med(ab.a, (r) => r.acknowledgedPerS),
        unit: '/s',
        baseline: { name: B, value: med(ab.b, (r) => r.acknowledgedPerS) },
        ratio: ratio((r) => r.acknowledgedPerS),
      },
      {
        name: `accept → ACKNOWLEDGED, ${A}`,
        value: pooled(ab.a).p50,
        p99: pooled(ab.a).p99,
        unit: 'ms',
        baseline: { name: B, value: pooled(ab.b).p50, p99: pooled(ab.b).p99 },
        ratio: ratio((r) => r.ackP50),
      },
      {
        name: `HTTP submitFeedback p50 under load, ${A}`,
        value: med(ab.a, (r) => r.httpP50),
        unit: 'ms',
        baseline: { name: B, value: med(ab.b, (r) => r.httpP50) },
        ratio: ratio((r) => r.httpP50),
      },
    ];

    // Where the CPU went: seconds per part, summed over the measured rounds of each topology.
    const cpuShare = (rs: Round[]) => {
      const total: Record<string, number> = {};
      let wall = 0;
      let items = 0;
      for (const r of rs) {
        wall += r.wallS;
        items += r.accepted;
        for (const [k, v] of Object.entries(r.cpu)) total[k] = (total[k] ?? 0) + v;
      }
      const sum = Object.values(total).reduce((a, b) => a + b, 0);
      const parts = Object.entries(total)
        .filter(([, v]) => v > 0.005)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${((100 * v) / sum).toFixed(0)}%`)
        .join(', ');
      return { busy: sum / wall, msPerItem: (1000 * sum) / items, parts };
    };
    const cpuA = cpuShare(ab.a);
    const cpuB = cpuShare(ab.b);
    figures.push({
      name: `CPU time per accepted item (all processes), ${A}`,
      value: cpuA.msPerItem,
      unit: 'ms',
      baseline: { name: B, value: cpuB.msPerItem },
      ratio: ratio((r) => Object.values(r.cpu).reduce((a, b) => a + b, 0) / r.accepted),
    });

    const all = [...ab.a, ...ab.b];
    const gates: Gate[] = [
      {
        name: 'A/B rounds: every accepted item ACKNOWLEDGED after the drain',
        expected: String(all.reduce((s, r) => s + r.accepted, 0)),
        actual: String(all.reduce((s, r) => s + r.acknowledged, 0)),
        passed: all.every((r) => r.acknowledged === r.accepted),
      },
      {
        name: 'A/B rounds: failed submitFeedback requests',
        expected: '0',
        actual: String(all.reduce((s, r) => s + r.errors, 0)),
        passed: all.every((r) => r.errors === 0),
      },
    ];

    // Fault: 2 APIs + 2 workers under load, worker 2 killed with SIGKILL part-way, not restarted
    // until the load has stopped; then the backlog must drain.
    const victim = pair.workers[1]!;
    let killedAt = 0;
    const killer = setTimeout(() => {
      killedAt = Date.now();
      victim.proc.kill('SIGKILL');
    }, size.killAtMs);
    const load = await closedLoop({
      urls: pair.apiUrls,
      token,
      accountIds,
      concurrency: size.concurrency,
      durationMs: size.faultMs,
      tag: 'fault',
    });
    clearTimeout(killer);
    const victimGone = !victim.alive() || victim.proc.signalCode === 'SIGKILL';
    const ids = load.accepted.map(uuidOf);
    const outcome = await drained(db, ids, FAULT_DRAIN_MS);
    const drainS = (outcome.lastAcknowledged - killedAt) / 1000;
    const counts = await acknowledgementCounts(db, ids);
    const oneEach = (m: Map<string, number>) => ids.filter((id) => m.get(id) === 1).length;
    const twice = (m: Map<string, number>) => ids.filter((id) => (m.get(id) ?? 0) > 1).length;
    gates.push(
      {
        name: 'fault: a worker was killed with SIGKILL under load',
        expected: 'killed',
        actual: killedAt && victimGone ? 'killed' : 'not killed',
        passed: Boolean(killedAt) && victimGone,
      },
      {
        name: 'fault: accepted ids = ACKNOWLEDGED ids',
        expected: String(ids.length),
        actual: String(outcome.acknowledged),
        passed: ids.length > 0 && outcome.acknowledged === ids.length,
      },
      {
        name: 'fault: items left RECEIVED',
        expected: '0',
        actual: String(outcome.received),
        passed: outcome.received === 0,
      },
      {
        name: 'fault: items with exactly one FEEDBACK_ACKNOWLEDGEMENT (client_notification)',
        expected: String(ids.length),
        actual: `${oneEach(counts.notifications)} (${twice(counts.notifications)} with more)`,
        passed: oneEach(counts.notifications) === ids.length,
      },
      {
        name: 'fault: items with exactly one acknowledgeFeedback audit event (moved once)',
        expected: String(ids.length),
        actual: `${oneEach(counts.audits)} (${twice(counts.audits)} with more)`,
        passed: oneEach(counts.audits) === ids.length,
      },
      {
        name: 'fault: failed submitFeedback requests (the APIs do not depend on a worker)',
        expected: '0',
        actual: String(load.errors),
        passed: load.errors === 0,
      },
    );
    const faultAck = distribution(outcome.ackMs);
    figures.push({
      name: 'fault: accept → ACKNOWLEDGED with a worker killed',
      value: faultAck.p50,
      p99: faultAck.p99,
      unit: 'ms',
    });
    figures.push({
      name: 'fault: from the SIGKILL to the last acknowledgement',
      value: drainS,
      unit: 's',
      target: {
        text: `backlog drained within ${FAULT_DRAIN_MS / 1000} s (workflow task timeout 10 s)`,
        met: outcome.received === 0,
      },
    });
    console.log(
      `fault: ${ids.length} accepted, ${outcome.acknowledged} acknowledged, ${outcome.received} RECEIVED, last ack ${drainS.toFixed(1)} s after the kill; errors ${load.errors}`,
    );

    const errorNote = all.find((r) => r.firstError)?.firstError ?? load.firstError;
    const notes = [
      `Load: closed loop, ${size.concurrency} submitFeedback requests in flight (API token, rate limits off), loop i → API i mod n; a round is ${size.roundMs / 1000} s of load, then the wait until every accepted item is ACKNOWLEDGED. accepted/s = accepted ÷ load time; acknowledged/s = acknowledged ÷ (last acknowledgedAt − first createdAt); accept → ACKNOWLEDGED = acknowledgedAt − createdAt from the database.`,
      `Scale-out ratio (2+2 ÷ 1+1): accepted/s ${ab.ratio.median.toFixed(2)} (${ab.ratio.min.toFixed(2)}–${ab.ratio.max.toFixed(2)}), acknowledged/s ${ratio((r) => r.acknowledgedPerS).median.toFixed(2)}. On ${canPin() ? '2 pinned cores' : 'an unpinned machine'} the processes of both shapes share the same CPU: a second API and worker add event loops, not cores.`,
      `CPU (from /proc/<pid>/stat, load + drain): ${A} busy ${cpuA.busy.toFixed(2)} cores, ${cpuA.msPerItem.toFixed(1)} ms CPU per item: ${cpuA.parts}. ${B} busy ${cpuB.busy.toFixed(2)} cores, ${cpuB.msPerItem.toFixed(1)} ms per item: ${cpuB.parts}.`,
      `Fault: worker 2 SIGKILLed ${size.killAtMs / 1000} s into ${size.faultMs / 1000} s of load on ${A}; ${ids.length} accepted, all acknowledged ${outcome.received === 0 ? '' : 'NOT '}within ${FAULT_DRAIN_MS / 1000} s. Work the dead worker held comes back when its workflow task times out (10 s; the intake step is a local activity inside it) and the surviving worker runs it again; the outbox dedupe key ack:<id> and the RECEIVED → ACKNOWLEDGED check keep a repeated step from acknowledging twice.`,
      ...(errorNote ? [`First request error seen: ${errorNote}`] : []),
    ];

    return {
      key: 'scaleout',
      title: '7. Scale-out on the production shape',
      setup: `PostgreSQL (throwaway) + one Temporal CLI dev server${cluster.temporalVersion ? ` (${cluster.temporalVersion})` : ''} via TEMPORAL_ADDRESS; API processes server/src/cli/start.ts (CX_RUN_WORKER=false, first one seeds the demo data) and workers workflows/worker-main.ts (npm run worker, prebuilt workflow bundle). ${canPin() ? `Pinned: APIs, workers and PostgreSQL on core ${SERVER_CORE}; Temporal and the load generator on core ${LOAD_CORE}.` : 'Not pinned.'} Closed loop, ${size.concurrency} in flight, ${size.roundMs / 1000} s rounds, ${size.warmup} warm-up + ${size.rounds} measured A/B rounds (A = ${A}, B = ${B}); fault: ${size.faultMs / 1000} s of load, SIGKILL at ${size.killAtMs / 1000} s.${quick ? ' QUICK mode: small sizes, figures not to quote.' : ''} ${describeMachine({ temporal: cluster.temporalVersion })}${pinnedLoad ? '' : ' (load not pinned)'}.`,
      figures,
      gates,
      notes,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await db.end().catch(() => undefined);
    await cluster.stop();
  }
}

const result = await main();
result.seconds = (Date.now() - started) / 1000;
writeScenario(args.out, result);
