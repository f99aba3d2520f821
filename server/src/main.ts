/**
 * The composition root: configuration → database → Temporal → worker → reconciler → HTTP.
 * `npm start` runs it through `cli/start.ts`, which first prepares the toolchain.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { createHttpServer, type HubHttpServer } from './app.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { loadConfig, type HubConfig } from './config.js';
import { initORM, migrateUp, type Em, type Orm } from './db/orm.js';
import type { AppDeps } from './graphql/context.js';
import { createLogger, type Logger } from './logger.js';
import { startupSeeding } from './startup-seeding.js';
import type { DemoSignIn } from './demo/demo-sign-ins.js';
import { connectTemporal, type TemporalConnection } from './temporal/connection.js';
import { CircuitBreakingCollectStarter } from './temporal/circuit-breaker-starter.js';
import { DeferredCollectStarter } from './temporal/deferred-collect-starter.js';
import { DeferredInitiativeWorkflows } from './temporal/deferred-initiative-workflows.js';
import { ensureMaturityWorkflow } from './temporal/maturity-starter.js';
import { ensureParetoSchedule } from './temporal/pareto-starter.js';
import { ensureMonitorWorkflow } from './temporal/monitor-starter.js';
import { ensureMailDeliveryWorkflow } from './temporal/mail-starter.js';
import { TemporalInitiativeWorkflows } from './temporal/temporal-initiative-workflows.js';
import {
  DeferredSurveyWorkflows,
  TemporalSurveyWorkflows,
} from './temporal/temporal-survey-workflows.js';
import { WorkflowReconciler } from './temporal/workflow-reconciler.js';
import { DeferredWebhookStarter } from './temporal/deferred-webhook-starter.js';
import { TemporalWebhookStarter } from './temporal/temporal-webhook-starter.js';
import { WebhookDispatcher } from './modules/webhook/webhook-dispatcher.js';
import { DomainContext } from './domain/context.js';
import { systemViewer } from './auth/viewer.js';
import { TemporalCollectStarter } from './temporal/temporal-collect-starter.js';
import { createWorker } from '../../workflows/worker.js';

export interface RunningHub {
  url: string;
  graphqlUrl: string;
  temporalUiUrl: string | undefined;
  orm: Orm;
  /** Resolves once Temporal is connected (and the in-process worker runs, if enabled). */
  temporalReady: Promise<void>;
  /** The demo company's sign-ins, one per role (empty without the demo). */
  demoSignIns: DemoSignIn[];
  stop(): Promise<void>;
}

const TEMPORAL_RETRY_MS = 5_000;
const SHUTDOWN_DEADLINE_MS = 30_000;

async function connectWithRetry(
  config: HubConfig,
  log: Logger,
  isStopped: () => boolean,
): Promise<TemporalConnection | undefined> {
  for (;;) {
    try {
      return await connectTemporal(config, log);
    } catch (error) {
      // An embedded server that cannot start will not start on retry: that is fatal.
      if (!config.temporalAddress) throw error;
      log.warn(
        `${error instanceof Error ? error.message : String(error)}; retrying in ${TEMPORAL_RETRY_MS / 1000}s`,
      );
      await new Promise((resolve) => setTimeout(resolve, TEMPORAL_RETRY_MS));
      if (isStopped()) return undefined;
    }
  }
}

export async function startHub(
  config: HubConfig = loadConfig(),
  log: Logger = createLogger(config.logLevel),
): Promise<RunningHub> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const orm = await initORM({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  await migrateUp(orm);
  const demoSignIns = await startupSeeding(orm, config, log);

  const collect = new DeferredCollectStarter();
  const initiatives = new DeferredInitiativeWorkflows();
  const surveys = new DeferredSurveyWorkflows();
  const webhooks = new DeferredWebhookStarter();
  const signInThrottle = new SignInThrottle(config.auth.signInsPerAddress);
  // Requests skip Temporal for a while after it failed; the reconciler keeps probing it directly.
  const deps: AppDeps = {
    orm,
    config,
    collect: new CircuitBreakingCollectStarter(collect, config.reconcileIntervalMs),
    initiatives,
    log,
    signInThrottle,
    surveys,
    webhooks,
  };
  // Audit-trail events become webhook deliveries once Temporal can run them.
  const webhookDispatcher = new WebhookDispatcher(
    () => new DomainContext(deps, orm.em.fork() as Em, systemViewer),
    webhooks,
    log,
  );
  const reconciler = new WorkflowReconciler({ orm, collect, initiatives, surveys, log });
  let temporal: TemporalConnection | undefined;
  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let stopped = false;

  // Feedback is accepted while Temporal is still starting; the reconciler catches up.
  const temporalReady = (async () => {
    temporal = await connectWithRetry(config, log, () => stopped);
    if (!temporal || stopped) return;
    collect.attach(
      new TemporalCollectStarter(temporal.client, { taskQueue: config.temporalTaskQueue }),
    );
    initiatives.attach(
      new TemporalInitiativeWorkflows(temporal.client, {
        taskQueue: config.temporalTaskQueue,
        timings: config.initiativeTimings,
      }),
    );
    surveys.attach(
      new TemporalSurveyWorkflows(temporal.client, { taskQueue: config.temporalTaskQueue }),
    );
    webhooks.attach(
      new TemporalWebhookStarter(temporal.client, {
        taskQueue: config.temporalTaskQueue,
        settings: config.webhooks,
      }),
    );
    if (config.runWorker) {
      worker = await createWorker({
        orm,
        connection: temporal.connection,
        taskQueue: config.temporalTaskQueue,
        namespace: config.temporalNamespace,
        log,
        bundlePath: config.workflowBundlePath,
        // Activities get the same ports as requests, so services behave alike in both.
        config,
        collect: deps.collect,
      });
      workerRun = worker.run().catch((error: unknown) => {
        log.error(
          `Temporal worker stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    await ensureMaturityWorkflow(temporal.client, {
      taskQueue: config.temporalTaskQueue,
      timings: config.maturityTimings,
    }).catch((error: unknown) =>
      log.warn(
        `Maturity workflow not started: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    await ensureParetoSchedule(temporal.client, {
      taskQueue: config.temporalTaskQueue,
      initiativeTimings: config.initiativeTimings,
    }).catch((error: unknown) =>
      log.warn(
        `Pareto schedule not started: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    await ensureMonitorWorkflow(temporal.client, {
      taskQueue: config.temporalTaskQueue,
      timings: config.monitorTimings,
    }).catch((error: unknown) =>
      log.warn(
        `Monitor workflow not started: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    // Without an SMTP server the outbox keeps its rows PENDING until one is configured.
    if (config.mail.smtp) {
      await ensureMailDeliveryWorkflow(temporal.client, {
        taskQueue: config.temporalTaskQueue,
        timings: config.mail.timings,
      }).catch((error: unknown) =>
        log.warn(
          `Mail delivery not started: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    reconciler.start(config.reconcileIntervalMs);
    webhookDispatcher.start(config.webhooks.pollMs);
  })();

  let http: HubHttpServer | undefined;
  try {
    http = await createHttpServer(deps);
    const port = await http.listen(config.port, config.host);
    const url = `http://${config.host}:${port}`;
    return {
      url,
      graphqlUrl: `${url}/graphql`,
      get temporalUiUrl() {
        return temporal?.uiUrl;
      },
      orm,
      temporalReady,
      demoSignIns,
      stop: async () => {
        stopped = true;
        const began = Date.now();
        await http?.close();
        await reconciler.stop();
        await webhookDispatcher.stop();
        await temporalReady.catch(() => undefined);
        if (worker && worker.getState() === 'RUNNING') worker.shutdown();
        await workerRun;
        await temporal?.close();
        await orm.close();
        log.info(`Stopped in ${Date.now() - began} ms`);
      },
    };
  } catch (error) {
    stopped = true;
    await http?.close();
    await orm.close();
    throw error;
  }
}

/** Runs the hub until SIGINT/SIGTERM, printing where everything is. */
export async function runHubFromCli(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // This process owns SIGINT/SIGTERM (stopping HTTP before the worker); the SDK logs warnings only.
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'WARN'),
  });
  const hub = await startHub(config, log);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    // A stop that cannot finish (e.g. an unreachable Temporal) must not keep the process alive.
    setTimeout(() => {
      log.error(`Shutdown did not finish in ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    hub.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await hub.temporalReady;
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    await hub.stop();
    process.exit(1);
  }
  const lines = [
    'CX Ops Hub is running',
    `  App:         ${hub.url}/`,
    `  GraphQL:     ${hub.graphqlUrl}`,
    `  Temporal UI: ${hub.temporalUiUrl ?? '(external cluster: see your Temporal deployment)'}`,
    `  Database:    ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqlitePath}`,
    ...signInLines(hub.demoSignIns),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const ROLE_NAMES: Record<string, string> = {
  CX_ADMIN: 'CX admin',
  CX_MANAGER: 'CX manager',
  DEPARTMENT_MEMBER: 'Department member',
  COUNCIL_MEMBER: 'Council member',
};

/** The demo's sign-ins, for the banner: a newcomer can try every role at once. */
function signInLines(signIns: DemoSignIn[]): string[] {
  if (signIns.length === 0) return [];
  const width = Math.max(...signIns.map((s) => s.email.length));
  return [
    '  Sign in (demo company; these passwords are public, keep the hub on a trusted network):',
    ...signIns.map(
      (s) =>
        `    ${(ROLE_NAMES[s.role] ?? s.role).padEnd(18)} ${s.email.padEnd(width)}  ${s.password}`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runHubFromCli();
}
