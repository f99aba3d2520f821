import { expect, it } from 'vitest';
import { monthBefore, nextMonthlyRun } from '../../workflows/contracts/pareto.contract.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

it('runs six hours into the next month when the month has begun past that', () => {
  expect(new Date(nextMonthlyRun(at('2026-11-30T23:00:00Z'), 6 * HOUR)).toISOString()).toBe(
    '2026-12-01T06:00:00.000Z',
  );
  expect(new Date(nextMonthlyRun(at('2026-12-31T07:00:00Z'), 6 * HOUR)).toISOString()).toBe(
    '2027-01-01T06:00:00.000Z',
  );
});

it('runs later the same month when its run time is still ahead, and not twice at the instant itself', () => {
  expect(new Date(nextMonthlyRun(at('2026-12-01T02:00:00Z'), 6 * HOUR)).toISOString()).toBe(
    '2026-12-01T06:00:00.000Z',
  );
  expect(new Date(nextMonthlyRun(at('2026-12-01T06:00:00Z'), 6 * HOUR)).toISOString()).toBe(
    '2027-01-01T06:00:00.000Z',
  );
});

it('analyses the month before the run, across a year end', () => {
  expect(monthBefore(at('2026-12-01T06:00:00Z'))).toBe('2026-11');
  expect(monthBefore(at('2027-01-01T06:00:00Z'))).toBe('2026-12');
});
