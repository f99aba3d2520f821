import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';

/**
 * Makes sure the one workflow with this id runs (the hub's long-lived workflows — maturity,
 * monitor, Pareto schedule — live for ever through continue-as-new); a running one is left as
 * it is, with its own input.
 */
export async function ensureSingletonWorkflow(
  client: Client,
  opts: { workflowType: string; workflowId: string; taskQueue: string; input: unknown },
): Promise<'started' | 'running'> {
  try {
    await client.workflow.start(opts.workflowType, {
      taskQueue: opts.taskQueue,
      workflowId: opts.workflowId,
      args: [opts.input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'running';
    throw err;
  }
}
