import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { installAtomically } from './atomic-install.js';
import { isExecutable, onPath, type Env } from './tool-paths.js';

/**
 * The fallback when PyPI is out of reach. v1.6+ carry `replace` directives in go.mod, which
 * `go install pkg@version` rejects, so this is the newest CLI that builds from source with a
 * plain `go install`; it reports its version as 0.0.0-DEV, and the next provisioning with pip
 * replaces it.
 */
export const GO_FALLBACK_CLI_VERSION = 'v1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export function goBinary(env: Env): string | undefined {
  const found = onPath('go', env);
  if (found) return found;
  // The official tarball installs here and is often not on a non-login shell's PATH.
  return isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

export interface GoBuildOptions {
  go: string;
  binDir: string;
  log: Pick<Logger, 'info' | 'warn'>;
  env: Env;
  /** How often to print "still building" while `go install` runs. */
  heartbeatMs?: number;
}

/** Builds the CLI with `go install` into `<binDir>/temporal` (minutes the first time). */
export async function buildCliWithGo(opts: GoBuildOptions): Promise<string> {
  const target = `${TEMPORAL_CLI_MODULE}@${GO_FALLBACK_CLI_VERSION}`;
  opts.log.info(
    `Building the Temporal CLI ${GO_FALLBACK_CLI_VERSION} with ${opts.go} (takes a few minutes the first time)…`,
  );
  const started = Date.now();
  // GOBIN is the scratch directory, so an interrupted build never leaves a half-written binary.
  const final = await installAtomically(path.join(opts.binDir, 'temporal'), async (scratch) => {
    const code = await goInstall(opts, target, scratch, started);
    const built = path.join(scratch, 'temporal');
    if (code !== 0 || !isExecutable(built)) {
      throw new Error(
        `Building the Temporal CLI failed (go install ${target} exited with ${code}): check Go (1.23+) and access to ` +
          'the Go module proxy, or set TEMPORAL_CLI_PATH to an existing temporal binary, or set TEMPORAL_ADDRESS.',
      );
    }
    return built;
  });
  opts.log.info(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${final}`);
  return final;
}

function goInstall(
  opts: GoBuildOptions,
  target: string,
  gobin: string,
  started: number,
): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(opts.go, ['install', target], {
      env: { ...opts.env, GOBIN: gobin },
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
}
