import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  MATURITY_WORKFLOW,
  MATURITY_WORKFLOW_ID,
  type MaturityTimings,
  type MaturityWorkflowInput,
} from '../../../workflows/contracts/maturity.contract.js';

/**
 * Makes sure the one maturity workflow runs (it lives for ever through continue-as-new);
 * a running one is left as it is.
 */
export async function ensureMaturityWorkflow(
  client: Client,
  opts: { taskQueue: string; timings?: Partial<MaturityTimings> },
): Promise<'started' | 'running'> {
  const input: MaturityWorkflowInput = { timings: opts.timings };
  try {
    await client.workflow.start(MATURITY_WORKFLOW, {
      taskQueue: opts.taskQueue,
      workflowId: MATURITY_WORKFLOW_ID,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return 'started';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'running';
    throw err;
  }
}
