/**
 * The case workflow's contract: a durable timer per case for unhappy feedback that reminds
 * the owner before the response deadline and escalates to the CX office when it passes.
 * Free of Node and ORM imports so the workflow bundle can include it.
 */

export const CASE_CLOCK_WORKFLOW = 'feedbackCaseClock';

/** Workflow ids are business ids: one clock per case, ever. */
export function caseWorkflowId(caseId: string): string {
  return `feedback-case-${caseId}`;
}

export interface CaseClockInput {
  caseId: string;
  /** ISO instants fixed when the case opened (from the SLA plan). */
  remindAt: string;
  responseDueAt: string;
}

export interface CaseClockResult {
  caseId: string;
  /** The owner had answered before the step was due: nothing was sent. */
  settledBeforeDeadline: boolean;
  reminded: boolean;
  escalated: boolean;
}

/** One step of the clock: `at` is workflow time, recorded as the step's moment. */
export interface CaseClockStepInput {
  caseId: string;
  at: string;
}

export interface CaseClockStepResult {
  settled: boolean;
  sent: boolean;
}

/** What the collect workflow's case step reports (null fields when no case opened). */
export interface IntakeCaseResult {
  complaintClassWritten: boolean;
  sentimentWritten: boolean;
  caseId: string | null;
  caseOpened: boolean;
}

export const CaseFailure = {
  CASE_NOT_FOUND: 'CaseNotFound',
} as const;
