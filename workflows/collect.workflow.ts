import { patched, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from './activities/case.activities.js';
import type { CollectActivities } from './activities/collect.activities.js';
import type { IntakeCaseResult } from './contracts/case.contract.js';
import {
  CollectFailure,
  type CollectFeedbackInput,
  type CollectFeedbackResult,
} from './contracts/collect.contract.js';

const activityOptions: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // No maximumAttempts: a database outage should not lose the acknowledgement, so retry until it is back.
    nonRetryableErrorTypes: [CollectFailure.FEEDBACK_NOT_FOUND],
  },
};

const { acknowledgeFeedback } = proxyActivities<CollectActivities>(activityOptions);
const { classifyFeedback, openCaseForFeedback, startCaseClock } =
  proxyActivities<CaseActivities>(activityOptions);

/** Histories recorded before intake classified feedback and opened cases replay without it. */
export const CLASSIFY_AND_OPEN_CASE = 'classify-and-open-case';

/**
 * Collect (process group 1): tell the client their feedback was received and taken into
 * work, classify its text, and open a case with a response clock when it is unhappy.
 */
export async function collectFeedback(input: CollectFeedbackInput): Promise<CollectFeedbackResult> {
  const acknowledgement = await acknowledgeFeedback({ feedbackId: input.feedbackId });
  if (!patched(CLASSIFY_AND_OPEN_CASE)) return { feedbackId: input.feedbackId, acknowledgement };
  const intake = await classifyAndOpenCase(input.feedbackId);
  return { feedbackId: input.feedbackId, acknowledgement, intake };
}

async function classifyAndOpenCase(feedbackId: string): Promise<IntakeCaseResult> {
  const at = () => new Date(Date.now()).toISOString();
  const classified = await classifyFeedback({ feedbackId, at: at() });
  const opened = await openCaseForFeedback({ feedbackId, at: at() });
  // Started whenever a case exists, not only when this run opened it: a retried activity
  // finds the case it opened before, and its clock must run all the same.
  if (opened) {
    await startCaseClock({
      caseId: opened.caseId,
      remindAt: opened.remindAt,
      responseDueAt: opened.responseDueAt,
    });
  }
  return { ...classified, caseId: opened?.caseId ?? null, caseOpened: opened?.opened ?? false };
}
