import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  MONITOR_WORKFLOW,
  MONITOR_WORKFLOW_ID,
  type MonitorTimings,
  type MonitorWorkflowInput,
} from '../../../workflows/contracts/monitor.contract.js';

/**
 * Makes sure the one monitor workflow runs (it lives for ever through continue-as-new);
 * a running one is left as it is.
 */
export async function ensureMonitorWorkflow(
  client: Client,
  opts: { taskQueue: string; timings?: Partial<MonitorTimings> },
): Promise<'started' | 'running'> {
  const input: MonitorWorkflowInput = { timings: opts.timings };
  try {
    await client.workflow.start(MONITOR_WORKFLOW, {
      taskQueue: opts.taskQueue,
      workflowId: MONITOR_WORKFLOW_ID,
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
