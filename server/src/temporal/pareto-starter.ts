import type { Client } from '@temporalio/client';
import type { InitiativeTimings } from '../../../workflows/contracts/initiative.contract.js';
import {
  PARETO_SCHEDULE_ID,
  PARETO_SCHEDULE_WORKFLOW,
  type ParetoScheduleInput,
  type ParetoScheduleTimings,
} from '../../../workflows/contracts/pareto.contract.js';
import { ensureSingletonWorkflow } from './singleton-workflow.js';

/**
 * Makes sure the one Pareto schedule runs (it starts `pareto-YYYY-MM` after each month); a
 * running one is left as it is.
 */
export function ensureParetoSchedule(
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
  return ensureSingletonWorkflow(client, {
    workflowType: PARETO_SCHEDULE_WORKFLOW,
    workflowId: PARETO_SCHEDULE_ID,
    taskQueue: opts.taskQueue,
    input,
  });
}
