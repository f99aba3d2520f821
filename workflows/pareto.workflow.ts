import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  executeChild,
  log,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { ParetoActivities } from './activities/pareto.activities.js';
import {
  INITIATIVE_WORKFLOW,
  initiativeWorkflowId,
  type InitiativeWorkflowInput,
} from './contracts/initiative.contract.js';
import {
  DEFAULT_PARETO_SCHEDULE_TIMINGS,
  ParetoFailure,
  monthBefore,
  nextMonthlyRun,
  paretoScheduleStateQuery,
  paretoWorkflowId,
  type ParetoAnalysisInput,
  type ParetoAnalysisResult,
  type ParetoScheduleInput,
  type ParetoScheduleState,
} from './contracts/pareto.contract.js';

const { runParetoAnalysis } = proxyActivities<ParetoActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    // A database outage must not lose the month's analysis: retry until it is back.
    nonRetryableErrorTypes: [ParetoFailure.REFUSED],
  },
});

/**
 * Analyse (process group 2) for one month: the Pareto of dissatisfaction stored as an
 * Analysis, initiatives proposed for the causes up to the cut with root-cause tasks, then
 * each proposal's own workflow started (it reminds and escalates the tasks). Every step is
 * idempotent, so running the month again creates nothing new.
 */
export async function paretoAnalysis(input: ParetoAnalysisInput): Promise<ParetoAnalysisResult> {
  const result = await runParetoAnalysis({
    period: input.period,
    at: new Date().toISOString(),
  });
  for (const initiativeId of result.proposedIds) {
    const args: [InitiativeWorkflowInput] = [
      { initiativeId, ...(input.initiativeTimings ? { timings: input.initiativeTimings } : {}) },
    ];
    try {
      await startChild(INITIATIVE_WORKFLOW, {
        workflowId: initiativeWorkflowId(initiativeId),
        args,
        // The initiative lives on after this analysis ends.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      // Started before (an earlier run of the month, or the reconciler): nothing to do.
      if (!alreadyStarted(error)) throw error;
    }
  }
  return result;
}

/**
 * Starts the month's analysis a little after each month ends (and, with `catchUp`, last
 * month's at once when its run time has passed), continuing as new after a year of runs.
 */
export async function paretoSchedule(input: ParetoScheduleInput = {}): Promise<void> {
  const timings = { ...DEFAULT_PARETO_SCHEDULE_TIMINGS, ...input.timings };
  const state: ParetoScheduleState = { runs: [], nextRunAt: null };
  setHandler(paretoScheduleStateQuery, () => ({ ...state, runs: [...state.runs] }));

  const analyse = async (period: string) => {
    try {
      const result = await executeChild(paretoAnalysis, {
        workflowId: paretoWorkflowId(period),
        args: [
          {
            period,
            ...(input.initiativeTimings ? { initiativeTimings: input.initiativeTimings } : {}),
          },
        ],
      });
      state.runs.push(result);
    } catch (error) {
      // Already running for the month (started by hand): that run does the work.
      if (!alreadyStarted(error)) throw error;
      log.info('Pareto analysis of the month already running', { period });
    }
  };

  if (input.catchUp && workflowInfo().continuedFromExecutionRunId === undefined) {
    const now = Date.now();
    // Past this month's run time: last month's run is due already (it may have been missed).
    const due = nextMonthlyRun(now, timings.delayAfterMonthMs);
    if (monthBefore(due) !== monthBefore(now)) await analyse(monthBefore(now));
  }
  for (let runs = 0; runs < timings.runsPerExecution; runs++) {
    const at = nextMonthlyRun(Date.now(), timings.delayAfterMonthMs);
    state.nextRunAt = new Date(at).toISOString();
    await sleep(at - Date.now());
    await analyse(monthBefore(at));
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof paretoSchedule>(input);
}

/** The child's workflow id is taken by a running (or, for initiatives, any) execution. */
function alreadyStarted(error: unknown): boolean {
  return error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError';
}
