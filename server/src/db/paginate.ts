import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { commonError } from '../domain/errors.js';
import type { Em } from './orm.js';

export type SortDirection = 'asc' | 'desc';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Which page of a list to read, Relay style: `first` after a cursor, or `last` before one.
 * The GraphQL `ConnectionArgs` satisfies it as is.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** What a service returns for a list: nodes with their cursors and the page's edges. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The same page with every node mapped (e.g. an entity to its GraphQL type). */
export function mapPage<A, B>(page: Page<A>, map: (a: A) => B): Page<B> {
  const edges = page.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}

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
  args: PageArgs,
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
