import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, ErrorCode } from '../../server/src/domain/errors.js';
import { FeedbackAcknowledgementService } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import {
  CollectFailure,
  collectWorkflowId,
  type AcknowledgeFeedbackResult,
  type CollectFeedbackInput,
} from '../contracts/collect.contract.js';
import { activityContexts, type ActivityDeps } from './activity-context.js';

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
  return {
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
  };
}

export type CollectActivities = ReturnType<typeof createCollectActivities>;
