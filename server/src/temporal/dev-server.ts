import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Logger } from '../logger.js';

/** A running embedded Temporal dev server. */
export interface DevServer {
  /** `host:port` of the frontend. */
  address: string;
  uiUrl: string | undefined;
  /** True when a dev server left behind by an earlier (killed) run was adopted. */
  reused: boolean;
  /** Stops the server if this process owns it (SIGTERM, then SIGKILL after a timeout). */
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How long to wait for the frontend to answer after spawning. */
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

interface PidFile {
  /** The `temporal` process. */
  pid: number;
  /** The hub process that started it. */
  ownerPid: number;
  port: number;
  uiPort: number;
}

const HOST = '127.0.0.1';

/** Zombie-aware liveness check (Linux /proc; elsewhere signal 0 only). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An orphan that exited stays a zombie until init reaps it, and some container inits never do.
  try {
    return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function readPidFile(file: string): PidFile | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PidFile>;
    if (typeof parsed.pid === 'number' && typeof parsed.port === 'number') {
      return {
        pid: parsed.pid,
        ownerPid: parsed.ownerPid ?? 0,
        port: parsed.port,
        uiPort: parsed.uiPort ?? 0,
      };
    }
  } catch {
    // Missing or unreadable: treat as no previous server.
  }
  return undefined;
}

/** True when a Temporal frontend on `address` answers for `namespace` within `timeoutMs`. */
export async function temporalAnswers(
  address: string,
  namespace: string,
  timeoutMs: number,
): Promise<boolean> {
  // Connection.lazy + one deadline-bound call: `connect()` can hang on a port held by a
  // program that accepts TCP but does not speak gRPC.
  const connection = Connection.lazy({ address, connectTimeout: timeoutMs });
  try {
    await connection.withDeadline(Date.now() + timeoutMs, () =>
      connection.workflowService.describeNamespace({ namespace }),
    );
    return true;
  } catch {
    return false;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function waitUntil(
  check: () => Promise<boolean>,
  deadline: number,
  intervalMs = 250,
  giveUp: () => boolean = () => false,
): Promise<boolean> {
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline || giveUp()) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function terminate(pid: number, timeoutMs: number): Promise<void> {
  if (!isProcessAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const gone = await waitUntil(async () => !isProcessAlive(pid), Date.now() + timeoutMs, 100);
  if (!gone && isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
}

function logTail(file: string): string {
  try {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    return lines.slice(-5).join(' | ');
  } catch {
    return '';
  }
}

/**
 * Starts `temporal server start-dev` as a child process with its state in
 * `<dataDir>/temporal.sqlite`, or adopts the one a killed earlier run left answering on
 * the same port (recorded in `<dataDir>/temporal-dev.pid`).
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const pidFile = path.join(opts.dataDir, 'temporal-dev.pid');
  const logFile = path.join(opts.dataDir, 'temporal.log');
  const address = `${HOST}:${opts.port}`;
  const uiUrl = opts.uiPort > 0 ? `http://${HOST}:${opts.uiPort}` : undefined;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;

  const previous = readPidFile(pidFile);
  if (previous && isProcessAlive(previous.pid)) {
    if (previous.port === opts.port && (await temporalAnswers(address, opts.namespace, 3000))) {
      // Another live hub still owns it: share it but leave stopping to that hub.
      const owned = !isProcessAlive(previous.ownerPid) || previous.ownerPid === process.pid;
      if (owned) fs.writeFileSync(pidFile, JSON.stringify({ ...previous, ownerPid: process.pid }));
      opts.log.info(`Reusing the embedded Temporal dev server (pid ${previous.pid}) at ${address}`);
      return {
        address,
        uiUrl: previous.uiPort > 0 ? `http://${HOST}:${previous.uiPort}` : undefined,
        reused: true,
        stop: async () => {
          if (!owned) return;
          await terminate(previous.pid, stopTimeoutMs);
          fs.rmSync(pidFile, { force: true });
        },
      };
    }
    // Alive but on another port or not answering: a leftover of ours holding the store; stop it.
    opts.log.warn(
      `Stopping a leftover Temporal dev server (pid ${previous.pid}) that does not answer on ${address}`,
    );
    await terminate(previous.pid, stopTimeoutMs);
  }
  fs.rmSync(pidFile, { force: true });

  const args = [
    'server',
    'start-dev',
    '--ip',
    HOST,
    '--port',
    String(opts.port),
    ...(uiUrl ? ['--ui-port', String(opts.uiPort)] : ['--headless']),
    '--db-filename',
    path.join(opts.dataDir, 'temporal.sqlite'),
    '--namespace',
    opts.namespace,
    '--log-level',
    'warn',
  ];
  // Output goes to a file, not a pipe: if this process is SIGKILLed, a pipe would break
  // and kill the server on its next log line, defeating the reuse above.
  const out = fs.openSync(logFile, 'a');
  // Its own process group: Ctrl-C in a terminal (or a signal to the hub's group) must not stop
  // Temporal before the hub's worker has shut down; the hub stops it last, in order.
  const child: ChildProcess = spawn(opts.cliPath, args, {
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const started = Date.now();
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
    child.once('error', (err) => {
      exited = err.message;
      resolve();
    });
  });
  const pid = child.pid;
  if (pid !== undefined) {
    fs.writeFileSync(
      pidFile,
      JSON.stringify({ pid, ownerPid: process.pid, port: opts.port, uiPort: opts.uiPort }),
    );
  }
  // Last resort on a normal exit of this process (signal handling is the caller's job).
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);

  const deadline = started + (opts.startTimeoutMs ?? 60_000);
  const ready = await waitUntil(
    () => temporalAnswers(address, opts.namespace, 1000),
    deadline,
    250,
    () => exited !== undefined,
  );
  if (!ready || exited !== undefined) {
    if (exited === undefined) child.kill('SIGKILL');
    process.removeListener('exit', onExit);
    fs.rmSync(pidFile, { force: true });
    const why = exited
      ? `it stopped (${exited})`
      : `it did not answer within ${Math.round((deadline - started) / 1000)} s`;
    throw new Error(
      `The embedded Temporal dev server could not start on ${address}: ${why}. ${logTail(logFile)} ` +
        `(full log: ${logFile}; is port ${opts.port} taken? set TEMPORAL_DEV_PORT, or TEMPORAL_ADDRESS for an existing server)`,
    );
  }
  opts.log.info(
    `Temporal dev server started in ${Date.now() - started} ms at ${address}${uiUrl ? `, UI ${uiUrl}` : ''}`,
  );

  return {
    address,
    uiUrl,
    reused: false,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (exited === undefined && pid !== undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exitedPromise;
        clearTimeout(timer);
      }
      fs.rmSync(pidFile, { force: true });
    },
  };
}
