import type { DomainContext } from '../../domain/context.js';
import { InitiativeEffectService } from './effect/initiative-effect.service.js';
import { financeStep } from './finance/finance.step.js';
import { forecastStep } from './forecast/forecast.step.js';
import { classifierReviewStep } from '../classification/classifier-review.step.js';
import { SatisfactionIndexService } from './index/index.service.js';

/**
 * One part of the analytics engine the monitor keeps current (the satisfaction index, the
 * finance linkage, forecasts, initiative effects …). A step recomputes its read model as of
 * the context's clock and says how many rows it wrote; it must be idempotent, because the
 * monitor's activity is retried.
 */
export interface AnalyticsStep {
  /** Short name, reported in the monitor's run result. */
  readonly name: string;
  run(ctx: DomainContext): Promise<number>;
}

/**
 * The steps, in order: later ones may read what earlier ones wrote (margin at risk reads the
 * index and the forecasts). Each analytics part appends its step here.
 */
export const ANALYTICS_STEPS: readonly AnalyticsStep[] = [
  classifierReviewStep,
  {
    name: 'satisfactionIndex',
    run: (ctx) => ctx.service(SatisfactionIndexService).recompute(),
  },
  {
    name: 'initiativeEffects',
    run: (ctx) => ctx.service(InitiativeEffectService).recomputeDue(),
  },
  financeStep,
  forecastStep,
];

/** Runs every analytics step; the monitor calls this on each run, after the period figures. */
export async function recomputeAnalytics(
  ctx: DomainContext,
  steps: readonly AnalyticsStep[] = ANALYTICS_STEPS,
): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const step of steps) written[step.name] = await step.run(ctx);
  return written;
}
