import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSchema } from '../../server/src/graphql/schema.js';
import { describeEachDatabase } from '../helpers/db.js';
import { argumentsOf, operationDocument } from '../helpers/fuzz/arguments.js';
import { responseProblems, type ErrorsBody } from '../helpers/fuzz/expectations.js';
import { fingerprinter } from '../helpers/fuzz/fingerprint.js';
import { FUZZ_SEED } from '../helpers/fuzz/fuzz-fields.js';
import { hostileString } from '../helpers/fuzz/values.js';
import { createFuzzWorld, type IdPool } from '../helpers/fuzz/world.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';

/**
 * Requests no well-behaved client sends: broken JSON, batches, wrong types, charsets,
 * encodings and headers, GETs.
 */
interface RawRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Blob;
}

const hostileRequest: fc.Arbitrary<RawRequest> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(
        '',
        '{',
        '{"query":',
        'null',
        '[]',
        '"query"',
        '{"query": "{ __typename }"}x',
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(
        JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
        JSON.stringify({ query: 42 }),
        JSON.stringify({ query: '{ __typename }', variables: 'x' }),
        JSON.stringify({ query: '{ __typename }', operationName: { a: 1 } }),
        JSON.stringify({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
        }),
        JSON.stringify({ query: 'mutation { deleteSegment(id: "x") }', variables: null }),
        JSON.stringify({ query: `{ ${'__typename '.repeat(6_000)}}` }),
        JSON.stringify({ query: `{ ${'a: '.repeat(3_000)}__typename }` }),
        `{"query": "{ __typename }", "variables": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      ),
      hostileString.map((query) => JSON.stringify({ query })),
    )
    .map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
  fc.constantFrom<RawRequest>(
    {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    },
    { method: 'POST', headers: {}, body: '{"query":"{ __typename }"}' },
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]),
    },
    {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{"query":"{ __typename }"}',
    },
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"query":"{ __typename }"}',
    },
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'zip-bomb' },
      body: '{"query":"{ __typename }"}',
    },
    { method: 'GET', headers: {}, body: undefined },
    { method: 'GET', headers: { 'apollo-require-preflight': 'true' }, body: undefined },
    { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' },
  ),
);

describeEachDatabase('hostile requests over HTTP', (getOrm) => {
  let schema: GraphQLSchema;
  let ids: IdPool;
  let hub: HttpHub;
  let fingerprint: () => Promise<string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    schema = await getSchema();
    ids = await createFuzzWorld(getOrm(), schema);
    hub = await startHttpHub(getOrm(), { CX_RATE_LIMIT_ANON_POINTS: '0' });
    admin = await hub.adminHeaders();
    fingerprint = await fingerprinter(getOrm());
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('never answers 500: every mutation with random arguments, refused ones changing nothing', async () => {
    // As a CX admin, so every mutation reaches its rules and the database; all but the two that
    // would end the session the cases run in (the in-process fuzz tests cover those).
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter(
      (f) => !['signOut', 'changePassword'].includes(f.name),
    );
    const cases = fc
      .constantFrom(...mutations)
      .chain((field) =>
        argumentsOf('Mutation', field, ids).map((variables) => ({ field, variables })),
      );
    let last = await fingerprint();
    await fc.assert(
      fc.asyncProperty(cases, async ({ field, variables }) => {
        const { response, body } = await hub.graphql(
          { query: operationDocument('Mutation', field), variables },
          admin,
        );
        const now = await fingerprint();
        const changed = now !== last;
        last = now;
        expect(response.status, field.name).not.toBe(500);
        expect(responseProblems(body, variables), field.name).toEqual([]);
        if (body.errors?.length) expect(changed, `${field.name} changed the database`).toBe(false);
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
    const me = await hub.graphql({ query: '{ me { role } }' }, admin);
    expect(me.body.data, 'the cases ran signed in as a CX admin throughout').toEqual({
      me: { role: 'CX_ADMIN' },
    });
  }, 120_000);

  it('never answers 500 to malformed requests, and always with typed errors', async () => {
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ method, headers, body }) => {
        const response = await fetch(`${hub.baseUrl}/graphql`, { method, headers, body });
        expect(response.status).not.toBe(500);
        if (response.status === 404) return; // not a GraphQL route (e.g. PUT)
        expect(response.headers.get('content-type')).toMatch(
          /^application\/(graphql-response\+)?json/,
        );
        const text = await response.text();
        const parsed = JSON.parse(text) as ErrorsBody;
        expect(responseProblems(parsed), text.slice(0, 300)).toEqual([]);
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
    expect(await fingerprint()).toBe(before);
  }, 120_000);
});
