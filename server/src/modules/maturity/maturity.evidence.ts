import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Em } from '../../db/orm.js';
import type { MaturityThresholds } from './maturity.thresholds.js';

/**
 * What the group evidence queries share: the time window (cut-offs computed here, in
 * TypeScript, and passed as parameters so both databases compare the same instants), a tagged
 * template for parameterised SQL, the few dialect-specific expressions, and one helper that
 * runs a group's aggregates as a single statement.
 */

/** One calendar month: `YYYY-MM` and its bounds [from, to). */
export interface MonthSpan {
  period: string;
  from: Date;
  to: Date;
}

export interface EvidenceWindow {
  now: Date;
  /** Start of "the period": `periodDays` before now. */
  periodStart: Date;
  /** The last `recentMonths` complete months, oldest first. */
  recentMonths: MonthSpan[];
  /** The `recentMonths` complete months before those, oldest first (for trends). */
  priorMonths: MonthSpan[];
  /** First month of the history window (`historyMonths` complete months before now's month). */
  history: MonthSpan;
  /** The month "now" is in; figures of this month are not complete yet. */
  current: MonthSpan;
}

const DAY_MS = 86_400_000;

function monthSpan(year: number, month: number): MonthSpan {
  const from = new Date(Date.UTC(year, month, 1));
  const to = new Date(Date.UTC(year, month + 1, 1));
  return { period: from.toISOString().slice(0, 7), from, to };
}

/** The `YYYY-MM` month `n` months after `period` (negative `n`: before). */
export function shiftMonth(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return monthSpan(y, m - 1 + n).period;
}

export function evidenceWindow(now: Date, t: MaturityThresholds): EvidenceWindow {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const back = (n: number) => monthSpan(y, m - n);
  const range = (first: number, count: number) =>
    Array.from({ length: count }, (_, i) => back(first + count - 1 - i));
  return {
    now,
    periodStart: new Date(now.getTime() - t.periodDays * DAY_MS),
    recentMonths: range(1, t.recentMonths),
    priorMonths: range(1 + t.recentMonths, t.recentMonths),
    history: back(t.historyMonths),
    current: back(0),
  };
}

/** A piece of SQL with its positional (`?`) parameters. */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

/** Interpolated values become parameters; interpolated `Sql` pieces are spliced in. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, params);
}

/** Trusted SQL text (operators, column names written in code); never user input. */
export function raw(text: string): Sql {
  return new Sql(text, []);
}

/** `?, ?, ?` for an `in (…)` list; never empty, so the SQL stays valid. */
export function list(values: readonly unknown[]): Sql {
  if (values.length === 0) throw new Error('an SQL list needs at least one value');
  return new Sql(values.map(() => '?').join(', '), values);
}

/** Pieces joined by commas, e.g. several aggregate columns of one select. */
export function commaSeparated(parts: readonly Sql[]): Sql {
  if (parts.length === 0) throw new Error('nothing to join');
  return new Sql(
    parts.map((p) => p.text).join(', '),
    parts.flatMap((p) => [...p.params]),
  );
}

/** The expressions whose spelling differs between SQLite and PostgreSQL. */
export interface Dialect {
  /** `YYYY-MM` of a datetime column (UTC). */
  monthOf(column: string): Sql;
  /** True when `later` is at most `ms` milliseconds after `earlier`. */
  withinMs(later: string, earlier: string, ms: number): Sql;
  /** A top-level string field of a JSON column. */
  jsonText(column: string, key: string): Sql;
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`unsafe JSON key ${JSON.stringify(key)}`);
  return key;
}

// MikroORM stores SQLite datetimes as integer milliseconds since the epoch.
const sqliteDialect: Dialect = {
  monthOf: (c) => raw(`strftime('%Y-%m', ${c} / 1000, 'unixepoch')`),
  withinMs: (later, earlier, ms) => sql`(${raw(later)} - ${raw(earlier)}) <= ${ms}`,
  jsonText: (c, key) => raw(`json_extract(${c}, '$.${checkedKey(key)}')`),
};

const postgresDialect: Dialect = {
  monthOf: (c) => raw(`to_char(${c} at time zone 'UTC', 'YYYY-MM')`),
  withinMs: (later, earlier, ms) =>
    sql`${raw(later)} <= ${raw(earlier)} + cast(${ms} as double precision) * interval '1 millisecond'`,
  jsonText: (c, key) => raw(`(${c} ->> '${checkedKey(key)}')`),
};

export function dialectOf(em: Em): Dialect {
  return em.getPlatform() instanceof PostgreSqlPlatform ? postgresDialect : sqliteDialect;
}

/** One result row of aggregates, read by column alias. */
export class AggregateRow {
  constructor(private readonly row: Record<string, unknown>) {}

  /** A nullable number (PostgreSQL returns bigint and numeric aggregates as strings). */
  number(key: string): number | null {
    if (!(key in this.row)) throw new Error(`the evidence query has no column "${key}"`);
    const value = this.row[key];
    if (value === null || value === undefined) return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }

  /** A count or a sum over no rows: null reads as 0. */
  count(key: string): number {
    return this.number(key) ?? 0;
  }

  /** Every listed column as a count, typed by the list. */
  counts<K extends string>(keys: readonly K[]): Record<K, number> {
    return Object.fromEntries(keys.map((k) => [k, this.count(k)])) as Record<K, number>;
  }
}

/**
 * Runs several one-row aggregate selects as ONE statement (cross-joined), so a group's evidence
 * costs one round trip whatever the data size. Column aliases must be unique across parts.
 */
export async function selectAggregates(em: Em, parts: readonly Sql[]): Promise<AggregateRow> {
  const from = parts.map((p, i) => `(${p.text}) as q${i}`).join(' cross join ');
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from ${from}`,
    parts.flatMap((p) => [...p.params]),
  );
  const row = rows[0];
  if (!row) throw new Error('an aggregate query returned no row');
  return new AggregateRow(row);
}

/** The satisfaction metrics of the reference catalogue that "NPS/CSI computed" reads. */
export const SATISFACTION_METRIC_CODES = ['NPS', 'CSI'] as const;

/**
 * A forecast of metric X is recorded as observations of the metric `X_FORECAST` (same account,
 * same period), so its accuracy can be set against the actual X.
 */
export const FORECAST_SUFFIX = '_FORECAST';

export const SATISFACTION_FORECAST_CODES = SATISFACTION_METRIC_CODES.map(
  (c) => `${c}${FORECAST_SUFFIX}`,
);
