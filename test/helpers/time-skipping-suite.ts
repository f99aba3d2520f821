import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { createTimeSkippingEnv } from './temporal-env.js';
import { quietTemporalLogs, workflowBundle } from './workflow-harness.js';

/** What a workflow test file shares: one time-skipping server and the workflow bundle. */
export interface TimeSkippingSuite {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundle;
}

/**
 * Starts one time-skipping test server for the calling test file (before its first test) and
 * stops it after the last; the returned object's fields are set once the server runs.
 */
export function useTimeSkippingEnv(): TimeSkippingSuite {
  const suite = {} as TimeSkippingSuite;
  beforeAll(async () => {
    quietTemporalLogs();
    [suite.env, suite.bundle] = await Promise.all([createTimeSkippingEnv(), workflowBundle()]);
  });
  afterAll(async () => {
    await suite.env?.teardown();
  });
  return suite;
}
