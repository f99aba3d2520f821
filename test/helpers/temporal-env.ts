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

/**
 * The SDK gives an ephemeral server a few seconds to listen; a JVM or CLI starting on a busy
 * 2-core machine can miss that. A start that timed out is tried again (a real failure — a missing
 * binary, a crash — fails the same way three times and is reported).
 */
async function startWithRetries(
  start: () => Promise<TestWorkflowEnvironment>,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      const timedOut = /did not start within/.test(String((error as Error)?.message));
      if (!timedOut || attempt === 3) throw error;
    }
  }
}

export async function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTemporalCli();
  if (!path) {
    throw new Error(
      'The Temporal CLI is missing: run `npm run setup`, which installs it into ~/.cache/cx-ops-hub/bin.',
    );
  }
  return startWithRetries(() =>
    TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path } },
    }),
  );
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = findTimeSkippingServer();
  if (!path) {
    throw new Error(
      'The time-skipping test server is missing: run `npm run setup`, which provisions it with java and mvn ' +
        'into ~/.cache/cx-ops-hub/temporal-test-server.',
    );
  }
  return startWithRetries(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path } },
    }),
  );
}
