/**
 * The hub as `npm start` runs it (SQLite, embedded Temporal dev server, worker in the API
 * process, demo data), pinned to the server core, in a throwaway data directory. The only
 * difference from `npm start`: `TEMPORAL_CLI_PATH` points at a one-line wrapper that adds
 * `--metrics-port` to the dev server's arguments, so the scenario can read its `/metrics`
 * (the dev server otherwise serves them on a random port).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../server/src/db/throwaway-postgres.js';
import { findTemporalCli } from '../../../server/src/temporal/cli-binary.js';
import { pinned, SERVER_CORE } from './machine.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export const INTAKE_ADMIN = {
  email: 'bench.admin@hub.example',
  password: 'bench-admin-password-1',
};

export interface IntakeHub {
  url: string;
  /** The hub's node process (API + worker). */
  pid: number;
  /** The embedded Temporal dev server the hub started. */
  temporalPid: number;
  temporalAddress: string;
  metricsUrl: string;
  dataDir: string;
  sqlitePath: string;
  temporalVersion: string;
  /** The last lines the hub printed. */
  tail(): string;
  /** How often the hub has printed `text` so far. */
  count(text: string): number;
  stop(): Promise<void>;
}

export async function startIntakeHub(env: Record<string, string> = {}): Promise<IntakeHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bench-intake-'));
  const cli = findTemporalCli();
  if (!cli) throw new Error('No temporal CLI: run `npm run setup` first.');
  const [port, temporalPort, uiPort, metricsPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const wrapper = path.join(dataDir, 'temporal-with-metrics');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec "${cli}" "$@" --metrics-port ${metricsPort}\n`);
  fs.chmodSync(wrapper, 0o755);
  let temporalVersion = 'temporal';
  try {
    const { execFileSync } = await import('node:child_process');
    temporalVersion = execFileSync(cli, ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    // Version unknown: keep the name.
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    PORT: String(port),
    CX_DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_CLI_PATH: wrapper,
    CX_ADMIN_EMAIL: INTAKE_ADMIN.email,
    CX_ADMIN_PASSWORD: INTAKE_ADMIN.password,
    CX_RATE_LIMIT_POINTS: '0',
    CX_RATE_LIMIT_ANON_POINTS: '0',
    ...env,
  };
  // `npm start` leaves NODE_ENV unset; the bench runner sets production for its own processes.
  delete childEnv.NODE_ENV;
  delete childEnv.DATABASE_URL;
  delete childEnv.TEMPORAL_ADDRESS;
  const node = path.join(root, 'node_modules', '.bin', 'node');
  const [cmd, args] = pinned(SERVER_CORE, node, [
    '--import',
    'tsx',
    path.join(root, 'server', 'src', 'cli', 'start.ts'),
  ]);
  const proc: ChildProcess = spawn(cmd, args, {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const counts = new Map<string, number>();
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    for (const [k, n] of counts) counts.set(k, n + text.split(k).length - 1);
    log = (log + text).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    // The hub stops its dev server; make sure of it before removing its store.
    const pidFile = path.join(dataDir, 'temporal-dev.pid');
    try {
      const { pid } = JSON.parse(fs.readFileSync(pidFile, 'utf8')) as { pid: number };
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub not ready in 180 s:\n${log}`)), 180_000);
      const check = () => {
        if (log.includes('CX Ops Hub is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', check);
      proc.stderr!.on('data', check);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`hub exited before it was ready:\n${log}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const { pid: temporalPid } = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'temporal-dev.pid'), 'utf8'),
  ) as { pid: number };
  // The node under the taskset wrapper: taskset execs it, so the pid is the same.
  return {
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid!,
    temporalPid,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    dataDir,
    sqlitePath: path.join(dataDir, 'hub.sqlite'),
    temporalVersion,
    tail: () => log.slice(-3000),
    count: (text) => {
      if (!counts.has(text)) counts.set(text, log.split(text).length - 1);
      return counts.get(text)!;
    },
    stop,
  };
}

/**
 * `service_requests` the Temporal server's frontend answered (the calls clients and workers
 * make; the history and matching services count their internal calls apart), per operation.
 */
export async function temporalRequests(metricsUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('service_requests{') || !line.includes('service_name="frontend"'))
      continue;
    const op = /operation="([^"]+)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (op && Number.isFinite(value)) out.set(op, (out.get(op) ?? 0) + value);
  }
  return out;
}

/** Operations a worker makes (polls, task completions, heartbeats), not a client starting work. */
export function isWorkerOperation(op: string): boolean {
  return /^(Poll|Respond|RecordActivityTaskHeartbeat|ShutdownWorker|RecordWorkerHeartbeat)/.test(
    op,
  );
}
