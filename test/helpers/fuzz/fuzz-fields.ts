import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSchema } from '../../../server/src/graphql/schema.js';
import { describeEachDatabase } from '../db.js';
import { createTestApi, type TestApi } from '../graphql.js';
import { argumentsOf, operationDocument, type Operation } from './arguments.js';
import { responseProblems } from './expectations.js';
import { fingerprinter } from './fingerprint.js';
import { createFuzzWorld, type IdPool } from './world.js';

/**
 * The seed of every property (one per field: this plus the field's position). Fixed so a run
 * can be repeated; fast-check prints it, and the failing case's path, when a property fails.
 * Set FUZZ_SEED to explore other cases.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** The names of the query or mutation fields, sorted, and every `of`-th from `shard` (1-based). */
export async function fieldShard(operation: Operation, shard = 1, of = 1): Promise<string[]> {
  const schema = await getSchema();
  const root = operation === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.keys(root!.getFields())
    .sort()
    .filter((_, i) => i % of === shard - 1);
}

/**
 * Throws `runs` generated argument sets at each named field through the real Apollo server
 * (as `createTestApi`'s default viewer) over a small demo company, on SQLite and PostgreSQL.
 * Every answer must be free of INTERNAL_SERVER_ERROR, with a known code and a readable
 * message on each error; a refused mutation, and any query, must leave every table as it was.
 * Initiative commands meet the unreachable workflow port, so they are fuzzed up to it.
 */
export function fuzzFields(
  title: string,
  operation: Operation,
  fields: readonly string[],
  runs: number,
): void {
  describeEachDatabase(title, (getOrm) => {
    let schema: GraphQLSchema;
    let api: TestApi;
    let ids: IdPool;
    let fingerprint: () => Promise<string>;

    beforeAll(async () => {
      schema = await getSchema();
      ids = await createFuzzWorld(getOrm(), schema);
      api = await createTestApi(getOrm());
      fingerprint = await fingerprinter(getOrm());
    });
    afterAll(async () => {
      await api?.stop();
    });

    it.each(fields.map((name, index) => ({ name, index })))(
      '$name: every refusal is typed and readable, and changes nothing',
      async ({ name, index }) => {
        const root = operation === 'Query' ? schema.getQueryType() : schema.getMutationType();
        const field = root!.getFields()[name]!;
        const document = operationDocument(operation, field);
        let last = await fingerprint();
        await fc.assert(
          fc.asyncProperty(argumentsOf(operation, field, ids), async (variables) => {
            const res = await api.execute(document, variables);
            const now = await fingerprint();
            const changed = now !== last;
            last = now;
            expect(responseProblems(res, variables)).toEqual([]);
            if (res.errors?.length || operation === 'Query') {
              expect(changed, 'the database changed although nothing was accepted').toBe(false);
            }
          }),
          { numRuns: runs, seed: FUZZ_SEED + index },
        );
      },
      // Room for fast-check to shrink a failing case against the database.
      120_000,
    );
  });
}
