import type { EntityClass, EntityProperty, FilterQuery } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { authError } from '../auth/auth.errors.js';
import { hidesRows, ROW_SCOPE_FILTER, type RowScope } from '../auth/row-scopes.js';
import { commonError } from '../domain/errors.js';
import type { RequestContext } from './context.js';

interface WithId {
  id: string;
}

/**
 * Raw SQL bypasses the row-scope filter: the loaders below use it only when the viewer sees
 * every row of the entity, and take the filtered (slower) path otherwise.
 */
function restricted(ctx: RequestContext, entity: EntityClass<object>): boolean {
  return hidesRows(ctx.em.getFilterParams<RowScope>(ROW_SCOPE_FILTER), entity.name);
}

/**
 * The `limit` argument of a per-parent list field (a contact's recent feedback, an initiative's
 * notifications): every parent gets its own top-N, so it is kept small.
 */
export function perParentLimit(limit: number, max: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw commonError(
      'VALIDATION_FAILED',
      `limit must be between 1 and ${max}, got ${limit}.`,
      'limit',
    );
  }
  return limit;
}

/** Batch loader of entities by primary key: one `where id in (…)` per batch. */
export function entityById<E extends WithId>(
  ctx: RequestContext,
  entity: EntityClass<E>,
): DataLoader<string, E | null> {
  return ctx.loader<string, E | null>(`${entity.name}.byId`, async (ids) => {
    const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<E>);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export interface ChildrenOptions {
  /** Property on the child that references the parent (a m:1 relation). */
  parentProperty: string;
  /** Sort inside each parent's group, e.g. `{ receivedAt: 'desc' }`; `id` breaks ties. */
  orderBy: Record<string, 'asc' | 'desc'>;
  /** Keep only the first N children of each parent (window function; still one batch). */
  limitPerParent?: number;
}

/**
 * Batch loader of a parent's children (e.g. an account's contacts): all parents asked
 * for in one tick are served by one query (two with `limitPerParent`), so a nested read
 * costs the same number of SQL statements whatever the page size.
 */
export function childrenOf<E extends WithId>(
  ctx: RequestContext,
  entity: EntityClass<E>,
  options: ChildrenOptions,
): DataLoader<string, E[]> {
  const key = `${entity.name}.by.${options.parentProperty}.${JSON.stringify(options.orderBy)}.${options.limitPerParent ?? ''}`;
  return ctx.loader<string, E[]>(key, async (parentIds) => {
    const orderBy = { ...options.orderBy, id: Object.values(options.orderBy)[0] ?? 'asc' };
    let where = { [options.parentProperty]: { $in: [...parentIds] } } as FilterQuery<E>;
    const ranked = options.limitPerParent !== undefined && !restricted(ctx, entity);
    if (ranked) {
      const ids = await topIdsPerParent(ctx, entity, options, [...parentIds], orderBy);
      where = { id: { $in: ids } } as unknown as FilterQuery<E>;
    }
    const rows = await ctx.em.find(entity, where, { orderBy: orderBy as never });
    const groups = new Map<string, E[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const parent = (row as unknown as Record<string, WithId | null>)[options.parentProperty];
      if (parent) groups.get(parent.id)?.push(row);
    }
    // A restricted viewer's top N is taken from the rows it may see, never from hidden ones.
    const limit = ranked ? undefined : options.limitPerParent;
    return parentIds.map((id) => (groups.get(id) ?? []).slice(0, limit));
  });
}

async function topIdsPerParent<E extends WithId>(
  ctx: RequestContext,
  entity: EntityClass<E>,
  options: ChildrenOptions,
  parentIds: string[],
  orderBy: Record<string, 'asc' | 'desc'>,
): Promise<string[]> {
  if (parentIds.length === 0) return [];
  const meta = ctx.em.getMetadata().get(entity);
  const column = (prop: string) => {
    const field = meta.properties[prop as keyof typeof meta.properties]?.fieldNames?.[0];
    if (!field) throw new Error(`unknown property ${entity.name}.${prop}`);
    return `"${field}"`;
  };
  const order = Object.entries(orderBy)
    .map(([prop, dir]) => `${column(prop)} ${dir === 'desc' ? 'desc' : 'asc'}`)
    .join(', ');
  const parent = column(options.parentProperty);
  const placeholders = parentIds.map(() => '?').join(', ');
  const sql =
    `select "id" from (select "id", row_number() over (partition by ${parent} order by ${order}) as rn ` +
    `from "${meta.tableName}" where ${parent} in (${placeholders})) ranked where rn <= ?`;
  const rows = await ctx.em
    .getConnection()
    .execute<{ id: string }[]>(sql, [...parentIds, options.limitPerParent ?? 0]);
  return rows.map((r) => r.id);
}

export interface ManyToManyOptions {
  /** Load from the target side: keys are target ids, values the owners linking to them. */
  inverse?: boolean;
  /** Order of each key's related entities; `id` breaks ties. */
  orderBy?: Record<string, 'asc' | 'desc'>;
}

/**
 * Batch loader over an owning m:n relation (e.g. `manyToManyOf(ctx, AdvisoryCouncil, 'accounts')`):
 * the pivot rows of all keys asked for in one tick come in one query and the related
 * entities in a second, whatever the number of keys.
 */
export function manyToManyOf<T extends WithId>(
  ctx: RequestContext,
  owner: EntityClass<object>,
  property: string,
  options: ManyToManyOptions = {},
): DataLoader<string, T[]> {
  const key = `${owner.name}.${property}.m2m.${options.inverse ? 'inverse' : 'owner'}.${JSON.stringify(options.orderBy ?? {})}`;
  return ctx.loader<string, T[]>(key, async (keys) => {
    const meta = ctx.em.getMetadata().get(owner);
    const prop = (meta.properties as Record<string, EntityProperty | undefined>)[property];
    const ownerColumn = prop?.joinColumns?.[0];
    const targetColumn = prop?.inverseJoinColumns?.[0];
    if (!prop?.pivotTable || !ownerColumn || !targetColumn) {
      throw new Error(`${owner.name}.${property} is not an owning many-to-many relation`);
    }
    const [fromColumn, toColumn] = options.inverse
      ? [targetColumn, ownerColumn]
      : [ownerColumn, targetColumn];
    const related = (options.inverse ? owner : prop.targetMeta!.class) as EntityClass<T>;
    const placeholders = keys.map(() => '?').join(', ');
    const links = await ctx.em
      .getConnection()
      .execute<{ from_id: string; to_id: string }[]>(
        `select "${fromColumn}" as from_id, "${toColumn}" as to_id from "${prop.pivotTable}" where "${fromColumn}" in (${placeholders})`,
        [...keys],
      );
    const ids = [...new Set(links.map((l) => String(l.to_id)))];
    const orderBy = { ...(options.orderBy ?? {}), id: 'asc' as const };
    const rows = ids.length
      ? await ctx.em.find(related, { id: { $in: ids } } as unknown as FilterQuery<T>, {
          orderBy: orderBy as never,
        })
      : [];
    const position = new Map(rows.map((r, i) => [r.id, i]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const link of links) {
      const row = byId.get(String(link.to_id));
      if (row) groups.get(String(link.from_id))?.push(row);
    }
    for (const group of groups.values())
      group.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * Batch loader of how many children each parent has (e.g. accounts per segment):
 * one `group by` query per batch.
 */
export function countOf(
  ctx: RequestContext,
  entity: EntityClass<object>,
  parentProperty: string,
): DataLoader<string, number> {
  return ctx.loader<string, number>(
    `${entity.name}.count.by.${parentProperty}`,
    async (parentIds) => {
      if (restricted(ctx, entity)) return countVisible(ctx, entity, parentProperty, parentIds);
      const meta = ctx.em.getMetadata().get(entity);
      const column = (meta.properties as Record<string, EntityProperty | undefined>)[parentProperty]
        ?.fieldNames?.[0];
      if (!column) throw new Error(`unknown property ${entity.name}.${parentProperty}`);
      const placeholders = parentIds.map(() => '?').join(', ');
      const rows = await ctx.em
        .getConnection()
        .execute<{ parent_id: string; n: number | string }[]>(
          `select "${column}" as parent_id, count(*) as n from "${meta.tableName}" where "${column}" in (${placeholders}) group by "${column}"`,
          [...parentIds],
        );
      const counts = new Map(rows.map((r) => [String(r.parent_id), Number(r.n)]));
      return parentIds.map((id) => counts.get(id) ?? 0);
    },
  );
}

/** `countOf` through the row-scope filter: the rows themselves, counted per parent. */
async function countVisible(
  ctx: RequestContext,
  entity: EntityClass<object>,
  parentProperty: string,
  parentIds: readonly string[],
): Promise<number[]> {
  const rows = await ctx.em.find(
    entity,
    { [parentProperty]: { $in: [...parentIds] } } as FilterQuery<object>,
    { fields: [parentProperty] as never },
  );
  const counts = new Map<string, number>();
  for (const row of rows) {
    const parent = (row as Record<string, WithId | null>)[parentProperty];
    if (parent) counts.set(parent.id, (counts.get(parent.id) ?? 0) + 1);
  }
  return parentIds.map((id) => counts.get(id) ?? 0);
}

/**
 * Loads a referenced entity that must exist (a foreign key guarantees it), batched like
 * `entityById`. For a restricted viewer the row may lie outside its rows: FORBIDDEN, as for a
 * non-null field it may not read. Otherwise its absence is a broken invariant (internal error).
 */
export async function requiredById<E extends WithId>(
  ctx: RequestContext,
  entity: EntityClass<E>,
  id: string,
): Promise<E> {
  const row = await entityById(ctx, entity).load(id);
  if (row) return row;
  if (restricted(ctx, entity)) {
    throw authError('ROW_NOT_VISIBLE', `You may not read this ${entity.name} reference.`);
  }
  throw new Error(`${entity.name} ${id} is referenced but does not exist`);
}

/**
 * Loads an optional reference (a nullable foreign key), batched like `entityById`, and maps it
 * to its GraphQL type: null when there is no reference or the row lies outside the viewer's rows.
 */
export async function optionalById<E extends WithId, T>(
  ctx: RequestContext,
  entity: EntityClass<E>,
  id: string | null | undefined,
  map: (row: E) => T,
): Promise<T | null> {
  if (!id) return null;
  const row = await entityById(ctx, entity).load(id);
  return row ? map(row) : null;
}
