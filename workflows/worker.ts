import fs from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  Worker,
  type NativeConnection,
  type WorkflowBundle,
} from '@temporalio/worker';
import type { Logger } from '../server/src/logger.js';
import type { ActivityDeps } from './activities/activity-context.js';
import { createCollectActivities } from './activities/collect.activities.js';
import { createInitiativeActivities } from './activities/initiative.activities.js';
import { createMaturityActivities } from './activities/maturity.activities.js';
import { createParetoActivities } from './activities/pareto.activities.js';
import { createMonitorActivities } from './activities/monitor.activities.js';
import { createSurveyActivities } from './activities/survey.activities.js';
import { createCaseActivities } from './activities/case.activities.js';
import { createWebhookActivities } from './activities/webhook.activities.js';
import { createMailActivities } from './activities/mail.activities.js';

const workflowsPath = path.join(import.meta.dirname, 'index.ts');

let cachedBundle: Promise<WorkflowBundle> | undefined;

export interface BundleOptions {
  /** A bundle written earlier by `bundleWorkflowCode` (e.g. at build time); skips bundling. */
  prebuiltPath?: string | undefined;
  log?: Pick<Logger, 'info'>;
}

/**
 * The workflow code bundle, built once per process: bundling with webpack takes seconds,
 * and tests and the API start several workers.
 */
export function getWorkflowBundle(opts: BundleOptions = {}): Promise<WorkflowBundle> {
  if (opts.prebuiltPath) {
    if (!fs.existsSync(opts.prebuiltPath)) {
      return Promise.reject(
        new Error(`The prebuilt workflow bundle ${opts.prebuiltPath} does not exist.`),
      );
    }
    return Promise.resolve({ code: fs.readFileSync(opts.prebuiltPath, 'utf8') });
  }
  cachedBundle ??= (async () => {
    const started = Date.now();
    const bundle = await bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
    opts.log?.info(`workflow code bundled in ${Date.now() - started} ms`);
    return bundle;
  })();
  // A failed bundle is not cached, so a later call can try again.
  cachedBundle.catch(() => {
    cachedBundle = undefined;
  });
  return cachedBundle;
}

/** Writes the bundle to a file, for `prebuiltPath` in deployments that must not bundle at start. */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
}

// The bundler reports every module at info level; only problems are worth showing.
const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};

/** The worker's own settings plus the dependencies its activities are built over. */
export interface CreateWorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  taskQueue: string;
  namespace: string;
  bundle?: WorkflowBundle;
  /** Prebuilt bundle file (see `writeWorkflowBundle`); ignored when `bundle` is given. */
  bundlePath?: string | undefined;
}

/** A worker for every hub workflow and activity; call `run()` on it and `shutdown()` to stop. */
export async function createWorker(opts: CreateWorkerOptions): Promise<Worker> {
  const workflowBundle =
    opts.bundle ?? (await getWorkflowBundle({ prebuiltPath: opts.bundlePath, log: opts.log }));
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle,
    activities: (() => {
      const deps = {
        orm: opts.orm,
        log: opts.log,
        config: opts.config,
        collect: opts.collect,
        clock: opts.clock,
        coverageInvites: opts.coverageInvites,
        mail: opts.mail,
      };
      return {
        ...createCollectActivities(deps),
        ...createInitiativeActivities(deps),
        ...createMaturityActivities(deps),
        ...createParetoActivities(deps),
        ...createMonitorActivities(deps),
        ...createSurveyActivities(deps),
        ...createCaseActivities(deps),
        ...createWebhookActivities(deps),
        ...createMailActivities(deps),
      };
    })(),
    // Running activities get this long to finish on shutdown (SIGINT/SIGTERM or worker.shutdown()).
    shutdownGraceTime: '10 seconds',
    // Never hang on shutdown (e.g. Temporal already gone): give up after this and let the process exit.
    shutdownForceTime: '20 seconds',
  });
}
