import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { InitiativeTimings } from '../../../workflows/contracts/initiative.contract.js';
import {
  PARETO_SCHEDULE_ID,
  PARETO_SCHEDULE_WORKFLOW,
  type ParetoScheduleInput,
  type ParetoScheduleTimings,
} from '../../../workflows/contracts/pareto.contract.js';

/**
 * Makes sure the one Pareto schedule runs (it lives for ever through continue-as-new and
 * starts `pareto-YYYY-MM` after each month); a running one is left as it is.
 */
export async function ensureParetoSchedule(
  client: Client,
  opts: {
    taskQueue: string;
    timings?: Partial<ParetoScheduleTimings>;
    initiativeTimings?: Partial<InitiativeTimings>;
  },
): Promise<'started' | 'running'> {
  const input: ParetoScheduleInput = {
    ...(opts.timings ? { timings: opts.timings } : {}),
    ...(opts.initiativeTimings ? { initiativeTimings: opts.initiativeTimings } : {}),
  };
  try {
    await client.workflow.start(PARETO_SCHEDULE_WORKFLOW, {
      taskQueue: opts.taskQueue,
      workflowId: PARETO_SCHEDULE_ID,
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
