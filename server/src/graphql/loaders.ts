import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { RequestContext } from './context.js';

interface WithId {
  id: string;
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
    if (options.limitPerParent !== undefined) {
      const ids = await topIdsPerParent(ctx, entity, options, [...parentIds], orderBy);
      where = { id: { $in: ids } } as unknown as FilterQuery<E>;
    }
    const rows = await ctx.em.find(entity, where, { orderBy: orderBy as never });
    const groups = new Map<string, E[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const parent = (row as unknown as Record<string, WithId | null>)[options.parentProperty];
      if (parent) groups.get(parent.id)?.push(row);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
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
