import type { AnalyticsStep } from '../analytics-recompute.js';
import { FinanceService } from './finance.service.js';

/** The monitor's step: the finance linkage snapshot and the computable/trigger share rows. */
export const financeStep: AnalyticsStep = {
  name: 'finance',
  run: (ctx) => ctx.service(FinanceService).recompute(),
};
