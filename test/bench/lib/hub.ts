/**
 * The real hub (`server/src/cli/start.ts`, as `npm start` runs it) as a process of its own for
 * the benchmarks: pinned to the server core, on free ports, in a data directory of its own,
 * with the rate limits off; resolves once its start-up banner is printed. Also a sampler of a
 * process's peak resident memory per round (VmHWM, reset between rounds through
 * `/proc/<pid>/clear_refs` where permitted, else VmRSS sampled every 100 ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../server/src/db/throwaway-postgres.js';
import { pinned, SERVER_CORE } from './machine.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Node 22 from the project (`node@22`) when present, else the one running the scenario. */
export function nodeBinary(): string {
  const local = path.join(ROOT, 'node_modules', '.bin', 'node');
  return fs.existsSync(local) ? local : process.execPath;
}

export const BENCH_ADMIN = { email: 'bench.admin@hub.example', password: 'bench-admin-password-1' };

export interface HubOptions {
  /** Extra environment (DATABASE_URL, CX_RUN_WORKER, TEMPORAL_ADDRESS, …). */
  env?: Record<string, string>;
  /** Core to pin to (default the server core); `null`: not pinned. */
  core?: number | null;
  /** CX_DATA_DIR; default a fresh temporary directory, removed at stop. */
  dataDir?: string;
  readyTimeoutMs?: number;
  /** Prefix of the hub's output lines echoed to the console (default: not echoed). */
  echo?: string;
  /**
   * Opens the V8 inspector on a free loopback port, so the benchmark can ask for a full GC and
   * the heap left after it between rounds (`heapAfterGc`). Idle until asked.
   */
  inspect?: boolean;
}

export interface Hub {
  url: string;
  port: number;
  temporalPort: number;
  pid: number;
  dataDir: string;
  proc: ChildProcess;
  /** The inspector's WebSocket address, with `inspect: true`. */
  inspectorUrl?: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a hub and waits for its banner. Rate limits are off and the demo is seeded on an
 * empty database unless `env` says otherwise; the web client is not built (an empty page
 * stands in, the benchmarks only speak to `/graphql`).
 */
export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const port = await freePort();
  const temporalPort = await freePort();
  const temporalUiPort = await freePort();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bench-hub-'));
  const webDist = path.join(dataDir, 'web-stub');
  fs.mkdirSync(webDist, { recursive: true });
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>bench</title>');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.VITEST;
  const nodeArgs = [
    ...(opts.inspect ? ['--inspect=127.0.0.1:0'] : []),
    '--import',
    'tsx',
    path.join(ROOT, 'server', 'src', 'cli', 'start.ts'),
  ];
  const [cmd, args] =
    opts.core === null
      ? [nodeBinary(), nodeArgs]
      : pinned(opts.core ?? SERVER_CORE, nodeBinary(), nodeArgs);
  const proc = spawn(cmd, args, {
    cwd: ROOT,
    env: {
      ...env,
      PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      NODE_ENV: 'production',
      PORT: String(port),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(temporalUiPort),
      CX_DATA_DIR: dataDir,
      CX_WEB_DIST: webDist,
      CX_RATE_LIMIT_POINTS: '0',
      CX_RATE_LIMIT_ANON_POINTS: '0',
      CX_ADMIN_EMAIL: BENCH_ADMIN.email,
      CX_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so stopping it also stops what it started (Temporal).
    detached: true,
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  const readyTimeoutMs = opts.readyTimeoutMs ?? 180_000;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub not ready in ${readyTimeoutMs} ms:\n${log.slice(-4000)}`)),
      readyTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      if (log.length > 1_000_000) log = log.slice(-200_000);
      if (opts.echo) process.stdout.write(text.replace(/^/gm, `${opts.echo} `));
      if (log.includes('CX Ops Hub is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${log.slice(-4000)}`));
    });
  });
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 15_000)),
      ]);
      if (!done) proc.kill('SIGKILL');
    }
    // Whatever the hub started and left behind in its group (the Temporal dev server).
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      /* the group is gone */
    }
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    temporalPort,
    pid: proc.pid!,
    dataDir,
    proc,
    ...(opts.inspect ? { inspectorUrl: /Debugger listening on (ws:\/\/\S+)/.exec(log)?.[1] } : {}),
    output: () => log,
    stop,
  };
}

/** One GraphQL request over HTTP (no keep-alive tuning; for set-up, not for load). */
export async function graphqlRequest<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; data?: T; errors?: { message: string }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  return { status: res.status, headers: res.headers, ...body };
}

/** Signs in as the bench admin and makes an API token with `scopes`; returns its secret. */
export async function createApiToken(url: string, scopes: string[]): Promise<string> {
  const signIn = await graphqlRequest(
    url,
    'mutation ($input: SignInInput!) { signIn(input: $input) { csrfToken } }',
    { input: BENCH_ADMIN },
  );
  if (!signIn.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(signIn.errors)}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const made = await graphqlRequest(
    url,
    'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
    { input: { name: `bench ${Date.now()}`, scopes } },
    { cookie, 'x-csrf-token': signIn.data.signIn.csrfToken as string },
  );
  const secret = made.data?.createApiToken?.secret as string | undefined;
  if (!secret) throw new Error(`createApiToken failed: ${JSON.stringify(made.errors)}`);
  return secret;
}

/**
 * The V8 heap a process still holds after a full garbage collection (MB), asked through its
 * inspector (`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`). Unlike peak RSS, it
 * does not depend on when V8 chose to collect: what a request left reachable (an identity map
 * or cache kept across requests) shows as a rise round after round.
 */
export async function heapAfterGc(inspectorUrl: string): Promise<number> {
  const socket = new WebSocket(inspectorUrl);
  const replies = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener('message', (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (msg.id !== undefined) replies.get(msg.id)?.(msg.result ?? {});
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`inspector ${inspectorUrl}`)), {
      once: true,
    });
  });
  let next = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++next;
      replies.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize) / 2 ** 20;
  } finally {
    socket.close();
  }
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

/**
 * Peak resident memory of a process, round by round: `startRound()` resets the high-water
 * mark, `endRound()` returns the peak (MB) since. Where `clear_refs` may not be written, VmRSS
 * is sampled every 100 ms instead.
 */
export class PeakRss {
  private readonly canReset: boolean;
  private timer: NodeJS.Timeout | undefined;
  private sampledMax = 0;
  readonly rounds: number[] = [];

  constructor(readonly pid: number) {
    let ok: boolean;
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
      ok = true;
    } catch {
      ok = false;
    }
    this.canReset = ok;
  }

  get method(): string {
    return this.canReset
      ? 'VmHWM, reset through /proc/<pid>/clear_refs before each round'
      : 'VmRSS sampled every 100 ms';
  }

  startRound(): void {
    if (this.canReset) {
      fs.writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return;
    }
    this.sampledMax = statusKb(this.pid, 'VmRSS');
    this.timer = setInterval(() => {
      try {
        this.sampledMax = Math.max(this.sampledMax, statusKb(this.pid, 'VmRSS'));
      } catch {
        /* the process is gone */
      }
    }, 100);
    this.timer.unref();
  }

  /** Peak RSS (MB) since `startRound()`. */
  endRound(): number {
    let kb: number;
    if (this.canReset) kb = statusKb(this.pid, 'VmHWM');
    else {
      clearInterval(this.timer);
      kb = Math.max(this.sampledMax, statusKb(this.pid, 'VmRSS'));
    }
    const mb = kb / 1024;
    this.rounds.push(mb);
    return mb;
  }
}

/** The part of better-sqlite3 (the hub's SQLite driver) the benchmarks use; its types are not installed. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
  transaction<F extends (...args: never[]) => unknown>(fn: F): F;
  close(): void;
}

/** Opens a SQLite file (e.g. `<hub.dataDir>/hub.sqlite`) with the driver the hub uses. */
export function openSqlite(file: string, opts: { readonly?: boolean } = {}): SqliteDatabase {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (
    file: string,
    options: { readonly?: boolean; fileMustExist?: boolean },
  ) => SqliteDatabase;
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
