/**
 * The monitor workflow's contract: one long-lived workflow recomputes the period figures
 * (NPS, CSI, payments per account, segment and month) and checks the monitoring rules
 * (divergence, respondent coverage, silent key contacts) on a timer, raising alerts.
 */
import { defineQuery } from '@temporalio/workflow';

export const MONITOR_WORKFLOW = 'periodMonitor';
/** There is one: the business id is the purpose itself. */
export const MONITOR_WORKFLOW_ID = 'period-monitor';

export interface MonitorTimings {
  /** Recompute and check this often. */
  intervalMs: number;
  /** Continue as new after this many runs, so the history stays bounded. */
  runsPerExecution: number;
}

export const DEFAULT_MONITOR_TIMINGS: MonitorTimings = {
  intervalMs: 24 * 3_600_000,
  runsPerExecution: 100,
};

export interface MonitorWorkflowInput {
  timings?: Partial<MonitorTimings>;
}

/** What one run of the monitor did. */
export interface MonitorRunResult {
  /** Period figure rows written (accounts, segments and overall, every month of the window). */
  figures: number;
  /** Alerts raised by this run, per kind (an alert already raised for the same condition is not counted). */
  raised: Record<string, number>;
  /** Rows written by each analytics step (index, finance, forecasts, effects …); absent in older runs. */
  analytics?: Record<string, number>;
}

export interface MonitorRunState {
  runs: number;
  lastRunAt: string | null;
  lastResult: MonitorRunResult | null;
}
export const monitorStateQuery = defineQuery<MonitorRunState>('monitorState');
