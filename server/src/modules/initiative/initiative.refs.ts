import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { initiativeError } from './initiative.errors.js';

type NotFoundReason = Parameters<typeof initiativeError>[0] & `${string}_NOT_FOUND`;

/**
 * Loads the entity a global id in an input refers to: a malformed id is BAD_USER_INPUT
 * (from `fromGlobalId`), an unknown one NOT_FOUND naming the input field.
 */
export async function mustFind<E extends object>(
  em: Em,
  entity: EntityClass<E>,
  globalId: string,
  type: string,
  field: string,
  reason: NotFoundReason,
  label: string,
): Promise<E> {
  const id = fromGlobalId(globalId, type, field);
  const found = await em.findOne(entity, { id } as unknown as FilterQuery<E> as never);
  if (!found) throw initiativeError(reason, `No ${label} with id ${globalId}.`, field);
  return found;
}

/** Loads every entity of a list of global ids (deduplicated), failing on the first unknown one. */
export async function mustFindAll<E extends { id: string }>(
  em: Em,
  entity: EntityClass<E>,
  globalIds: readonly string[],
  type: string,
  field: string,
  reason: NotFoundReason,
  label: string,
): Promise<E[]> {
  const ids = [...new Set(globalIds.map((g) => fromGlobalId(g, type, field)))];
  if (ids.length === 0) return [];
  const rows = await em.find(entity, { id: { $in: ids } } as unknown as FilterQuery<E> as never);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [i, id] of ids.entries()) {
    if (!byId.has(id)) {
      const original = globalIds.find((g) => fromGlobalId(g, type, field) === id) ?? ids[i];
      throw initiativeError(reason, `No ${label} with id ${original}.`, field);
    }
  }
  return ids.map((id) => byId.get(id)!);
}
