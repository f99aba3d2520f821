import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundle,
} from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeSkippingEnv } from '../helpers/temporal-env.js';
import { LONG_TIMER_DAYS, sleepForDays } from './fixtures/long-timer.workflow.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const quiet = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;

beforeAll(async () => {
  // The worker logs its state changes, and warns that this fixture has no activities.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  [env, bundle] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflowCode({
      workflowsPath: path.join(import.meta.dirname, 'fixtures', 'long-timer.workflow.ts'),
      logger: quiet,
    }),
  ]);
});

afterAll(async () => {
  await env?.teardown();
});

describe('The time-skipping test environment', () => {
  it('runs a workflow that sleeps three days to completion by skipping test time', async () => {
    const taskQueue = `time-skipping-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
    });
    const before = await env.currentTimeMs();

    const result = await worker.runUntil(
      env.client.workflow.execute(sleepForDays, { taskQueue, workflowId: randomUUID() }),
    );

    expect(result).toBe(`woke up after ${LONG_TIMER_DAYS} days`);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(LONG_TIMER_DAYS * DAY_MS);
  });
});
