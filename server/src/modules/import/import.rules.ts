import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { RowErrorCode } from './import.errors.js';

export interface RowError {
  field: string | null;
  code: RowErrorCode;
  message: string;
}

/**
 * What the import does with one row. Decisions are made for the whole call before
 * anything is written; `apply` then stages the write (it is skipped on a dry run).
 */
export type RowDecision =
  | { outcome: 'REFUSED'; errors: RowError[] }
  | { outcome: 'UNCHANGED'; id: string }
  | { outcome: 'UPDATED'; id: string; apply: () => void }
  | { outcome: 'CREATED'; id: string; apply: (em: Em) => void };

export const refused = (...errors: RowError[]): RowDecision => ({ outcome: 'REFUSED', errors });

/** Collects every problem of one row, so the integrator can fix them all at once. */
export class RowCheck {
  readonly errors: RowError[] = [];

  add(field: string | null, code: RowErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** A non-blank string of at most `max` characters. */
  required(field: string, value: string | null | undefined, max: number): boolean {
    if (value == null || value.trim() === '') {
      this.add(field, RowErrorCode.REQUIRED, `${field} is required.`);
      return false;
    }
    return this.maxLength(field, value, max);
  }

  /** A required key (see `required`) that must name one of the `found` rows; returns that row. */
  reference<E>(
    field: string,
    value: string | null | undefined,
    max: number,
    found: ReadonlyMap<string, E>,
    code: RowErrorCode,
    message: string,
  ): E | undefined {
    const row = this.required(field, value, max) ? found.get(value!) : undefined;
    if (value?.trim() && !row) this.add(field, code, message);
    return row;
  }

  maxLength(field: string, value: string | null | undefined, max: number): boolean {
    if (value != null && value.length > max) {
      this.add(field, RowErrorCode.TOO_LONG, `${field} must be at most ${max} characters.`);
      return false;
    }
    return true;
  }

  /** A calendar month `YYYY-MM`, not after the current month (UTC). */
  period(field: string, value: string, now: Date): boolean {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      this.add(
        field,
        RowErrorCode.INVALID_FORMAT,
        `${field} must be a month written YYYY-MM, got "${value}".`,
      );
      return false;
    }
    const current = now.toISOString().slice(0, 7);
    if (value > current) {
      this.add(
        field,
        RowErrorCode.IN_FUTURE,
        `${field} ${value} is in the future; the latest month is ${current}.`,
      );
      return false;
    }
    return true;
  }

  /** A finite number, optionally within [min, max]; null passes (use for optional fields). */
  number(
    field: string,
    value: number | null | undefined,
    range: { min?: number; max?: number } = {},
  ): boolean {
    if (value == null) return true;
    const { min, max } = range;
    if (
      !Number.isFinite(value) ||
      (min !== undefined && value < min) ||
      (max !== undefined && value > max)
    ) {
      const bounds =
        min !== undefined && max !== undefined
          ? ` between ${min} and ${max}`
          : min !== undefined
            ? ` of at least ${min}`
            : max !== undefined
              ? ` of at most ${max}`
              : '';
      this.add(
        field,
        RowErrorCode.OUT_OF_RANGE,
        `${field} must be a finite number${bounds}, got ${value}.`,
      );
      return false;
    }
    return true;
  }
}

/**
 * For each row that repeats an earlier row's externalId, the refusal: only the first
 * row with an externalId is considered, so a call cannot contradict itself.
 */
export function duplicatesInBatch(rows: readonly { externalId: string }[]): Map<number, RowError> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, RowError>();
  rows.forEach((row, index) => {
    const earlier = first.get(row.externalId);
    if (earlier === undefined) {
      first.set(row.externalId, index);
      return;
    }
    duplicates.set(index, {
      field: 'externalId',
      code: RowErrorCode.DUPLICATE_IN_BATCH,
      message: `externalId "${row.externalId}" already appears in row ${earlier} of this call; only the first row is imported.`,
    });
  });
  return duplicates;
}

/** Bound parameters per `in (…)`: well under SQLite's and PostgreSQL's limits. */
const CHUNK = 1000;

/** `where <property> in (values)` in chunks of 1000; blank and repeated values are skipped. */
export async function findIn<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  property: string,
  values: Iterable<string | null | undefined>,
  where: Record<string, unknown> = {},
): Promise<E[]> {
  const distinct = [...new Set([...values].filter((v): v is string => !!v))];
  const found: E[] = [];
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const chunk = distinct.slice(i, i + CHUNK);
    const filter = { ...where, [property]: { $in: chunk } } as unknown as FilterQuery<NoInfer<E>>;
    found.push(...((await em.find(entity, filter)) as E[]));
  }
  return found;
}

/** Loads the rows whose `property` is among `values` and keys them by that property. */
export async function findKeyedBy<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  property: keyof E & string,
  values: Iterable<string | null | undefined>,
): Promise<Map<string, E>> {
  const rows = await findIn(em, entity, property, values);
  return new Map(rows.map((row) => [String(row[property]), row]));
}

export function indexBy<E, K>(items: readonly E[], key: (item: E) => K): Map<K, E> {
  return new Map(items.map((item) => [key(item), item]));
}
