import {
  patched,
  proxyActivities,
  proxyLocalActivities,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import type { CaseActivities } from './activities/case.activities.js';
import type { CollectActivities } from './activities/collect.activities.js';
import type { IntakeCaseResult } from './contracts/case.contract.js';
import {
  CollectFailure,
  type CollectFeedbackInput,
  type CollectFeedbackResult,
} from './contracts/collect.contract.js';

const stepOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // No maximumAttempts: a database outage should not lose the acknowledgement, so retry until it is back.
    nonRetryableErrorTypes: [CollectFailure.FEEDBACK_NOT_FOUND],
  },
} satisfies ActivityOptions & LocalActivityOptions;

const { acknowledgeFeedback } = proxyActivities<CollectActivities>(stepOptions);
const { takeInFeedback } = proxyLocalActivities<CollectActivities>(stepOptions);
const { classifyFeedback, openCaseForFeedback, startCaseClock } =
  proxyActivities<CaseActivities>(stepOptions);

/** Histories recorded before intake classified feedback and opened cases replay without it. */
export const CLASSIFY_AND_OPEN_CASE = 'classify-and-open-case';

/**
 * Intake as one local activity instead of three or four activity tasks: the steps are short
 * database writes in the worker's own process, and every task round trip through the Temporal
 * server cost more than the write it carried (`npm run bench -- --only intake`). Histories
 * recorded before take the separate activities below.
 */
export const INTAKE_AS_ONE_LOCAL_ACTIVITY = 'intake-as-one-local-activity';

/**
 * Collect (process group 1): tell the client their feedback was received and taken into
 * work, classify its text, and open a case with a response clock when it is unhappy.
 */
export async function collectFeedback(input: CollectFeedbackInput): Promise<CollectFeedbackResult> {
  if (patched(INTAKE_AS_ONE_LOCAL_ACTIVITY)) {
    return takeInFeedback({ feedbackId: input.feedbackId, at: new Date(Date.now()).toISOString() });
  }
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
