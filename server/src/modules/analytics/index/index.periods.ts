import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { monthOf } from '../../monitor/monitor.window.js';
import { indexError } from './index.errors.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The longest span of months one request may cover. */
export const MAX_MONTHS = 36;

/** The months [from, to], oldest first. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/** Checks a span of complete months before `now`'s month; throws a typed error otherwise. */
export function checkSpan(from: string, to: string, now: Date): string[] {
  if (!PERIOD.test(from))
    throw indexError('INVALID_PERIOD', 'periodFrom must be YYYY-MM.', 'periodFrom');
  if (!PERIOD.test(to)) throw indexError('INVALID_PERIOD', 'periodTo must be YYYY-MM.', 'periodTo');
  if (from > to) {
    throw indexError(
      'INVALID_PERIOD',
      `The period starts (${from}) after it ends (${to}).`,
      'periodTo',
    );
  }
  if (to >= monthOf(now)) {
    throw indexError(
      'FUTURE_PERIOD',
      `${to} is not a complete month yet; the last complete month is ${shiftMonth(monthOf(now), -1)}.`,
      'periodTo',
    );
  }
  const months = monthsOf(from, to);
  if (months.length > MAX_MONTHS) {
    throw indexError('INVALID_PERIOD', `At most ${MAX_MONTHS} months at once.`, 'periodFrom');
  }
  return months;
}
