import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { monthOf } from '../../monitor/monitor.window.js';

/** The months an effect compares, `YYYY-MM` inclusive. */
export interface EffectWindows {
  /** The `beforeMonths` complete months before the month the implementation started in. */
  beforeFrom: string;
  beforeTo: string;
  /** From the month the implementation started in to the last complete month before `now`. */
  afterFrom: string;
  afterTo: string;
  /** False while no month after the start is complete: nothing to compare yet. */
  hasAfter: boolean;
}

export function effectWindows(startedAt: Date, now: Date, beforeMonths: number): EffectWindows {
  if (!Number.isInteger(beforeMonths) || beforeMonths < 1)
    throw new RangeError('beforeMonths must be a positive integer');
  const afterFrom = monthOf(startedAt);
  const afterTo = shiftMonth(monthOf(now), -1);
  return {
    beforeFrom: shiftMonth(afterFrom, -beforeMonths),
    beforeTo: shiftMonth(afterFrom, -1),
    afterFrom,
    afterTo,
    hasAfter: afterTo >= afterFrom,
  };
}
