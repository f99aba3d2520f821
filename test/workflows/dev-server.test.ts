import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { findTemporalCli } from '../../server/src/temporal/cli-binary.js';
import { connectTemporal } from '../../server/src/temporal/connection.js';
import {
  isProcessAlive,
  startDevServer,
  temporalAnswers,
} from '../../server/src/temporal/dev-server.js';

const quiet = { info: () => undefined, warn: () => undefined };
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-temporal-'));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function exitsSoon(pid: number): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (isProcessAlive(pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return !isProcessAlive(pid);
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Finding the Temporal CLI', () => {
  it('prefers an explicit path and rejects one that is not an executable', () => {
    const cli = findTemporalCli();
    expect(cli).toBeDefined();
    expect(findTemporalCli({ explicitPath: cli })).toBe(cli);
    expect(() => findTemporalCli({ explicitPath: '/nonexistent/temporal' })).toThrow(
      /not an executable/,
    );
  });

  it('looks in the project cache under XDG_CACHE_HOME when the CLI is not on PATH', () => {
    const cache = tempDir();
    const bin = path.join(cache, 'cx-ops-hub', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    expect(findTemporalCli({ env: { PATH: '', XDG_CACHE_HOME: cache } })).toBeUndefined();
    fs.writeFileSync(path.join(bin, 'temporal'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findTemporalCli({ env: { PATH: '', XDG_CACHE_HOME: cache } })).toBe(
      path.join(bin, 'temporal'),
    );
  });
});

describe('The embedded Temporal dev server', () => {
  it('starts with its state in the data directory, answers, and stops cleanly', async () => {
    const dataDir = tempDir();
    const temporal = await connectTemporal(
      {
        temporalAddress: undefined,
        temporalNamespace: 'default',
        temporalCliPath: undefined,
        dataDir,
        temporalDevPort: await freePort(),
        temporalUiPort: await freePort(),
      },
      quiet,
    );
    expect(temporal.embedded).toBe(true);
    expect(temporal.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'temporal-dev.pid'), 'utf8')) as {
      pid: number;
    };
    expect(isProcessAlive(pid)).toBe(true);
    await temporal.client.workflowService.describeNamespace({ namespace: 'default' });
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);

    await temporal.close();
    expect(await exitsSoon(pid)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'temporal-dev.pid'))).toBe(false);
  });

  it('reuses the server a SIGKILLed earlier run left behind instead of failing on the busy port', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    // node with the tsx loader, not the tsx wrapper: SIGKILL must hit the process that owns the server.
    const hub = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'fixtures', 'dev-server-child.ts'),
        dataDir,
        String(port),
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: projectRoot },
    );
    await new Promise<void>((resolve, reject) => {
      hub.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      hub.once('exit', (code) => reject(new Error(`the child hub exited with ${code}`)));
    });
    hub.kill('SIGKILL');
    await new Promise((resolve) => hub.once('exit', resolve));
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'temporal-dev.pid'), 'utf8')) as {
      pid: number;
    };
    expect(isProcessAlive(pid)).toBe(true);

    const server = await startDevServer({
      cliPath: findTemporalCli()!,
      dataDir,
      port,
      uiPort: 0,
      namespace: 'default',
      log: quiet,
    });
    expect(server.reused).toBe(true);
    expect(await temporalAnswers(server.address, 'default', 2000)).toBe(true);
    await server.stop();
    expect(await exitsSoon(pid)).toBe(true);
  });

  it('explains a port taken by another program in one message', async () => {
    // Accepts connections and never answers, like an unrelated program on the port.
    const sockets = new Set<net.Socket>();
    const blocker = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(
        startDevServer({
          cliPath: findTemporalCli()!,
          dataDir: tempDir(),
          port,
          uiPort: 0,
          namespace: 'default',
          log: quiet,
          startTimeoutMs: 15_000,
        }),
      ).rejects.toThrow(
        new RegExp(`could not start on 127\\.0\\.0\\.1:${port}.*TEMPORAL_DEV_PORT`, 's'),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
