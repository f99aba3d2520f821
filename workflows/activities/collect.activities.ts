import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, ErrorCode } from '../../server/src/domain/errors.js';
import { FeedbackAcknowledgementService } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import {
  CollectFailure,
  collectWorkflowId,
  type AcknowledgeFeedbackResult,
  type CollectFeedbackInput,
  type CollectFeedbackResult,
  type TakeInFeedbackInput,
} from '../contracts/collect.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';
import { createCaseActivities } from './case.activities.js';

export type CollectActivityDeps = ActivityDeps;

function notFound(feedbackId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `No feedback item with id ${feedbackId}; nothing to acknowledge.`,
    CollectFailure.FEEDBACK_NOT_FOUND,
  );
}

/** Activities of the collect workflow, over their dependencies (no globals). */
export function createCollectActivities(deps: CollectActivityDeps) {
  const contextFor = activityContexts(deps);
  const cases = createCaseActivities(deps);
  const collect = {
    /**
     * Acknowledges the item through the feedback module (outbox row with dedupe key
     * `ack:<id>`, ACKNOWLEDGED, audit), acting as the workflow. Idempotent, so Temporal
     * may retry it; an unknown item fails without retrying.
     */
    async acknowledgeFeedback({
      feedbackId,
    }: CollectFeedbackInput): Promise<AcknowledgeFeedbackResult> {
      const ctx = contextFor(`workflow:${collectWorkflowId(feedbackId)}`);
      let result: AcknowledgeFeedbackResult;
      try {
        result = await ctx.service(FeedbackAcknowledgementService).acknowledge(feedbackId);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
          throw notFound(feedbackId);
        }
        throw error;
      }
      deps.log.info('feedback acknowledged', { feedbackId, ...result });
      return result;
    },

    /**
     * The collect workflow's one step (run as a local activity): acknowledges the item, then
     * classifies its text, opens its case when it is unhappy and starts the case's clock. Each
     * part is its own transaction and idempotent, so a retry redoes only what did not commit;
     * the acknowledgement comes first, so the client hears back whatever happens after.
     */
    async takeInFeedback({ feedbackId, at }: TakeInFeedbackInput): Promise<CollectFeedbackResult> {
      const acknowledgement = await collect.acknowledgeFeedback({ feedbackId });
      const classified = await cases.classifyFeedback({ feedbackId, at });
      const opened = await cases.openCaseForFeedback({ feedbackId, at });
      // Started whenever a case exists, not only when this attempt opened it.
      if (opened) {
        await cases.startCaseClock({
          caseId: opened.caseId,
          remindAt: opened.remindAt,
          responseDueAt: opened.responseDueAt,
        });
      }
      return {
        feedbackId,
        acknowledgement,
        intake: {
          ...classified,
          caseId: opened?.caseId ?? null,
          caseOpened: opened?.opened ?? false,
        },
      };
    },
  };
  return collect;
}

export type CollectActivities = ReturnType<typeof createCollectActivities>;
