import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';
import { arrangeAccounts, TRANSACTION_HEADER, transactionLines } from '../helpers/import-files.js';

describeEachDatabase('POST /import/<kind> with the file as the body', (getOrm) => {
  let hub: HttpHub;
  let admin: Record<string, string>;

  beforeAll(async () => {
    await arrangeAccounts(getOrm());
    hub = await startHttpHub(getOrm());
    admin = await hub.adminHeaders();
  });
  afterAll(() => hub.close());

  /** The CSV sent as a stream of lines, as a large file would be. */
  const upload = (query: string, headers: Record<string, string>, refused: number[] = []) =>
    fetch(`${hub.baseUrl}/import/transactions${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...headers },
      body: Readable.toWeb(
        Readable.from(
          (function* () {
            yield `${TRANSACTION_HEADER}\n`;
            yield* transactionLines(2500, new Set(refused));
          })(),
        ),
      ) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  const stored = () => getOrm().em.fork().count(TransactionalFigures, {});

  it('a dry run answers the counts and the refused rows by number, and writes nothing', async () => {
    const response = await upload('?dryRun=true', admin, [3, 2001]);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, unknown>;
    expect(report).toMatchObject({ dryRun: true, rows: 2500, accepted: 2498, refused: 2 });
    expect(report.refusals).toMatchObject([
      { row: 3, externalId: 'tx-3', errors: [{ code: 'ACCOUNT_NOT_FOUND' }] },
      { row: 2001, externalId: 'tx-2001', errors: [{ code: 'ACCOUNT_NOT_FOUND' }] },
    ]);
    expect(await stored()).toBe(0);
  });

  it('imports the file, and the same file again is all duplicates', async () => {
    const first = (await (await upload('', admin)).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ dryRun: false, created: 2500, refused: 0 });
    const again = (await (await upload('', admin)).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ created: 0, unchanged: 2500 });
    expect(await stored()).toBe(2500);
  });

  it('takes an API token with the scope of the matching mutation, and refuses one without it', async () => {
    const token = async (scope: string) => {
      const { body } = await hub.graphql(
        {
          query: `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
          variables: { input: { name: `Import ${scope}`, scopes: [scope] } },
        },
        admin,
      );
      const secret = (body.data as { createApiToken: { secret: string } }).createApiToken.secret;
      return { authorization: `Bearer ${secret}` };
    };
    const feedbackOnly = await upload('?dryRun=true', await token('FEEDBACK_WRITE'));
    expect(feedbackOnly.status).toBe(403);
    expect(await feedbackOnly.json()).toMatchObject({
      errors: [{ extensions: { code: 'FORBIDDEN', reason: 'SCOPE_MISSING' } }],
    });
    const figures = await upload('?dryRun=true', await token('FIGURES_WRITE'));
    expect(figures.status).toBe(200);
    expect(await figures.json()).toMatchObject({ dryRun: true, rows: 2500 });
  });

  it('refuses a caller who is not signed in, and a kind that does not exist', async () => {
    const anonymous = await upload('', {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' } }],
    });
    const unknown = await fetch(`${hub.baseUrl}/import/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...admin },
      body: 'a,b\n',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_KIND' } }],
    });
  });
});

describeEachDatabase('POST /import/<kind> under the rate limit', (getOrm) => {
  it('answers 429 with Retry-After once the caller has spent its allowance', async () => {
    const hub = await startHttpHub(getOrm(), { CX_RATE_LIMIT_ANON_POINTS: '1' });
    try {
      const send = () =>
        fetch(`${hub.baseUrl}/import/transactions`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: `${TRANSACTION_HEADER}\n`,
        });
      expect((await send()).status).toBe(401);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({
        errors: [{ extensions: { code: 'RATE_LIMITED' } }],
      });
    } finally {
      await hub.close();
    }
  });
});
