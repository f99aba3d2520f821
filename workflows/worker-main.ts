/**
 * `npm run worker` — a standalone Temporal worker for deployments that run workers apart
 * from the API (set CX_RUN_WORKER=false on the API). Needs TEMPORAL_ADDRESS: the embedded
 * dev server belongs to the API process. Does not migrate: the API does.
 */
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../server/src/config.js';
import { initORM } from '../server/src/db/orm.js';
import type { Logger } from '../server/src/logger.js';
import { createWorker } from './worker.js';

const log: Logger = {
  info: (message, extra) => console.log(`worker: ${message}`, extra ?? ''),
  warn: (message, extra) => console.warn(`worker: ${message}`, extra ?? ''),
  error: (message, extra) => console.error(`worker: ${message}`, extra ?? ''),
};

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.temporalAddress) {
    throw new Error(
      'TEMPORAL_ADDRESS is not set: a standalone worker needs a Temporal server to poll (e.g. TEMPORAL_ADDRESS=127.0.0.1:7233). ' +
        'Without it, `npm start` runs the worker inside the API process.',
    );
  }
  const orm = await initORM({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await createWorker({
      orm,
      connection,
      taskQueue: config.temporalTaskQueue,
      namespace: config.temporalNamespace,
      log,
      bundlePath: config.workflowBundlePath,
      config,
    });
    log.info(`polling task queue ${config.temporalTaskQueue} on ${config.temporalAddress}`);
    // Resolves after SIGINT/SIGTERM: the Temporal runtime shuts the worker down on those signals.
    await worker.run();
  } finally {
    await connection.close();
    await orm.close();
  }
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
