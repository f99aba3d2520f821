import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SurveyActivities } from './activities/survey.activities.js';
import type {
  InviteAccountResult,
  SurveyDispatchInput,
  SurveyDispatchResult,
} from './contracts/survey.contract.js';

const { planSurveyDispatch, inviteSurveyAccount } = proxyActivities<SurveyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Collect (process group 1), automated: one run of survey campaigns. A calendar campaign's
 * Temporal Schedule starts it with the campaign; a recorded trigger event starts it with the
 * event. Accounts are invited one at a time, so the fatigue rule sees the run's own invitations.
 */
export async function surveyDispatch(input: SurveyDispatchInput): Promise<SurveyDispatchResult> {
  const triggerEventId = 'triggerEventId' in input ? input.triggerEventId : undefined;
  // A schedule names each run's workflow after its scheduled time: the run key is that id.
  const runKey = triggerEventId ? `event:${triggerEventId}` : `run:${workflowInfo().workflowId}`;
  const jobs = await planSurveyDispatch(input);
  const total: InviteAccountResult = { sent: 0, held: 0, existing: 0 };
  for (const job of jobs) {
    const r = await inviteSurveyAccount({ ...job, runKey, triggerEventId });
    total.sent += r.sent;
    total.held += r.held;
    total.existing += r.existing;
  }
  return { runKey, jobs: jobs.length, ...total };
}
