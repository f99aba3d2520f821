/**
 * `npx tsx server/src/cli/ensure-chromium.ts` — makes sure Debian's Chromium is installed for the
 * browser tests. We never download a browser build of our own (playwright-core drives the
 * distribution's `/usr/bin/chromium`); when it is missing and we are root, `apt-get install` it.
 * Prints the path; exits 1 with one sentence when it cannot. Called by `npm run setup`.
 *
 * CX_CHROMIUM_PATH overrides the executable (e.g. a Chromium installed elsewhere).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const say = (line: string) => console.log(`chromium: ${line}`);

// Keep in step with test/helpers/browser.ts, which looks in the same place.
function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CX_CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`,
    );
  }
}

function ensureChromium(): string {
  const executable = chromiumPath();
  if (fs.existsSync(executable)) return executable;
  if (process.env.CX_CHROMIUM_PATH?.trim()) {
    throw new Error(`CX_CHROMIUM_PATH is ${executable}, but no such file exists.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'Chromium is missing and installing it needs root: run `sudo apt-get install -y chromium`.',
    );
  }
  say("not found; installing Debian's chromium package (about a minute)");
  // The package lists may be absent on a fresh machine; a failed update is not fatal if the install works.
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!fs.existsSync(executable))
    throw new Error(`apt-get installed chromium, but ${executable} is still missing.`);
  return executable;
}

try {
  say(ensureChromium());
} catch (err) {
  console.error(`chromium: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
