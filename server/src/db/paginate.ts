import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { commonError } from '../domain/errors.js';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ConnectionArgs,
  type Page,
} from '../graphql/relay.js';
import type { Em } from './orm.js';

export type SortDirection = 'asc' | 'desc';

function pageSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw commonError(
      'PAGE_TOO_LARGE',
      `${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`,
      name,
    );
  }
  return value;
}

/**
 * Keyset pagination (Relay connection semantics) over any entity. The order always
 * ends with `id`, which is unique and time-ordered, so pages are stable under inserts.
 */
export async function paginate<E extends object>(
  em: Em,
  entity: EntityName<E>,
  where: FilterQuery<E>,
  args: ConnectionArgs,
  orderBy: Record<string, SortDirection> = { id: 'desc' },
): Promise<Page<E>> {
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  const order = { ...orderBy };
  if (!('id' in order)) order.id = Object.values(orderBy)[0] ?? 'desc';
  const options = {
    where,
    orderBy: order,
    includeCount: true,
    ...(last !== undefined && first === undefined
      ? { last }
      : { first: first ?? DEFAULT_PAGE_SIZE }),
    ...(args.after ? { after: args.after } : {}),
    ...(args.before ? { before: args.before } : {}),
  };
  let cursor;
  try {
    cursor = await em.findByCursor(entity, options as never);
  } catch (error) {
    if (error instanceof Error && /cursor/i.test(error.message)) {
      throw commonError(
        'INVALID_CURSOR',
        'The pagination cursor is not valid for this list.',
        args.after ? 'after' : 'before',
      );
    }
    throw error;
  }
  const items = cursor.items as E[];
  return {
    edges: items.map((node) => ({ cursor: cursor.from(node as never), node })),
    nodes: items,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: cursor.totalCount as number,
  };
}
