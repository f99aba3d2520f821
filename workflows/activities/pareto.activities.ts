import { ApplicationFailure } from '@temporalio/activity';
import { fixedClock } from '../../server/src/domain/context.js';
import { DomainError } from '../../server/src/domain/errors.js';
import { ParetoAnalysisService } from '../../server/src/modules/analyse/pareto.service.js';
import {
  ParetoFailure,
  paretoWorkflowId,
  type ParetoAnalysisResult,
} from '../contracts/pareto.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** Activities of the Pareto workflow, over their dependencies. */
export function createParetoActivities(deps: ActivityDeps) {
  const contextFor = activityContexts(deps);
  return {
    /**
     * Analyses the month as of `at` (the workflow's time) through the same service as the API;
     * idempotent per month, so a retry after a lost answer returns the first run's outcome.
     */
    async runParetoAnalysis({
      period,
      at,
    }: {
      period: string;
      at: string;
    }): Promise<ParetoAnalysisResult> {
      const ctx = contextFor(`workflow:${paretoWorkflowId(period)}`, fixedClock(new Date(at)));
      try {
        // The workflow starts the proposals' initiative workflows itself.
        const run = await ctx.service(ParetoAnalysisService).run(period, { startWorkflows: false });
        return {
          period,
          analysisId: run.analysis.id,
          created: run.created,
          proposedIds: run.proposed.map((i) => i.id),
        };
      } catch (error) {
        if (error instanceof DomainError) {
          throw ApplicationFailure.create({
            type: ParetoFailure.REFUSED,
            message: error.message,
            details: [{ reason: error.reason }],
            nonRetryable: true,
          });
        }
        throw error;
      }
    },
  };
}

export type ParetoActivities = ReturnType<typeof createParetoActivities>;
