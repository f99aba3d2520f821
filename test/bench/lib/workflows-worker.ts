/**
 * The worker process of the workflows benchmark: `createWorker` (as `npm run worker` builds it)
 * over the hub's database and Temporal, started by the scenario pinned to the server core.
 * It answers the scenario over IPC: `memory` (RSS and heap after a GC, the worker's cache size
 * and setting), `baseline` (a second worker for the trivial baseline workflow on its own task
 * queue, started only after memory was measured), `stop`.
 * Env: CX_DATA_DIR (the SQLite database), TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE,
 * BENCH_BASELINE_QUEUE.
 */
import path from 'node:path';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import { loadConfig } from '../../../server/src/config.js';
import { initORM } from '../../../server/src/db/orm.js';
import type { Logger } from '../../../server/src/logger.js';
import { createWorker } from '../../../workflows/worker.js';

export interface WorkerMemory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  cached: number;
  maxCachedWorkflows: number;
}

export type WorkerRequest = { id: number; kind: 'memory' | 'baseline' | 'stop' };
export type WorkerReply =
  { id: number; ok: true; memory?: WorkerMemory } | { id: number; ok: false; error: string };
export type WorkerHello = { ready: true; maxCachedWorkflows: number };

const quiet: Logger = {
  info() {},
  warn: (m) => console.warn(`worker: ${m}`),
  error: (m) => console.error(`worker: ${m}`),
};
const MB = 2 ** 20;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = loadConfig();
  const orm = await initORM({ sqlitePath: config.sqlitePath });
  const connection = await NativeConnection.connect({ address: config.temporalAddress! });
  const worker = await createWorker({
    orm,
    connection,
    taskQueue: config.temporalTaskQueue,
    namespace: config.temporalNamespace,
    log: quiet,
    config,
  });
  const running = worker.run();
  let baseline: { worker: Worker; running: Promise<void> } | undefined;

  const memory = (): WorkerMemory => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return {
      rssMb: m.rss / MB,
      heapUsedMb: m.heapUsed / MB,
      externalMb: m.external / MB,
      cached: worker.getStatus().numCachedWorkflows,
      maxCachedWorkflows: worker.options.maxCachedWorkflows,
    };
  };

  process.on('message', (msg: WorkerRequest) => {
    void (async () => {
      try {
        if (msg.kind === 'memory') {
          process.send!({ id: msg.id, ok: true, memory: memory() } satisfies WorkerReply);
        } else if (msg.kind === 'baseline') {
          if (!baseline) {
            const bundle = await bundleWorkflowCode({
              workflowsPath: path.join(import.meta.dirname, 'workflows-trivial.workflow.ts'),
              logger: {
                log() {},
                trace() {},
                debug() {},
                info() {},
                warn() {},
                error: console.error,
              },
            });
            const w = await Worker.create({
              connection,
              namespace: config.temporalNamespace,
              taskQueue: process.env.BENCH_BASELINE_QUEUE ?? 'bench-baseline',
              workflowBundle: bundle,
            });
            baseline = { worker: w, running: w.run() };
          }
          process.send!({ id: msg.id, ok: true } satisfies WorkerReply);
        } else {
          process.send!({ id: msg.id, ok: true, memory: memory() } satisfies WorkerReply);
          for (const w of [worker, baseline?.worker]) if (w?.getState() === 'RUNNING') w.shutdown();
          await Promise.all([running, baseline?.running]);
          await connection.close();
          await orm.close();
          process.disconnect();
        }
      } catch (err) {
        process.send!({ id: msg.id, ok: false, error: String(err) } satisfies WorkerReply);
      }
    })();
  });
  process.send!({
    ready: true,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
  } satisfies WorkerHello);
}

main().catch((err: unknown) => {
  console.error('worker:', err);
  process.exit(1);
});
