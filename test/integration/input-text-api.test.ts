import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { fingerprinter } from '../helpers/fuzz/fingerprint.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const CREATE_SEGMENT = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id description } }`;

/** The report that opened the work: a NUL in a name answered INTERNAL_SERVER_ERROR on SQLite. */
describeEachDatabase('control characters in any argument', (getOrm) => {
  let api: TestApi;
  let fingerprint: () => Promise<string>;
  let account: string;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    fingerprint = await fingerprinter(getOrm());
    account = (await createAccount(getOrm())).accountGid;
  });

  const segment = (name: string) => ({
    input: { code: 'chem', name, industry: 'Chemicals', size: 'LARGE' },
  });

  it.each<[string, () => [string, Record<string, unknown>], string]>([
    ['a NUL in a segment name', () => [CREATE_SEGMENT, segment('Chem\u0000icals')], 'name'],
    [
      'an escape sequence in feedback text',
      () => [
        `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { duplicate } }`,
        {
          input: { accountId: account, channel: 'SUPPORT_TICKET', npsScore: 3, text: '\u001b[2J' },
        },
      ],
      'text',
    ],
    [
      'a lone surrogate in the text of an imported row',
      () => [
        `mutation($rows: [FeedbackRow!]!) { importFeedback(rows: $rows) { accepted } }`,
        {
          rows: [
            { externalId: 'r1', accountExternalId: 'A1', channel: 'SUPPORT_TICKET', text: 'ok' },
            {
              externalId: 'r2',
              accountExternalId: 'A1',
              channel: 'SUPPORT_TICKET',
              text: 'x\uD800',
            },
          ],
        },
      ],
      'rows[1].text',
    ],
    [
      'a NUL inside the JSON result of an analysis (PostgreSQL jsonb refuses it)',
      () => [
        `mutation($input: CreateAnalysisInput!) { createAnalysis(input: $input) { id } }`,
        { input: { kind: 'PARETO', title: 'Causes', result: { top: ['late\u0000'] } } },
      ],
      'result',
    ],
    [
      'a NUL in an id',
      () => [`mutation($id: ID!) { deleteSegment(id: $id) }`, { id: 'U2VnbWVudDowMTlh\u0000' }],
      'id',
    ],
  ])(
    'refuses %s as BAD_USER_INPUT / INVALID_CHARACTERS and writes nothing',
    async (_, send, field) => {
      const before = await fingerprint();
      const [query, variables] = send();
      const res = await api.execute(query, variables);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CHARACTERS',
        field,
      });
      expect(res.errors![0]!.message).toMatch(/contains a (control|broken) character/);
      expect(await fingerprint()).toBe(before);
    },
  );

  it('refuses a control character in a query filter too', async () => {
    const res = await api.execute(
      `query { segments(filter: { search: "a\\u0000" }) { totalCount } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      reason: 'INVALID_CHARACTERS',
      field: 'filter.search',
    });
  });

  it('stores tabs, line breaks, emoji and right-to-left text as they were sent', async () => {
    const description = 'line one\r\n\tline two 👩‍👩‍👧 مرحبا \u202Eevil\u202C';
    const res = await api.execute(CREATE_SEGMENT, {
      input: { ...segment('Chemicals').input, code: 'rtl', description },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createSegment.description).toBe(description);
  });
});
