/**
 * The survey dispatch workflow's contract: what the server (schedules, trigger events) and the
 * worker agree on. Free of Node and ORM imports so the workflow bundle can include it.
 */

/** Workflow type name, as registered by the worker and started by schedules and the server. */
export const SURVEY_DISPATCH_WORKFLOW = 'surveyDispatch';

/** One run: a calendar campaign's schedule firing, or a recorded trigger event. */
export type SurveyDispatchInput = { campaignId: string } | { triggerEventId: string };

/** One account of one campaign to invite in a run. */
export interface SurveyDispatchJob {
  campaignId: string;
  accountId: string;
}

export interface InviteAccountInput extends SurveyDispatchJob {
  /** Names the run: one invitation per run, campaign and contact whatever retries happen. */
  runKey: string;
  triggerEventId?: string | undefined;
}

/** What inviting one account's contacts did. */
export interface InviteAccountResult {
  /** Contacts invited now (a message queued in the outbox). */
  sent: number;
  /** Contacts the fatigue rule held back now. */
  held: number;
  /** Contacts this run had already handled (a retry). */
  existing: number;
}

export interface SurveyDispatchResult extends InviteAccountResult {
  runKey: string;
  jobs: number;
}

/** The id of a calendar campaign's Temporal Schedule (a business id). */
export function surveyScheduleId(campaignId: string): string {
  return `survey-campaign-${campaignId}`;
}

/** Workflow id prefix of a schedule's runs; Temporal appends the scheduled time to each. */
export function calendarDispatchWorkflowId(campaignId: string): string {
  return `survey-dispatch-${campaignId}`;
}

/** One dispatch workflow per trigger event, ever: reporting an event twice starts it once. */
export function triggerDispatchWorkflowId(triggerEventId: string): string {
  return `survey-trigger-${triggerEventId}`;
}
