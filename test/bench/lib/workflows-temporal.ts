/**
 * The Temporal CLI dev server as the hub runs it (`temporal server start-dev`, state in a SQLite
 * file), started pinned to the server core for the workflows benchmark, on a free port.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findTemporalCli } from '../../../server/src/temporal/cli-binary.js';
import { temporalAnswers } from '../../../server/src/temporal/dev-server.js';
import { pinned, SERVER_CORE } from './machine.js';

export interface BenchTemporal {
  address: string;
  pid: number;
  version: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startBenchTemporal(dataDir: string): Promise<BenchTemporal> {
  const cli = findTemporalCli();
  if (!cli) throw new Error('The Temporal CLI is missing: run `npm run setup`.');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'temporal.log');
  const out = fs.openSync(logFile, 'a');
  const [cmd, args] = pinned(SERVER_CORE, cli, [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--headless',
    '--db-filename',
    path.join(dataDir, 'temporal.sqlite'),
    '--namespace',
    'default',
    '--log-level',
    'warn',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void gone.then(() => (exited = true));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const deadline = Date.now() + 60_000;
  while (!(await temporalAnswers(address, 'default', 1000))) {
    if (exited || Date.now() > deadline) {
      kill();
      throw new Error(`Temporal did not start: ${fs.readFileSync(logFile, 'utf8').slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  let version = 'temporal CLI';
  try {
    const { execFileSync } = await import('node:child_process');
    version = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    // the version is only for the machine's description
  }
  return {
    address,
    pid: child.pid!,
    version,
    stop: async () => {
      process.removeListener('exit', kill);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
