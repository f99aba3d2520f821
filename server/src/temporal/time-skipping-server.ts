import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { installAtomically, writeFileAtomically } from './atomic-install.js';
import { isExecutable, reasonLine, onPath, projectCacheDir, type Env } from './tool-paths.js';

/**
 * The Java time-skipping test server from Maven Central: workflow tests with day-long timers
 * finish in seconds of wall time. The Temporal CLI's dev server cannot skip time.
 */
export const TEST_SERVER_ARTIFACT = 'io.temporal:temporal-test-server:1.31.0';
const WRAPPER = 'temporal-test-server';
const CLASSPATH = 'cp.txt';

/** `<project cache>/temporal-test-server`: pom, classpath file and wrapper script. */
export function timeSkippingServerDir(env: Env = process.env): string {
  return path.join(projectCacheDir(env), 'temporal-test-server');
}

/** A one-dependency pom, so `mvn dependency:build-classpath` resolves the server and its jars. */
export function testServerPom(artifact: string = TEST_SERVER_ARTIFACT): string {
  const [groupId, artifactId, version] = artifact.split(':');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by \`npm run setup\` (CX Ops Hub) to resolve the classpath of the Temporal test server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.cx-ops-hub</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${groupId}</groupId>
      <artifactId>${artifactId}</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** Single-quotes a path for sh, so spaces and quotes in a home directory survive. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The wrapper: runs the server on the JVM with the jars mvn resolved into ~/.m2. */
export function testServerWrapper(classpathFile: string): string {
  return [
    '#!/bin/sh',
    `# Written by \`npm run setup\` (CX Ops Hub): ${TEST_SERVER_ARTIFACT} on the JVM.`,
    `exec java -cp "$(cat ${shellQuote(classpathFile)})" io.temporal.testserver.TestServer "$@"`,
    '',
  ].join('\n');
}

/**
 * The wrapper script when it is provisioned and every jar of its classpath still exists (a
 * cleaned ~/.m2 makes it stale); undefined otherwise. Never provisions anything.
 */
export function findTimeSkippingServer(env: Env = process.env): string | undefined {
  const dir = timeSkippingServerDir(env);
  const wrapper = path.join(dir, WRAPPER);
  if (!isExecutable(wrapper)) return undefined;
  let jars: string[];
  try {
    jars = fs.readFileSync(path.join(dir, CLASSPATH), 'utf8').trim().split(path.delimiter);
  } catch {
    return undefined;
  }
  return jars.length > 0 && jars.every((jar) => jar && fs.existsSync(jar)) ? wrapper : undefined;
}

export interface TimeSkippingServerOptions {
  log: Pick<Logger, 'info'>;
  env?: Env;
}

/**
 * Returns the wrapper script of the time-skipping test server, provisioning it when missing or
 * stale: a pom in the project cache, `mvn dependency:build-classpath` (jars land in ~/.m2; about
 * 5 s when they are cached), then `cp.txt` and the wrapper, each renamed into place. Throws one
 * sentence naming what is missing (java, mvn) or which step failed.
 */
export async function ensureTimeSkippingServer(opts: TimeSkippingServerOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const found = findTimeSkippingServer(env);
  if (found) return found;
  for (const tool of ['java', 'mvn']) {
    if (!onPath(tool, env)) {
      throw new Error(
        `${tool} is not installed, and the time-skipping test server for the workflow tests needs ` +
          'java (17+) and mvn: install them (e.g. `sudo apt-get install -y openjdk-17-jre-headless maven`) ' +
          'and run `npm run setup` again.',
      );
    }
  }
  const dir = timeSkippingServerDir(env);
  const started = Date.now();
  opts.log.info(
    `Resolving ${TEST_SERVER_ARTIFACT} with mvn (downloads into ~/.m2 the first time)…`,
  );
  writeFileAtomically(path.join(dir, 'pom.xml'), testServerPom());
  const classpathFile = path.join(dir, CLASSPATH);
  await installAtomically(classpathFile, (scratch) => {
    const output = path.join(scratch, CLASSPATH);
    const mvn = spawnSync(
      'mvn',
      ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${output}`],
      { cwd: dir, env, encoding: 'utf8', timeout: 600_000 },
    );
    if (mvn.status !== 0 || !fs.existsSync(output)) {
      const why =
        mvn.error?.message ?? (reasonLine(mvn.stdout + mvn.stderr) || `exit ${mvn.status}`);
      throw new Error(
        `mvn could not resolve ${TEST_SERVER_ARTIFACT} (${why}): check access to Maven Central ` +
          `(or your ~/.m2/settings.xml mirror) and run \`npm run setup\` again.`,
      );
    }
    return output;
  });
  const wrapper = path.join(dir, WRAPPER);
  writeFileAtomically(wrapper, testServerWrapper(classpathFile), 0o755);
  opts.log.info(
    `Time-skipping test server ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${wrapper}`,
  );
  return wrapper;
}
