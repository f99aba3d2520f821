import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';

/**
 * Starts the workflow with this business id unless one ever ran: a running or finished one
 * answers `already-started` (the reuse policy keeps a finished one from starting a second life).
 * One StartWorkflowExecution RPC; the deadline also bounds the SDK's retries on UNAVAILABLE, so an
 * unreachable Temporal fails fast and the reconciler starts it later.
 */
export async function startOnce(
  client: Client,
  workflowType: string,
  opts: { workflowId: string; taskQueue: string; args: unknown[]; timeoutMs: number },
): Promise<'started' | 'already-started'> {
  try {
    await client.withDeadline(Date.now() + opts.timeoutMs, () =>
      client.workflow.start(workflowType, {
        taskQueue: opts.taskQueue,
        workflowId: opts.workflowId,
        args: opts.args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      }),
    );
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
    throw err;
  }
}
