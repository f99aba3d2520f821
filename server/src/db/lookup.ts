import type { EntityClass, FindOneOptions } from '@mikro-orm/core';
import type { DomainError } from '../domain/errors.js';
import { isUuid } from './ids.js';
import type { Em } from './orm.js';

/** A module's NOT_FOUND error for one field, e.g. `(m, f) => clientError('ACCOUNT_NOT_FOUND', m, f)`. */
export type NotFound = (message: string, field: string) => DomainError;

/** The row with this id, or null (also for a string that is no uuid, which PostgreSQL would reject). */
export async function findById<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  id: string,
): Promise<E | null> {
  if (!isUuid(id)) return null;
  return em.findOne(entity, { id } as never);
}

/**
 * The row an input field refers to, or the module's NOT_FOUND error naming the field and
 * the kind of row (`No client account matches accountId.`), never the id itself.
 */
export async function mustFind<E extends object, Hint extends string = never>(
  em: Em,
  entity: EntityClass<E>,
  id: string,
  field: string,
  notFound: NotFound,
  options?: FindOneOptions<E, Hint>,
): Promise<E> {
  const found = isUuid(id) ? await em.findOne(entity, { id } as never, options) : null;
  if (!found) throw notFound(`No ${describe(entity)} matches ${field}.`, field);
  return found;
}

/**
 * Every row of a list field, in the order given (repeats collapsed), in one query. The
 * first unknown one fails with NOT_FOUND on `field`, the message naming its position
 * (`No client account matches accountIds[2].`; `at` spells positions in nested lists).
 */
export async function mustFindAll<E extends { id: string }>(
  em: Em,
  entity: EntityClass<E>,
  ids: readonly string[],
  field: string,
  notFound: NotFound,
  at: (index: number) => string = (index) => `${field}[${index}]`,
): Promise<E[]> {
  const unique = [...new Set(ids)];
  const rows = unique.some(isUuid)
    ? await em.find(entity, { id: { $in: unique.filter(isUuid) } } as never)
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0) throw notFound(`No ${describe(entity)} matches ${at(missing)}.`, field);
  return unique.map((id) => byId.get(id)!);
}

/** `ClientAccount` → `client account`, for messages people read. */
function describe(entity: EntityClass<object>): string {
  return entity.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
