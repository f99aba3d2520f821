import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { MonitorActivities } from './activities/monitor.activities.js';
import {
  DEFAULT_MONITOR_TIMINGS,
  monitorStateQuery,
  type MonitorRunState,
  type MonitorWorkflowInput,
} from './contracts/monitor.contract.js';

const { runMonitor } = proxyActivities<MonitorActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Keeps the period figures current and the monitoring rules checked: runs now, then every
 * interval on a durable timer, continuing as new after a number of runs.
 */
export async function periodMonitor(input: MonitorWorkflowInput = {}): Promise<void> {
  const timings = { ...DEFAULT_MONITOR_TIMINGS, ...input.timings };
  const state: MonitorRunState = { runs: 0, lastRunAt: null, lastResult: null };
  setHandler(monitorStateQuery, () => ({ ...state }));
  for (;;) {
    const at = new Date().toISOString();
    state.lastResult = await runMonitor({ at });
    state.runs += 1;
    state.lastRunAt = at;
    if (state.runs >= timings.runsPerExecution || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof periodMonitor>(input);
    }
    await sleep(timings.intervalMs);
  }
}
