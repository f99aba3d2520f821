import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.js';

/**
 * v1.6+ carry `replace` directives in go.mod, which `go install pkg@version` rejects,
 * so this is the newest CLI that builds from source with a plain `go install`.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

type Env = NodeJS.ProcessEnv;

/** `${XDG_CACHE_HOME:-~/.cache}/cx-ops-hub/bin`: where the setup step builds the CLI. */
export function temporalCacheBinDir(env: Env = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'cx-ops-hub', 'bin');
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export interface FindCliOptions {
  /** `config.temporalCliPath` (TEMPORAL_CLI_PATH); wins over everything else. */
  explicitPath?: string | undefined;
  env?: Env;
}

/**
 * The `temporal` CLI to run the embedded dev server with: TEMPORAL_CLI_PATH, then PATH,
 * then the project cache. Undefined when none exists. An explicit path that is not an
 * executable is a configuration mistake and throws rather than silently falling back.
 */
export function findTemporalCli(opts: FindCliOptions = {}): string | undefined {
  const env = opts.env ?? process.env;
  const explicit = opts.explicitPath ?? (env.TEMPORAL_CLI_PATH?.trim() || undefined);
  if (explicit) {
    if (isExecutable(explicit)) return path.resolve(explicit);
    throw new Error(`TEMPORAL_CLI_PATH points to "${explicit}", which is not an executable file.`);
  }
  const cached = path.join(temporalCacheBinDir(env), 'temporal');
  return onPath('temporal', env) ?? (isExecutable(cached) ? cached : undefined);
}

function goBinary(env: Env): string | undefined {
  const found = onPath('go', env);
  if (found) return found;
  // The official tarball installs here and is often not on a non-login shell's PATH.
  return isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

export interface EnsureCliOptions extends FindCliOptions {
  log: Pick<Logger, 'info' | 'warn'>;
  /** How often to print "still building" while `go install` runs. */
  heartbeatMs?: number;
}

/**
 * Makes sure a `temporal` CLI exists: returns its path, building it into the project
 * cache with Go when missing (takes minutes the first time). Returns undefined when Go
 * is not installed either: the Temporal SDK then downloads the dev server itself on
 * first start (needs internet). Throws one sentence when the build fails.
 */
export async function ensureTemporalCli(opts: EnsureCliOptions): Promise<string | undefined> {
  const env = opts.env ?? process.env;
  const existing = findTemporalCli(opts);
  if (existing) {
    opts.log.info(`Temporal CLI: ${existing}`);
    return existing;
  }
  const go = goBinary(env);
  if (!go) {
    opts.log.warn(
      'Temporal CLI not found and Go is not installed: the Temporal SDK will download the dev server on first start ' +
        '(needs internet). To build it offline-ready instead, install Go 1.23+ and run `npm run setup` again, ' +
        'or set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a running Temporal.',
    );
    return undefined;
  }
  return buildWithGo(go, opts, env);
}

async function buildWithGo(go: string, opts: EnsureCliOptions, env: Env): Promise<string> {
  const binDir = temporalCacheBinDir(env);
  // Build into a scratch GOBIN and rename, so an interrupted build never leaves a half-written binary.
  const scratch = path.join(binDir, `.build-${process.pid}`);
  fs.mkdirSync(scratch, { recursive: true });
  const target = `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
  opts.log.info(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (takes a few minutes the first time)…`,
  );
  const started = Date.now();
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(go, ['install', target], {
        env: { ...env, GOBIN: scratch },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const tail: string[] = [];
      const onLine = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          if (!line.trim()) continue;
          tail.push(line);
          if (tail.length > 20) tail.shift();
          // `go: downloading …` lines are the useful progress; compiler noise only matters on failure.
          if (line.startsWith('go: downloading')) opts.log.info(`  ${line}`);
        }
      };
      child.stdout.on('data', onLine);
      child.stderr.on('data', onLine);
      const heartbeat = setInterval(
        () =>
          opts.log.info(
            `  still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)…`,
          ),
        opts.heartbeatMs ?? 20_000,
      );
      child.on('error', (err) => {
        clearInterval(heartbeat);
        reject(err);
      });
      child.on('close', (exitCode) => {
        clearInterval(heartbeat);
        if (exitCode !== 0) opts.log.warn(tail.join('\n'));
        resolve(exitCode);
      });
    });
    const built = path.join(scratch, 'temporal');
    if (code !== 0 || !isExecutable(built)) {
      throw new Error(
        `Building the Temporal CLI failed (go install ${target} exited with ${code}): check Go (1.23+) and access to ` +
          'the Go module proxy, or set TEMPORAL_CLI_PATH to an existing temporal binary, or set TEMPORAL_ADDRESS.',
      );
    }
    const final = path.join(binDir, 'temporal');
    fs.renameSync(built, final);
    opts.log.info(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${final}`);
    return final;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The CLI's own version line, e.g. for diagnostics; undefined when it cannot run. */
export function temporalCliVersion(cliPath: string): string | undefined {
  const result = spawnSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
