import { proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities } from './activities/case.activities.js';
import {
  CaseFailure,
  type CaseClockInput,
  type CaseClockResult,
} from './contracts/case.contract.js';

const { remindCaseOwner, escalateCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [CaseFailure.CASE_NOT_FOUND],
  },
});

const at = () => new Date(Date.now()).toISOString();

async function sleepUntil(iso: string): Promise<void> {
  const wait = Date.parse(iso) - Date.now();
  if (wait > 0) await sleep(wait);
}

/**
 * The response clock of one case: a durable timer to the reminder, another to the deadline.
 * The database is the truth about the case: each step asks whether the owner has answered
 * (a response or a resolution stops the clock) and does nothing if so.
 */
export async function feedbackCaseClock(input: CaseClockInput): Promise<CaseClockResult> {
  await sleepUntil(input.remindAt);
  const reminder = await remindCaseOwner({ caseId: input.caseId, at: at() });
  if (reminder.settled) {
    return { caseId: input.caseId, settledBeforeDeadline: true, reminded: false, escalated: false };
  }
  await sleepUntil(input.responseDueAt);
  const escalation = await escalateCase({ caseId: input.caseId, at: at() });
  return {
    caseId: input.caseId,
    settledBeforeDeadline: escalation.settled,
    reminded: reminder.sent,
    escalated: escalation.sent,
  };
}
