import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker, type WorkflowBundle } from '@temporalio/worker';
import { loadConfig } from '../../server/src/config.js';
import type { Orm } from '../../server/src/db/orm.js';
import { TemporalInitiativeWorkflows } from '../../server/src/temporal/temporal-initiative-workflows.js';
import {
  initiativeWorkflowId,
  type InitiativeTimings,
} from '../../workflows/contracts/initiative.contract.js';
import { createWorker, getWorkflowBundle } from '../../workflows/worker.js';
import { createTestApi, silentLogger, type TestApi } from './graphql.js';

/** Remembers every initiative workflow it started, so a test can end them all. */
class TrackedInitiativeWorkflows extends TemporalInitiativeWorkflows {
  readonly started = new Set<string>();

  override start(initiativeId: string): Promise<'started' | 'already-started'> {
    this.started.add(initiativeId);
    return super.start(initiativeId);
  }
}

export interface WorkflowHarness {
  api: TestApi;
  workflows: TemporalInitiativeWorkflows;
  taskQueue: string;
  worker: Worker;
  stop(): Promise<void>;
}

let quiet = false;
/** Expected refusals would otherwise print worker warnings by the page. */
export function quietTemporalLogs(): void {
  if (quiet) return;
  quiet = true;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}

export function workflowBundle(): Promise<WorkflowBundle> {
  return getWorkflowBundle();
}

/**
 * The real API over a real database, whose initiative commands go to real workflows on the
 * given Temporal environment, run by a real worker on a task queue of its own.
 */
export async function startWorkflowHarness(
  env: TestWorkflowEnvironment,
  orm: Orm,
  bundle: WorkflowBundle,
  timings: Partial<InitiativeTimings> = {},
): Promise<WorkflowHarness> {
  const taskQueue = `hub-${randomUUID()}`;
  const workflows = new TrackedInitiativeWorkflows(env.client, { taskQueue, timings });
  // The API reads "now" from the test server, as the workflows do: due dates and overdue agree.
  const api = await createTestApi(
    orm,
    { initiatives: workflows },
    { now: () => env.currentTimeMs() },
  );
  const worker = await createWorker({
    orm,
    connection: env.nativeConnection,
    taskQueue,
    namespace: env.namespace ?? 'default',
    log: silentLogger,
    bundle,
    config: loadConfig({}),
  });
  const running = worker.run();
  return {
    api,
    workflows,
    taskQueue,
    worker,
    stop: async () => {
      // A workflow left waiting on a timer would hold the time-skipping server's clock still once
      // its worker is gone (its next task could never run): end them with the worker.
      await Promise.all(
        [...workflows.started].map((id) =>
          env.client.workflow
            .getHandle(initiativeWorkflowId(id))
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
      await api.stop();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

/** Polls until `ok` holds (or the deadline passes, returning the last value for the assertion). */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
