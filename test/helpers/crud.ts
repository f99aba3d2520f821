import { expect } from 'vitest';
import type { EntityClass } from '@mikro-orm/core';
import type { Orm } from '../../server/src/db/orm.js';
import { uuidv7 } from '../../server/src/db/ids.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import type { GraphQLResult, TestApi } from './graphql.js';

/** A well-formed global id of `type` that names no row. */
// Built by hand: importing relay.ts here would load type-graphql decorators before reflect-metadata.
export const unknownId = (type: string): string =>
  Buffer.from(`${type}:${uuidv7()}`, 'utf8').toString('base64url');

/**
 * Walks a connection with keyset pages of `size` and returns the node field `pick` of every node.
 * `query` must take `$first: Int, $after: String` and select `<field> { nodes {…} pageInfo { hasNextPage endCursor } }`.
 */
export async function collectPages(
  api: TestApi,
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
  pick = 'name',
): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const res: GraphQLResult = await api.execute(query, { ...variables, first: 2, after });
    expect(res.errors).toBeUndefined();
    const connection: {
      nodes: Record<string, string>[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = res.data![field];
    seen.push(...connection.nodes.map((n) => n[pick]!));
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('the connection did not end within 50 pages');
}

export interface RefusalCase {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  message: RegExp;
}

/** Runs a refused mutation and checks its error and that no row of `entities` (nor any audit event) was written. */
export async function expectRefusedWithoutWrites(
  api: TestApi,
  orm: Orm,
  entities: EntityClass<object>[],
  c: RefusalCase,
): Promise<void> {
  const count = () =>
    Promise.all(
      [...entities, AuditEvent].map((e) => orm.em.fork().count(e as EntityClass<object>, {})),
    );
  const before = await count();
  const res = await api.execute(c.query, c.variables());
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe(c.code);
  expect(res.errors?.[0]?.message).toMatch(c.message);
  expect(await count()).toEqual(before);
}
