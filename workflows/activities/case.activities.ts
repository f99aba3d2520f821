import { ApplicationFailure, Context } from '@temporalio/activity';
import { fixedClock } from '../../server/src/domain/context.js';
import { DomainError, ErrorCode } from '../../server/src/domain/errors.js';
import { ClassificationService } from '../../server/src/modules/classification/classification.service.js';
import { CaseClockService } from '../../server/src/modules/case/case-clock.service.js';
import { CollectFailure, collectWorkflowId } from '../contracts/collect.contract.js';
import { startOnce } from '../../server/src/temporal/start-once.js';
import {
  CASE_CLOCK_WORKFLOW,
  CaseFailure,
  caseWorkflowId,
  type CaseClockInput,
  type CaseClockStepInput,
  type CaseClockStepResult,
} from '../contracts/case.contract.js';
import type { OpenedCase } from '../../server/src/modules/case/case-clock.service.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

/** An unknown id will not appear by retrying: fail the step for good. */
async function orFailFor<T>(type: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
      throw ApplicationFailure.nonRetryable(error.message, type);
    }
    throw error;
  }
}

/** Activities of intake classification, case opening and the case clock (same services as the API). */
export function createCaseActivities(deps: ActivityDeps) {
  const contextFor = activityContexts(deps);
  return {
    /** Classifies the item's text; a person's class or sentiment is kept. Idempotent. */
    async classifyFeedback({ feedbackId, at }: { feedbackId: string; at: string }) {
      const ctx = contextFor(`workflow:${collectWorkflowId(feedbackId)}`, fixedClock(new Date(at)));
      const outcome = await orFailFor(CollectFailure.FEEDBACK_NOT_FOUND, () =>
        ctx.service(ClassificationService).classify(feedbackId),
      );
      return {
        complaintClassWritten: outcome.complaintClassWritten,
        sentimentWritten: outcome.sentimentWritten,
      };
    },

    /** Opens the item's case if it is unhappy feedback (once per item), as of `at`. */
    async openCaseForFeedback({
      feedbackId,
      at,
    }: {
      feedbackId: string;
      at: string;
    }): Promise<OpenedCase | null> {
      const ctx = contextFor(`workflow:${collectWorkflowId(feedbackId)}`, fixedClock(new Date(at)));
      return orFailFor(CollectFailure.FEEDBACK_NOT_FOUND, () =>
        ctx.service(CaseClockService).openForFeedback(feedbackId),
      );
    },

    /**
     * Starts the case's clock workflow (business id: the case), once ever, on this worker's
     * task queue. An activity rather than a child workflow: the clock outlives the collect
     * workflow, and abandoned children stall the time-skipping test server.
     */
    async startCaseClock(input: CaseClockInput): Promise<'started' | 'already-started'> {
      const { client, info } = Context.current();
      return startOnce(client, CASE_CLOCK_WORKFLOW, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue: info.taskQueue,
        args: [input],
        timeoutMs: 10_000,
      });
    },

    async remindCaseOwner({ caseId, at }: CaseClockStepInput): Promise<CaseClockStepResult> {
      const ctx = contextFor(`workflow:${caseWorkflowId(caseId)}`, fixedClock(new Date(at)));
      return orFailFor(CaseFailure.CASE_NOT_FOUND, () =>
        ctx.service(CaseClockService).remind(caseId),
      );
    },

    async escalateCase({ caseId, at }: CaseClockStepInput): Promise<CaseClockStepResult> {
      const ctx = contextFor(`workflow:${caseWorkflowId(caseId)}`, fixedClock(new Date(at)));
      return orFailFor(CaseFailure.CASE_NOT_FOUND, () =>
        ctx.service(CaseClockService).escalate(caseId),
      );
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
