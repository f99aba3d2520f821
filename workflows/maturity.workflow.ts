import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { MaturityActivities } from './activities/maturity.activities.js';
import {
  DEFAULT_MATURITY_TIMINGS,
  evidenceChangedSignal,
  maturityStateQuery,
  type MaturityRunState,
  type MaturityWorkflowInput,
} from './contracts/maturity.contract.js';

const { evaluateMaturity } = proxyActivities<MaturityActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Keeps the computed maturity levels current: evaluates now, then again on the schedule or
 * shortly after evidence changed (signals within the settle time are taken together).
 * Each evaluation writes history only for the process groups whose level or criteria changed.
 */
export async function maturityEvaluation(input: MaturityWorkflowInput = {}): Promise<void> {
  const timings = { ...DEFAULT_MATURITY_TIMINGS, ...input.timings };
  const run: MaturityRunState = {
    evaluations: 0,
    lastEvaluatedAt: null,
    lastChanged: [],
    pendingSignals: 0,
  };
  setHandler(evidenceChangedSignal, () => {
    run.pendingSignals += 1;
  });
  setHandler(maturityStateQuery, () => ({ ...run }));

  for (;;) {
    const answered = run.pendingSignals;
    const at = new Date().toISOString();
    const result = await evaluateMaturity({ at });
    run.evaluations += 1;
    run.lastEvaluatedAt = at;
    run.lastChanged = result.changed;
    run.pendingSignals -= answered;

    const tooLong = () =>
      run.evaluations >= timings.evaluationsPerRun || workflowInfo().continueAsNewSuggested;
    if (!tooLong()) await condition(() => run.pendingSignals > 0 || tooLong(), timings.intervalMs);
    if (tooLong()) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof maturityEvaluation>(input);
    }
    if (run.pendingSignals > 0) await sleep(timings.settleMs);
  }
}
