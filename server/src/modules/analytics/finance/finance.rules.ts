/** The finance linkage's thresholds; each is configurable (see `server/src/config.ts`). */
export interface FinanceRules {
  /** Complete months of the monitor's snapshot (and of a query without a window). */
  windowMonths: number;
  /** Fewest satisfaction scores an account needs in the window to enter the regression … */
  minScores: number;
  /** … and fewest months of transactional figures. */
  minMonths: number;
}

export const DEFAULT_FINANCE_RULES: Readonly<FinanceRules> = Object.freeze({
  windowMonths: 12,
  minScores: 5,
  minMonths: 3,
});
