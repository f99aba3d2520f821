import type { Client } from '@temporalio/client';
import {
  MONITOR_WORKFLOW,
  MONITOR_WORKFLOW_ID,
  type MonitorTimings,
  type MonitorWorkflowInput,
} from '../../../workflows/contracts/monitor.contract.js';
import { ensureSingletonWorkflow } from './singleton-workflow.js';

/** Makes sure the one monitor workflow runs; a running one is left as it is. */
export function ensureMonitorWorkflow(
  client: Client,
  opts: { taskQueue: string; timings?: Partial<MonitorTimings> },
): Promise<'started' | 'running'> {
  const input: MonitorWorkflowInput = { timings: opts.timings };
  return ensureSingletonWorkflow(client, {
    workflowType: MONITOR_WORKFLOW,
    workflowId: MONITOR_WORKFLOW_ID,
    taskQueue: opts.taskQueue,
    input,
  });
}
