import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';
import { likePatternToRegExp } from '../../server/src/db/sqlite-like.js';

it('translates LIKE patterns with wildcards and escapes into anchored, case-insensitive expressions', () => {
  const cases: [string, string, boolean][] = [
    ['%поставка%', 'Сбой: ПОСТАВКА задержана', true],
    ['%straße%', 'STRASSE', false],
    ['a_c', 'ABC', true],
    ['a_c', 'abbc', false],
    ['%50\\%%', 'discount 50% off', true],
    ['%50\\%%', 'discount 500 off', false],
    ['%a\\_b%', 'xa_by', true],
    ['%a\\_b%', 'xacby', false],
    ['%(x)%', 'f(x) = 1', true],
  ];
  for (const [pattern, value, expected] of cases) {
    expect(likePatternToRegExp(pattern).test(value), `${pattern} ~ ${value}`).toBe(expected);
  }
});

describeEachDatabase('text search', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    await createAccount(getOrm(), { name: 'ООО «Северные Полимеры»' });
    await createAccount(getOrm(), { name: 'Discount 100% Ltd' });
    await createAccount(getOrm(), { name: 'Discount 1000 Ltd' });
  });
  afterAll(() => api.stop());

  const names = async (search: string) => {
    const res = await api.execute(
      `query($s: String) { clientAccounts(filter: { search: $s }) { nodes { name } } }`,
      { s: search },
    );
    expect(res.errors).toBeUndefined();
    return (res.data!.clientAccounts.nodes as { name: string }[]).map((n) => n.name);
  };

  it('ignores letter case in Cyrillic as well as in Latin text', async () => {
    expect(await names('северные')).toEqual(['ООО «Северные Полимеры»']);
    expect(await names('ПОЛИМЕРЫ')).toEqual(['ООО «Северные Полимеры»']);
    expect(await names('ltd')).toHaveLength(2);
  });

  it('treats % and _ in the search text literally', async () => {
    expect(await names('100%')).toEqual(['Discount 100% Ltd']);
    expect(await names('_')).toEqual([]);
  });
});
