import { loadConfig } from '../../server/src/config.js';
import { fixedClock } from '../../server/src/domain/context.js';
import { snapshot } from '../../server/src/modules/audit/audit.service.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { recordComputedMaturity } from '../../server/src/modules/maturity/maturity.history.js';
import {
  MATURITY_WORKFLOW_ID,
  type EvaluateMaturityResult,
} from '../contracts/maturity.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** Activities of the maturity workflow, over their dependencies. */
export function createMaturityActivities(deps: ActivityDeps) {
  const thresholds = (deps.config ?? loadConfig({})).maturityThresholds;
  const contextFor = activityContexts(deps);
  return {
    /**
     * Computes every process group's level from the evidence as of `at` and records a
     * COMPUTED assessment for each group whose level or criteria changed (idempotent:
     * unchanged evidence writes nothing).
     */
    async evaluateMaturity({ at }: { at: string }): Promise<EvaluateMaturityResult> {
      const now = new Date(at);
      const ctx = contextFor(`workflow:${MATURITY_WORKFLOW_ID}`, fixedClock(now));
      const results = await evaluateMaturity(ctx.em, now, thresholds);
      const changed = await recordComputedMaturity(ctx.em, results, now, (tx, a) =>
        ctx.audit.record(tx, 'maturityEvaluation', 'MaturityAssessment', a.id, null, snapshot(a)),
      );
      if (changed.length > 0) deps.log.info('maturity recomputed', { changed });
      return { changed };
    },
  };
}

export type MaturityActivities = ReturnType<typeof createMaturityActivities>;
