/**
 * The production shape of scenario 7: one throwaway PostgreSQL, one Temporal CLI dev server, API
 * processes (`server/src/cli/start.ts` with `CX_RUN_WORKER=false`) and standalone worker processes
 * (`workflows/worker-main.ts`, the `npm run worker` entry), each pinned with `taskset`, and each
 * one's CPU time read from `/proc/<pid>/stat`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../../server/src/db/throwaway-postgres.js';
import { startDevServer, type DevServer } from '../../../server/src/temporal/dev-server.js';
import { ensureTemporalCli, temporalCliVersion } from '../../../server/src/temporal/cli-binary.js';
import { writeWorkflowBundle } from '../../../workflows/worker.js';
import { canPin, pinned } from './machine.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const quietLog = { info: () => undefined, warn: (m: string) => console.warn(m) };

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; with
 * `reapedChildren`, plus those of its children that have exited (PostgreSQL backends whose
 * pooled connection was closed).
 */
export function cpuSecondsOf(pid: number, reapedChildren = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const reaped = reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (utime + stime + reaped) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Pins a running process and all its threads (children it forks later inherit it). */
function pinPid(pid: number, core: number): void {
  if (!canPin()) return;
  try {
    execFileSync('taskset', ['-a', '-pc', String(core), String(pid)], { stdio: 'ignore' });
  } catch {
    // A process that is gone or not ours: leave it.
  }
}

export interface NodeProcess {
  name: string;
  proc: ChildProcess;
  pid: number;
  ready: Promise<void>;
  output(): string;
  alive(): boolean;
  /** Sends `signal` and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function startNode(
  name: string,
  core: number,
  script: string,
  env: Record<string, string>,
  readyText: string,
  timeoutMs = 120_000,
): NodeProcess {
  const [cmd, args] = pinned(core, node, ['--import', 'tsx', path.join(root, script)]);
  const proc = spawn(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${log.slice(-3000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (log.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${log.slice(-3000)}`));
    });
  });
  ready.catch(() => undefined);
  return {
    name,
    proc,
    // taskset execs the command, so the pid is node's own.
    pid: proc.pid!,
    ready,
    output: () => log,
    alive: () => !exited,
    stop: async (signal = 'SIGTERM') => {
      if (exited) return;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

export interface ClusterOptions {
  apiCore: number;
  workerCore: number;
  temporalCore: number;
  postgresCore: number;
}

/**
 * APIs and workers sharing a task queue: the API starts workflows on it and only the group's
 * workers poll it, so groups on one PostgreSQL and one Temporal server do not take each other's work.
 */
export interface GroupSpec {
  name: string;
  taskQueue: string;
  apis: number;
  workers: number;
}

export interface Group {
  taskQueue: string;
  apis: NodeProcess[];
  apiUrls: string[];
  workers: NodeProcess[];
}

export interface Cluster {
  databaseUrl: string;
  temporalAddress: string;
  temporalVersion: string | undefined;
  groups: Record<string, Group>;
  admin: { email: string; password: string };
  /** CPU seconds used so far by each process of the shape (a dead one counts 0). */
  cpu(): Record<string, number>;
  stop(): Promise<void>;
}

export async function startCluster(
  opts: ClusterOptions & { groups: GroupSpec[] },
): Promise<Cluster> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bench-scaleout-'));
  const cleanups: (() => Promise<void> | void)[] = [
    () => fs.rmSync(tmp, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (err) {
        console.warn(`scale-out: cleanup failed: ${String(err)}`);
      }
    }
    cleanups.length = 0;
  };
  const t0 = Date.now();
  const step = (what: string) =>
    console.log(`scale-out: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  try {
    // PostgreSQL: the postmaster pinned; the backends it forks later inherit its core.
    const pg: ThrowawayPostgres = await startThrowawayPostgres();
    cleanups.push(() => pg.stop());
    const databaseUrl = await pg.createDatabase('scaleout');
    const postmasterPid = (() => {
      const hits = execFileSync('pgrep', ['-f', `postgres.*-p ${pg.port}`], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map(Number)
        .filter((p) => p > 0);
      return Math.min(...hits);
    })();
    for (const p of [postmasterPid, ...childrenOf(postmasterPid)]) pinPid(p, opts.postgresCore);

    // One Temporal server, as the hub's embedded one is started, then pinned.
    const cliPath = await ensureTemporalCli({ log: quietLog });
    if (!cliPath) throw new Error('Temporal CLI not found: run `npm run setup`');
    const temporalPort = await freePort();
    const temporal: DevServer = await startDevServer({
      cliPath,
      dataDir: path.join(tmp, 'temporal'),
      port: temporalPort,
      uiPort: 0,
      namespace: 'default',
      log: quietLog,
    });
    cleanups.push(() => temporal.stop());
    const temporalPid = JSON.parse(
      fs.readFileSync(path.join(tmp, 'temporal', 'temporal-dev.pid'), 'utf8'),
    ) as { pid: number };
    pinPid(temporalPid.pid, opts.temporalCore);
    step('PostgreSQL and Temporal up');

    // The web client is not under test: an empty page spares each API the first-start build.
    const webDist = path.join(tmp, 'web');
    fs.mkdirSync(webDist);
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
    // Workers start from a prebuilt workflow bundle, as a deployment would (seconds saved per start).
    const bundlePath = path.join(tmp, 'workflow-bundle.js');
    await writeWorkflowBundle(bundlePath);
    step('workflow bundle written');

    const admin = { email: 'bench.admin@hub.example', password: 'bench-admin-password-1' };
    const common = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      CX_WEB_DIST: webDist,
      CX_DATA_DIR: path.join(tmp, 'data'),
      CX_RATE_LIMIT_POINTS: '0',
      CX_RATE_LIMIT_ANON_POINTS: '0',
    };
    const processes: NodeProcess[] = [];
    cleanups.push(async () => {
      // Workers first (they would retry against a gone API's data otherwise), then the APIs.
      for (const p of [...processes].reverse()) await p.stop();
    });
    const startApi = async (name: string, taskQueue: string, seed: boolean) => {
      const port = await freePort();
      const api = startNode(
        name,
        opts.apiCore,
        'server/src/cli/start.ts',
        {
          ...common,
          PORT: String(port),
          TEMPORAL_TASK_QUEUE: taskQueue,
          CX_RUN_WORKER: 'false',
          // Demo data once: the first API migrates and seeds, the others find it there.
          CX_SEED_DEMO: seed ? 'true' : 'false',
          CX_ADMIN_EMAIL: admin.email,
          CX_ADMIN_PASSWORD: admin.password,
        },
        'CX Ops Hub is running',
      );
      processes.push(api);
      await api.ready;
      step(`${name} ready`);
      return { api, url: `http://127.0.0.1:${port}` };
    };
    const startWorker = async (name: string, taskQueue: string) => {
      const worker = startNode(
        name,
        opts.workerCore,
        'workflows/worker-main.ts',
        { ...common, TEMPORAL_TASK_QUEUE: taskQueue, CX_WORKFLOW_BUNDLE_PATH: bundlePath },
        'polling task queue',
      );
      processes.push(worker);
      await worker.ready;
      step(`${name} polling`);
      return worker;
    };

    // The first API migrates and seeds alone; every other process then starts at once.
    const first = opts.groups[0]!;
    const firstApi = await startApi(`${first.name}-api1`, first.taskQueue, true);
    const groups: Record<string, Group> = {};
    await Promise.all(
      opts.groups.map(async (g, gi) => {
        const apis = await Promise.all(
          Array.from({ length: g.apis }, (_, i) =>
            gi === 0 && i === 0
              ? Promise.resolve(firstApi)
              : startApi(`${g.name}-api${i + 1}`, g.taskQueue, false),
          ),
        );
        const workers = await Promise.all(
          Array.from({ length: g.workers }, (_, i) =>
            startWorker(`${g.name}-worker${i + 1}`, g.taskQueue),
          ),
        );
        groups[g.name] = {
          taskQueue: g.taskQueue,
          apis: apis.map((a) => a.api),
          apiUrls: apis.map((a) => a.url),
          workers,
        };
      }),
    );

    const cpu = () => {
      const out: Record<string, number> = {};
      for (const p of processes) out[p.name] = p.alive() ? cpuSecondsOf(p.pid) : 0;
      out.temporal = cpuSecondsOf(temporalPid.pid);
      out.postgres =
        cpuSecondsOf(postmasterPid, true) +
        childrenOf(postmasterPid)
          .map((p) => cpuSecondsOf(p))
          .reduce((a, b) => a + b, 0);
      return out;
    };

    return {
      databaseUrl,
      temporalAddress: temporal.address,
      temporalVersion: temporalCliVersion(cliPath),
      groups,
      admin,
      cpu,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
