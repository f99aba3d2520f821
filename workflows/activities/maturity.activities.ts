import { loadConfig } from '../../server/src/config.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { recordComputedMaturity } from '../../server/src/modules/maturity/maturity.history.js';
import type { EvaluateMaturityResult } from '../contracts/maturity.contract.js';
import type { ActivityDeps } from './activity-context.js';

/** Activities of the maturity workflow, over their dependencies. */
export function createMaturityActivities(deps: ActivityDeps) {
  const thresholds = (deps.config ?? loadConfig({})).maturityThresholds;
  return {
    /**
     * Computes every process group's level from the evidence as of `at` and records a
     * COMPUTED assessment for each group whose level or criteria changed (idempotent:
     * unchanged evidence writes nothing).
     */
    async evaluateMaturity({ at }: { at: string }): Promise<EvaluateMaturityResult> {
      const em = deps.orm.em.fork();
      const now = new Date(at);
      const results = await evaluateMaturity(em, now, thresholds);
      const changed = await recordComputedMaturity(em, results, now);
      if (changed.length > 0) deps.log.info('maturity recomputed', { changed });
      return { changed };
    },
  };
}

export type MaturityActivities = ReturnType<typeof createMaturityActivities>;
