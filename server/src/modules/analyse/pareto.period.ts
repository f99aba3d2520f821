import { analyseError } from './pareto.errors.js';

/** A calendar month `YYYY-MM` (UTC) and its bounds [from, to). */
export interface Period {
  period: string;
  from: Date;
  to: Date;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function periodSpan(period: string): Period {
  const match = PERIOD.exec(period);
  if (!match) {
    throw analyseError(
      'INVALID_PERIOD',
      `The period "${period.slice(0, 20)}" is not a month written as YYYY-MM (e.g. 2026-11).`,
      'period',
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    period,
    from: new Date(Date.UTC(year, month, 1)),
    to: new Date(Date.UTC(year, month + 1, 1)),
  };
}

/** A month that is over at `now`: a Pareto covers a whole month, so a running one is refused. */
export function closedPeriod(period: string, now: Date): Period {
  const span = periodSpan(period);
  if (span.from.getUTCFullYear() < 2000) {
    throw analyseError('INVALID_PERIOD', `The period ${period} is before 2000.`, 'period');
  }
  if (span.to.getTime() > now.getTime()) {
    throw analyseError(
      'FUTURE_PERIOD',
      `The month ${period} has not ended yet; a Pareto analysis covers a whole month, so run it once the month is over.`,
      'period',
    );
  }
  return span;
}
