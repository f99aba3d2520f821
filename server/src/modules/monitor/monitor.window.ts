import { shiftMonth } from '../maturity/maturity.evidence.js';

/** `YYYY-MM` of an instant (UTC). */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The first instant of a `YYYY-MM` month (UTC). */
export function monthStart(period: string): Date {
  return new Date(`${period}-01T00:00:00.000Z`);
}

/** The complete months before `at`'s month: the last `count`, oldest first. */
export function completeMonths(at: Date, count: number): { from: string; to: string } {
  const to = shiftMonth(monthOf(at), -1);
  return { from: shiftMonth(to, -(count - 1)), to };
}

/** `YYYY-MM` as a month number, for trends: `year·12 + month`, in SQL on both databases. */
export const MONTH_INDEX_SQL = (column: string) =>
  `(cast(substr(${column}, 1, 4) as integer) * 12 + cast(substr(${column}, 6, 2) as integer))`;

/** A datetime read by raw SQL: SQLite answers epoch milliseconds, PostgreSQL a Date. */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const n = Number(value);
  return Number.isFinite(n) ? new Date(n) : new Date(String(value));
}

/** A number read by raw SQL (PostgreSQL answers bigint and numeric as strings). */
export function readNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
