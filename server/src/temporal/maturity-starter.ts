import type { Client } from '@temporalio/client';
import {
  MATURITY_WORKFLOW,
  MATURITY_WORKFLOW_ID,
  type MaturityTimings,
  type MaturityWorkflowInput,
} from '../../../workflows/contracts/maturity.contract.js';
import { ensureSingletonWorkflow } from './singleton-workflow.js';

/** Makes sure the one maturity workflow runs; a running one is left as it is. */
export function ensureMaturityWorkflow(
  client: Client,
  opts: { taskQueue: string; timings?: Partial<MaturityTimings> },
): Promise<'started' | 'running'> {
  const input: MaturityWorkflowInput = { timings: opts.timings };
  return ensureSingletonWorkflow(client, {
    workflowType: MATURITY_WORKFLOW,
    workflowId: MATURITY_WORKFLOW_ID,
    taskQueue: opts.taskQueue,
    input,
  });
}
