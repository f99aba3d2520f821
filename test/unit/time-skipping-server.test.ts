import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ensureTimeSkippingServer,
  findTimeSkippingServer,
  testServerPom,
  testServerWrapper,
  timeSkippingServerDir,
} from '../../server/src/temporal/time-skipping-server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(name = 'cx-test-server-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
  dirs.push(dir);
  return dir;
}

function writeScript(file: string, body: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\nPATH=/usr/bin:/bin\n${body}\n`, { mode: 0o755 });
}

/** Fake java and mvn: mvn writes a classpath of two jars that exist; java prints its arguments. */
function fakeJdk(root: string, mvnBody?: string): string {
  const bin = path.join(root, 'path');
  const jars = [path.join(root, 'm2', 'a.jar'), path.join(root, 'm2', 'b.jar')];
  for (const jar of jars) {
    fs.mkdirSync(path.dirname(jar), { recursive: true });
    fs.writeFileSync(jar, '');
  }
  writeScript(path.join(bin, 'java'), 'for arg in "$@"; do echo "$arg"; done');
  writeScript(
    path.join(bin, 'mvn'),
    mvnBody ??
      `for arg in "$@"; do
  case "$arg" in -Dmdep.outputFile=*) printf '%s' '${jars.join(':')}' > "\${arg#-Dmdep.outputFile=}";; esac
done`,
  );
  return bin;
}

describe('The time-skipping test server wrapper', () => {
  it('runs the TestServer class on the classpath file, passing the arguments through', () => {
    const root = tempDir("cx-it's a dir ");
    const bin = fakeJdk(root);
    const classpathFile = path.join(root, 'cp.txt');
    fs.writeFileSync(classpathFile, '/m2/a.jar:/m2/b.jar');
    const wrapper = path.join(root, 'temporal-test-server');
    fs.writeFileSync(wrapper, testServerWrapper(classpathFile), { mode: 0o755 });

    const run = spawnSync(wrapper, ['7233', '--enable-time-skipping'], {
      // The fake java first; the real `cat` the wrapper reads the classpath with after it.
      env: { PATH: `${bin}:/usr/bin:/bin` },
      encoding: 'utf8',
    });
    expect(run.stdout.trim().split('\n')).toEqual([
      '-cp',
      '/m2/a.jar:/m2/b.jar',
      'io.temporal.testserver.TestServer',
      '7233',
      '--enable-time-skipping',
    ]);
  });

  it('is a plain sh script that execs java, so signals reach the JVM', () => {
    const script = testServerWrapper('/cache/cp.txt');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(
      `exec java -cp "$(cat '/cache/cp.txt')" io.temporal.testserver.TestServer "$@"`,
    );
  });

  it('resolves exactly the pinned Maven artifact', () => {
    const pom = testServerPom('io.temporal:temporal-test-server:1.31.0');
    expect(pom).toContain('<groupId>io.temporal</groupId>');
    expect(pom).toContain('<artifactId>temporal-test-server</artifactId>');
    expect(pom).toContain('<version>1.31.0</version>');
  });
});

describe('Provisioning the time-skipping test server', () => {
  it('writes pom, classpath and wrapper into the project cache and then reuses them', async () => {
    const root = tempDir();
    const env = { PATH: fakeJdk(root), XDG_CACHE_HOME: path.join(root, 'cache') };
    expect(findTimeSkippingServer(env)).toBeUndefined();

    const wrapper = await ensureTimeSkippingServer({ env, log: { info: () => undefined } });
    const dir = timeSkippingServerDir(env);
    expect(wrapper).toBe(path.join(dir, 'temporal-test-server'));
    expect(fs.readdirSync(dir).sort()).toEqual(['cp.txt', 'pom.xml', 'temporal-test-server']);
    expect(findTimeSkippingServer(env)).toBe(wrapper);

    // mvn gone: the provisioned wrapper must still be found without running it.
    const reused = await ensureTimeSkippingServer({
      env: { ...env, PATH: path.join(root, 'nowhere') },
      log: { info: () => undefined },
    });
    expect(reused).toBe(wrapper);
  });

  it('treats the wrapper as stale once a jar of its classpath was deleted from ~/.m2', async () => {
    const root = tempDir();
    const env = { PATH: fakeJdk(root), XDG_CACHE_HOME: path.join(root, 'cache') };
    await ensureTimeSkippingServer({ env, log: { info: () => undefined } });
    fs.rmSync(path.join(root, 'm2', 'b.jar'));
    expect(findTimeSkippingServer(env)).toBeUndefined();
  });

  it('names java and the command to run again when java is missing', async () => {
    const root = tempDir();
    const bin = fakeJdk(root);
    fs.rmSync(path.join(bin, 'java'));
    await expect(
      ensureTimeSkippingServer({
        env: { PATH: bin, XDG_CACHE_HOME: path.join(root, 'cache') },
        log: { info: () => undefined },
      }),
    ).rejects.toThrow(/^java is not installed.*java \(17\+\) and mvn.*npm run setup/);
  });

  it('leaves no wrapper behind when mvn fails, and says why in one line', async () => {
    const root = tempDir();
    const bin = fakeJdk(
      root,
      'echo "[ERROR] Failed to execute goal: Could not resolve dependencies"; echo "[ERROR] -> [Help 1]"; exit 1',
    );
    const env = { PATH: bin, XDG_CACHE_HOME: path.join(root, 'cache') };
    await expect(ensureTimeSkippingServer({ env, log: { info: () => undefined } })).rejects.toThrow(
      'mvn could not resolve io.temporal:temporal-test-server:1.31.0 (Failed to execute goal: Could not resolve dependencies)',
    );
    expect(fs.readdirSync(timeSkippingServerDir(env))).toEqual(['pom.xml']);
  });
});
