import { proxyActivities } from '@temporalio/workflow';
import type { CollectActivities } from './activities/collect.activities.js';
import {
  CollectFailure,
  type CollectFeedbackInput,
  type CollectFeedbackResult,
} from './contracts/collect.contract.js';

const { acknowledgeFeedback } = proxyActivities<CollectActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // No maximumAttempts: a database outage should not lose the acknowledgement, so retry until it is back.
    nonRetryableErrorTypes: [CollectFailure.FEEDBACK_NOT_FOUND],
  },
});

/**
 * Collect (process group 1): tell the client their feedback was received and taken
 * into work. Classification and routing to analysis are added by later steps.
 */
export async function collectFeedback(input: CollectFeedbackInput): Promise<CollectFeedbackResult> {
  const acknowledgement = await acknowledgeFeedback({ feedbackId: input.feedbackId });
  return { feedbackId: input.feedbackId, acknowledgement };
}
