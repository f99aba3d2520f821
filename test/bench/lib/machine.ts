import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * Pinning: on a machine with at least two cores the server under test runs on core 0 and the
 * load generator on core 1 (`taskset`), so the two do not take turns on one core. Without
 * `taskset` or with one core nothing is pinned, and the results say so.
 */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

let tasksetFound: boolean | undefined;
export function canPin(): boolean {
  if (tasksetFound === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      tasksetFound = os.cpus().length >= 2;
    } catch {
      tasksetFound = false;
    }
  }
  return tasksetFound;
}

/** `[command, args]` run on `core` when pinning is possible. */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return canPin() ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

/**
 * Moves a running process, every thread of it, onto `cores` ("0", "0,1"); threads it starts
 * later inherit that. Returns false when nothing can be pinned.
 */
export function placeProcess(pid: number, cores: string): boolean {
  if (!canPin()) return false;
  execFileSync('taskset', ['-a', '-pc', cores, String(pid)], { stdio: 'ignore' });
  return true;
}

/** Pins this process (and the threads it starts later) to `core`, when possible. */
export function pinSelf(core: number): boolean {
  return placeProcess(process.pid, String(core));
}

function versionOf(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]!
      .trim();
  } catch {
    return undefined;
  }
}

/** One line saying what the figures were measured on. */
export function describeMachine(extra: { postgres?: string; temporal?: string } = {}): string {
  const cpus = os.cpus();
  const parts = [
    `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    extra.postgres ?? versionOf('psql', ['--version']),
    extra.temporal,
    canPin()
      ? `taskset: servers under load on core ${SERVER_CORE}, load generators on core ${LOAD_CORE}`
      : 'no pinning (taskset missing or one core)',
  ];
  return parts.filter(Boolean).join(', ');
}
