import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import type { Orm } from '../../../server/src/db/orm.js';
import { uuidv7 } from '../../../server/src/db/ids.js';
import { loadDemo } from '../../../server/src/demo/load.js';
import { hostileString } from './values.js';

const globalId = (type: string, id: string) =>
  Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/**
 * Global ids of rows that exist, by GraphQL type, and the ids a fuzz case sends: mostly real
 * ones of the expected type (so cases get past lookups into the rules and the database),
 * some of another type, some well-formed but naming no row, some malformed.
 */
export class IdPool {
  private readonly all: string[];

  constructor(private readonly byType: ReadonlyMap<string, readonly string[]>) {
    this.all = [...byType.values()].flat();
  }

  /** A real row's id: of the expected type when known and there is one, else of any type. */
  existing(type: string | undefined): fc.Arbitrary<string> {
    const own = type ? (this.byType.get(type) ?? []) : [];
    return fc.constantFrom(...(own.length > 0 ? own : this.all));
  }

  /** Ids to refuse: of another type, well-formed but naming no row, or malformed. */
  hostile(type: string | undefined): fc.Arbitrary<string> {
    const missing = fc
      .constantFrom(...(type ? [type] : [...this.byType.keys()]))
      .map((t) => globalId(t, uuidv7()));
    const malformed = fc.oneof(
      fc.constantFrom('', 'x', 'U2VnbWVudDpub3QtYS11dWlk', globalId('Segment', 'not-a-uuid')),
      hostileString,
    );
    return fc.oneof(fc.constantFrom(...this.all), missing, malformed);
  }
}

/**
 * A small demo company (every kind of row, initiatives in every state) to fuzz against, and
 * the pool of its ids: a few rows of every entity that is a GraphQL type.
 */
export async function createFuzzWorld(orm: Orm, schema: GraphQLSchema): Promise<IdPool> {
  await loadDemo(orm, { seed: 11, scale: 0.02, now: new Date() });
  const em = orm.em.fork();
  const byType = new Map<string, string[]>();
  for (const meta of orm.getMetadata().getAll().values()) {
    if (!schema.getType(meta.className) || !meta.primaryKeys.includes('id')) continue;
    const rows = await em.execute<{ id: string }[]>(
      `select id from ${meta.tableName} order by id limit 8`,
    );
    if (rows.length > 0) {
      byType.set(
        meta.className,
        rows.map((r) => globalId(meta.className, r.id)),
      );
    }
  }
  return new IdPool(byType);
}
