/**
 * The maturity workflow's contract: one long-lived workflow recomputes the maturity levels
 * of the five process groups on a schedule and soon after evidence changes.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const MATURITY_WORKFLOW = 'maturityEvaluation';
/** There is one: the business id is the purpose itself. */
export const MATURITY_WORKFLOW_ID = 'maturity-evaluation';

export interface MaturityTimings {
  /** Recompute at least this often. */
  intervalMs: number;
  /** After evidence changed, wait this long for more changes before recomputing (debounce). */
  settleMs: number;
  /** Continue as new after this many evaluations. */
  evaluationsPerRun: number;
}

export const DEFAULT_MATURITY_TIMINGS: MaturityTimings = {
  intervalMs: 6 * 3_600_000,
  settleMs: 60_000,
  evaluationsPerRun: 200,
};

export interface MaturityWorkflowInput {
  timings?: Partial<MaturityTimings>;
}

/** Something that counts as maturity evidence changed (an initiative moved, feedback acknowledged…). */
export const evidenceChangedSignal = defineSignal<[{ source: string }]>('evidenceChanged');

export interface MaturityRunState {
  evaluations: number;
  lastEvaluatedAt: string | null;
  /** Process groups whose computed level or criteria changed at the last evaluation. */
  lastChanged: string[];
  pendingSignals: number;
}
export const maturityStateQuery = defineQuery<MaturityRunState>('maturityState');

export interface EvaluateMaturityResult {
  changed: string[];
}
