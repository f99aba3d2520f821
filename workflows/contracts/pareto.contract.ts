/**
 * The Pareto analysis workflows' contract: one workflow per analysed month (its business id
 * `pareto-YYYY-MM`), and one long-lived schedule that starts it after each month ends.
 */
import { defineQuery } from '@temporalio/workflow';
import type { InitiativeTimings } from './initiative.contract.js';

export const PARETO_ANALYSIS_WORKFLOW = 'paretoAnalysis';
export const PARETO_SCHEDULE_WORKFLOW = 'paretoSchedule';
/** There is one schedule: the business id is the purpose itself. */
export const PARETO_SCHEDULE_ID = 'pareto-schedule';

/** One analysis per month, ever: a second start for the month finds the first one's outcome. */
export function paretoWorkflowId(period: string): string {
  return `pareto-${period}`;
}

export interface ParetoAnalysisInput {
  /** `YYYY-MM`, a month that is over. */
  period: string;
  /** Timings of the initiative workflows started for the proposals (the server's config). */
  initiativeTimings?: Partial<InitiativeTimings>;
}

export interface ParetoAnalysisResult {
  period: string;
  analysisId: string;
  /** False when the month had been analysed before. */
  created: boolean;
  /** Ids of the PROPOSED initiatives of the analysis. */
  proposedIds: string[];
}

export interface ParetoScheduleTimings {
  /** Run this long after a month ends, so late feedback of the month is in. */
  delayAfterMonthMs: number;
  /** Continue as new after this many monthly runs. */
  runsPerExecution: number;
}

export const DEFAULT_PARETO_SCHEDULE_TIMINGS: ParetoScheduleTimings = {
  delayAfterMonthMs: 6 * 3_600_000,
  runsPerExecution: 12,
};

export interface ParetoScheduleInput {
  timings?: Partial<ParetoScheduleTimings>;
  /** Analyse last month at start when its run time has passed (e.g. the schedule was down). */
  catchUp?: boolean;
  initiativeTimings?: Partial<InitiativeTimings>;
}

export interface ParetoScheduleState {
  /** Months analysed by this execution of the schedule, oldest first. */
  runs: ParetoAnalysisResult[];
  /** When the next month will be analysed (ISO). */
  nextRunAt: string | null;
}
export const paretoScheduleStateQuery = defineQuery<ParetoScheduleState>('paretoScheduleState');

/** ApplicationFailure types the Pareto activity raises as non-retryable. */
export const ParetoFailure = {
  REFUSED: 'ParetoRefused',
} as const;

/** `YYYY-MM` of the month before the one `atMs` falls in (UTC). */
export function monthBefore(atMs: number): string {
  const at = new Date(atMs);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** The first instant after `nowMs` that is `delayMs` past the start of a month (UTC). */
export function nextMonthlyRun(nowMs: number, delayMs: number): number {
  const now = new Date(nowMs);
  const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) + delayMs;
  return thisMonth > nowMs
    ? thisMonth
    : Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) + delayMs;
}
