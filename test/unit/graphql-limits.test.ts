import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { parse, validate, type DocumentNode } from 'graphql';
import { formatDocument } from 'urql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { initORM, migrateUp, type Orm } from '../../server/src/db/orm.js';
import { createApolloServer } from '../../server/src/graphql/apollo.js';
import { RequestContext } from '../../server/src/graphql/context.js';
import { limitRules } from '../../server/src/graphql/limits.js';
import { getSchema } from '../../server/src/graphql/schema.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import * as webDocuments from '../../web/src/gql/graphql.js';
import {
  RecordingCollectStarter,
  silentLogger,
  testAdmin,
  type GraphQLResult,
} from '../helpers/graphql.js';

/** Accounts → contacts → account → contacts …, `levels` relations below the page's nodes. */
const nested = (levels: number) => {
  const relations = Array.from({ length: levels }, (_, i) => (i % 2 ? 'account' : 'contacts'));
  const selection = relations.reduceRight((inner, field) => `${field} { ${inner} }`, 'name');
  return `{ clientAccounts(first: 1) { nodes { ${selection} } } }`;
};
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `s${i}: segments(first: 1) { totalCount }`).join(' ')} }`;
const directives = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ')} }`;

describe('limits on GraphQL documents', () => {
  let orm: Orm;
  const servers: ApolloServer<RequestContext>[] = [];

  /** The real Apollo server configured from `env`, as the hub configures it from its environment. */
  const hub = async (env: NodeJS.ProcessEnv = {}) => {
    const config = loadConfig(env);
    const apollo = await createApolloServer({ config });
    await apollo.start();
    servers.push(apollo);
    const deps = {
      orm,
      config,
      collect: new RecordingCollectStarter(),
      initiatives: unreachableInitiativeWorkflows,
      log: silentLogger,
    };
    return async (query: string, variables?: Record<string, unknown>) => {
      const res = await apollo.executeOperation(
        { query, variables },
        // A CX admin may run every query, so only the limits can refuse one.
        { contextValue: new RequestContext(deps, testAdmin) },
      );
      if (res.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return res.body.singleResult as GraphQLResult;
    };
  };
  const refusal = (res: GraphQLResult) => ({
    code: res.errors?.[0]?.extensions?.code,
    reason: res.errors?.[0]?.extensions?.reason,
    message: res.errors?.[0]?.message,
  });

  beforeAll(async () => {
    orm = await initORM({ sqlitePath: ':memory:' });
    await migrateUp(orm);
  });
  afterAll(async () => {
    for (const apollo of servers) await apollo.stop();
    await orm.close(true);
  });

  it.each([
    [
      'too deep',
      { CX_MAX_QUERY_DEPTH: '4' },
      nested(4),
      'QUERY_TOO_DEEP',
      /nests fields 7 levels deep; at most 4/,
    ],
    ['too costly', { CX_MAX_QUERY_COST: '20' }, nested(6), 'QUERY_TOO_COSTLY', /at most 20\)/],
    [
      'with too many aliases',
      { CX_MAX_ALIASES: '3' },
      aliases(4),
      'TOO_MANY_ALIASES',
      /4 aliases; at most 3/,
    ],
    [
      'with too many directives',
      { CX_MAX_DIRECTIVES: '2' },
      directives(3),
      'TOO_MANY_DIRECTIVES',
      /3 directives; at most 2/,
    ],
    ['too long', { CX_MAX_TOKENS: '20' }, aliases(5), 'TOO_MANY_TOKENS', /at most 20 tokens/],
  ])(
    'refuses a document %s with BAD_USER_INPUT and a sentence',
    async (_, env, query, reason, message) => {
      const res = await (await hub(env))(query);
      expect(res.data).toBeUndefined();
      expect(refusal(res)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        message: expect.stringMatching(message),
      });
    },
  );

  it('lets the same documents through under the default limits', async () => {
    const execute = await hub();
    for (const query of [nested(4), aliases(4), directives(3)]) {
      expect((await execute(query)).errors, query).toBeUndefined();
    }
  });

  it('keeps every README example and every document of the web client within the default limits', async () => {
    const schema = await getSchema();
    const rules = limitRules(loadConfig({}).graphql);
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const documents: DocumentNode[] = [
      ...[...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => parse(m[1]!)),
      // As the browser sends them: urql adds `__typename` to every selection, and it costs.
      ...Object.values(webDocuments as Record<string, unknown>)
        .filter((d): d is DocumentNode => (d as { kind?: unknown } | null)?.kind === 'Document')
        .map((d) => formatDocument(d)),
    ];
    expect(documents.length).toBeGreaterThan(10);
    for (const document of documents) {
      expect(validate(schema, document, rules).map((e) => e.message)).toEqual([]);
    }
  });

  describe('introspection and field suggestions', () => {
    const introspect = '{ __schema { queryType { name } } }';
    const misspelt = '{ segmnts { totalCount } }';
    const badEnum = 'query($s: [CompanySize!]) { segments(filter: { sizes: $s }) { totalCount } }';

    it('answers both outside production', async () => {
      const execute = await hub({ NODE_ENV: 'development' });
      expect((await execute(introspect)).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      expect(refusal(await execute(misspelt)).message).toMatch(/Did you mean "segments"/);
    });

    it('refuses introspection and hides suggestions by default in production', async () => {
      const execute = await hub({ NODE_ENV: 'production' });
      expect(refusal(await execute(introspect))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INTROSPECTION_DISABLED',
        message: expect.stringMatching(/^Introspection is turned off on this server/),
      });
      expect(refusal(await execute(misspelt)).message).toBe(
        'Cannot query field "segmnts" on type "Query".',
      );
      const variables = refusal(await execute(badEnum, { s: ['LARG'] })).message;
      expect(variables).toMatch(/does not exist in "CompanySize" enum\.$/);
      expect(variables).not.toMatch(/Did you mean/);
    });

    it('follows CX_INTROSPECTION and CX_FIELD_SUGGESTIONS over NODE_ENV', async () => {
      const execute = await hub({
        NODE_ENV: 'production',
        CX_INTROSPECTION: 'true',
        CX_FIELD_SUGGESTIONS: 'true',
      });
      expect((await execute(introspect)).errors).toBeUndefined();
      expect(refusal(await execute(misspelt)).message).toMatch(/Did you mean/);
    });
  });
});
