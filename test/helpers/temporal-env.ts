/**
 * Temporal test environments for workflow tests, on the binaries `npm run setup` provisions into
 * the project cache: nothing is downloaded at test time.
 *
 * - `createDevServerEnv()`: the real Temporal dev server (the `temporal` CLI); full server
 *   behaviour, wall-clock time.
 * - `createTimeSkippingEnv()`: the Java time-skipping test server; timers of days fire as soon as
 *   the test awaits a workflow result or calls `env.sleep`.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli } from '../../server/src/temporal/cli-binary.js';
import { findTimeSkippingServer } from '../../server/src/temporal/time-skipping-server.js';

export async function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTemporalCli();
  if (!path) {
    throw new Error(
      'The Temporal CLI is missing: run `npm run setup`, which installs it into ~/.cache/cx-ops-hub/bin.',
    );
  }
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path } },
  });
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTimeSkippingServer();
  if (!path) {
    throw new Error(
      'The time-skipping test server is missing: run `npm run setup`, which provisions it with java and mvn ' +
        'into ~/.cache/cx-ops-hub/temporal-test-server.',
    );
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
}
