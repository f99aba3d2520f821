import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { allocateHubPorts, eventually, startHubProcess } from '../helpers/hub-process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-stop-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('stops cleanly, embedded Temporal included, on Ctrl-C sent to its whole process group', async () => {
  const hub = startHubProcess(
    { CX_DATA_DIR: dataDir, CX_SEED_DEMO: 'false' },
    await allocateHubPorts(),
    120_000,
    true,
  );
  await hub.ready;
  const devServer = JSON.parse(fs.readFileSync(path.join(dataDir, 'temporal-dev.pid'), 'utf8')) as {
    pid: number;
  };
  expect(alive(devServer.pid)).toBe(true);

  const began = Date.now();
  // A terminal delivers Ctrl-C to every process of the foreground group at once.
  process.kill(-hub.proc.pid!, 'SIGINT');
  expect(await hub.kill('SIGINT')).toBe(0);
  expect(Date.now() - began).toBeLessThan(15_000);
  expect(hub.output()).toMatch(/Stopped in \d+ ms/);
  await eventually(async () => (alive(devServer.pid) ? undefined : true), 10_000);
});
