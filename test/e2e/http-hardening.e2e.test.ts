import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrm } from '../helpers/db.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';

type Db = Awaited<ReturnType<typeof createTestOrm>>;

const CSP =
  "default-src 'self';base-uri 'none';connect-src 'self';font-src 'self';form-action 'self';" +
  "frame-ancestors 'none';img-src 'self' data:;manifest-src 'self';object-src 'none';" +
  "script-src 'self';script-src-attr 'none';style-src 'self'";

describe('the hub over HTTP: headers, limits and masking', () => {
  let db: Db;
  let webDist: string;
  const hubs: HttpHub[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const hub = await startHttpHub(db.orm, { CX_WEB_DIST: webDist, ...env });
    hubs.push(hub);
    return hub;
  };

  beforeAll(async () => {
    db = await createTestOrm('sqlite');
    // A stand-in for the built client: the headers do not depend on what the page holds
    // (the browser test runs the real build under the same policy).
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-dist-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>hub</title>');
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.close();
    await db.dispose();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends the security headers on the web page and on API answers, and no X-Powered-By', async () => {
    const hub = await start();
    const page = await fetch(`${hub.baseUrl}/some/client/route`);
    const api = (await hub.graphql({ query: '{ __typename }' })).response;
    for (const response of [page, api]) {
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // Not configured for HTTPS: no HSTS, no upgrade of requests.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds Strict-Transport-Security and upgrade-insecure-requests when CX_HSTS_MAX_AGE is set', async () => {
    const hub = await start({ CX_HSTS_MAX_AGE: '31536000' });
    const page = await fetch(`${hub.baseUrl}/`);
    expect(page.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(page.headers.get('content-security-policy')).toBe(`${CSP};upgrade-insecure-requests`);
  });

  it('answers HTTP 429 with Retry-After and RATE_LIMITED once an address has used its allowance', async () => {
    const hub = await start({ CX_RATE_LIMIT_ANON_POINTS: '2' });
    for (let i = 0; i < 2; i++) {
      expect((await hub.graphql({ query: '{ __typename }' })).response.status).toBe(200);
    }
    const { response, body } = await hub.graphql({ query: '{ __typename }' });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests: .* Try again in \d+ s\.$/),
        extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED' },
      },
    ]);
  });

  it('refuses an over-deep document with HTTP 400 and a typed error', async () => {
    const hub = await start({ CX_MAX_QUERY_DEPTH: '2' });
    const { response, body } = await hub.graphql({
      query: '{ clientAccounts { nodes { segment { name } } } }',
    });
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_DEEP',
    });
  });

  const typename = '{"query":"{ __typename }"}';
  it.each<[string, Record<string, string>, string, number]>([
    [
      'an unsupported charset',
      { 'content-type': 'application/json; charset=latin1' },
      typename,
      415,
    ],
    ['an unknown content encoding', { 'content-encoding': 'zip-bomb' }, typename, 415],
    ['broken gzip', { 'content-encoding': 'gzip' }, typename, 400],
    ['invalid JSON', {}, '{"query":', 400],
  ])(
    'answers a body with %s with a typed JSON error, never a page with a stack',
    async (_, headers, raw, status) => {
      const hub = await start();
      const { response, body } = await hub.graphql(raw, headers);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(body.errors).toEqual([
        {
          message: expect.stringMatching(/^The request/),
          extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_REQUEST' },
        },
      ]);
    },
  );

  describe('in production', () => {
    let hub: HttpHub;
    beforeAll(async () => {
      hub = await start({ NODE_ENV: 'production' });
    });

    it('refuses introspection and gives no suggestions', async () => {
      const schema = await hub.graphql({ query: '{ __schema { types { name } } }' });
      expect(schema.body.errors?.[0]?.extensions?.reason).toBe('INTROSPECTION_DISABLED');
      const misspelt = await hub.graphql({ query: '{ segmnts { totalCount } }' });
      expect(misspelt.body.errors?.[0]?.message).toBe(
        'Cannot query field "segmnts" on type "Query".',
      );
    });

    it('masks a database failure: no SQL, no table or constraint name, no stack', async () => {
      const scratch = await createTestOrm('sqlite');
      const broken = await startHttpHub(scratch.orm, { NODE_ENV: 'production' });
      try {
        const admin = await broken.adminHeaders();
        await scratch.orm.em.fork().getConnection().execute('drop table segment');
        const { response, body } = await broken.graphql(
          { query: '{ segments { totalCount } }' },
          admin,
        );
        expect(response.status).toBe(200);
        expect(body.errors).toEqual([
          {
            message: 'Internal server error.',
            path: ['segments'],
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ]);
      } finally {
        await broken.close();
        await scratch.dispose();
      }
    });
  });
});
