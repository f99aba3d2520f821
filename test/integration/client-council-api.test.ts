// factories.ts loads type-graphql decorators (relay.ts): the metadata polyfill must come first.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisoryCouncil } from '../../server/src/modules/client/advisory-council.entity.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { CouncilMember } from '../../server/src/modules/client/council-member.entity.js';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { createAccount } from '../fixtures/factories.js';
import {
  collectPages,
  expectRefusedWithoutWrites,
  unknownId,
  type RefusalCase,
} from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const RECORD = `mutation($input: RecordTransactionalFiguresInput!) {
  recordTransactionalFigures(input: $input) { id period revenue grossMargin orderCount orderRegularity shareOfWallet account { name } } }`;
const FIGURE_PAGES = `query($first: Int, $after: String, $filter: TransactionalFiguresFilter, $orderBy: TransactionalFiguresOrder) {
  transactionalFigures(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { period } pageInfo { hasNextPage endCursor } } }`;
const CREATE_COUNCIL = `mutation($input: CreateAdvisoryCouncilInput!) { createAdvisoryCouncil(input: $input) { id name accounts { name } } }`;
const UPDATE_COUNCIL = `mutation($id: ID!, $input: UpdateAdvisoryCouncilInput!) { updateAdvisoryCouncil(id: $id, input: $input) { id name description } }`;
const ADD_ACCOUNTS = `mutation($input: CouncilAccountsInput!) { addCouncilAccounts(input: $input) { accounts { name } } }`;
const REMOVE_ACCOUNTS = `mutation($input: CouncilAccountsInput!) { removeCouncilAccounts(input: $input) { accounts { name } } }`;
const ADD_MEMBER = `mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { id role contact { name } council { name } } }`;
const REMOVE_MEMBER = `mutation($id: ID!) { removeCouncilMember(id: $id) }`;

describeEachDatabase('client figures and advisory councils API', (getOrm) => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  const contacts: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const figures = (over: Record<string, unknown> = {}) => ({
    input: {
      accountId: ids.Alpha,
      period: '2026-01',
      revenue: 1000,
      grossMargin: 200,
      avgDaysLate: 3,
      orderCount: 4,
      ...over,
    },
  });

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      const f = await createAccount(getOrm(), {
        name,
        contacts: [
          { respondentClass: RespondentClass.ECONOMIC_BUYER },
          { respondentClass: RespondentClass.OPERATOR },
        ],
      });
      ids[name] = f.accountGid;
      contacts[name] = f.contactGids[0]!;
      const em = getOrm().em.fork();
      for (let i = 0; i < 7; i++) {
        em.create(FeedbackItem, {
          account: f.account.id,
          contact: f.contacts[i % 2]!.id,
          channel: FeedbackChannel.SURVEY,
          npsScore: i,
          receivedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        });
      }
      await em.flush();
    }
  });
  afterAll(() => api.stop());

  it('records figures for a month and replaces them when the month is recorded again', async () => {
    const first = await run(RECORD, figures({ orderRegularity: 0.8 }));
    expect(first.recordTransactionalFigures).toMatchObject({
      period: '2026-01',
      revenue: 1000,
      orderRegularity: 0.8,
      shareOfWallet: null,
      account: { name: 'Alpha' },
    });
    const again = await run(RECORD, figures({ revenue: 1500, shareOfWallet: 0.25 }));
    expect(again.recordTransactionalFigures).toMatchObject({
      id: first.recordTransactionalFigures.id,
      revenue: 1500,
      orderRegularity: 0.8,
      shareOfWallet: 0.25,
    });
    const em = getOrm().em.fork();
    expect(await em.count(TransactionalFigures, {})).toBe(1);
    const stored = await em.find(TransactionalFigures, {});
    expect(stored[0]!.revenue).toBe(1500);
  });

  it('lists figures per account within a period range, in keyset pages and on the account', async () => {
    for (const period of ['2025-11', '2025-12', '2026-02', '2026-03'])
      await run(RECORD, figures({ period, revenue: 10 }));
    await run(RECORD, figures({ accountId: ids.Beta, period: '2026-02' }));
    const range = await collectPages(
      api,
      FIGURE_PAGES,
      'transactionalFigures',
      { filter: { accountId: ids.Alpha, from: '2025-12', to: '2026-02' } },
      'period',
    );
    expect(range).toEqual(['2025-12', '2026-01', '2026-02']);
    const desc = await collectPages(
      api,
      FIGURE_PAGES,
      'transactionalFigures',
      { filter: { from: '2026-02' }, orderBy: { field: 'PERIOD', direction: 'DESC' } },
      'period',
    );
    expect(desc).toEqual(['2026-03', '2026-02', '2026-02']);
    const nested = await run(
      `{ clientAccounts { nodes { name transactionalFigures(from: "2026-01") { period } } } }`,
    );
    expect(nested.clientAccounts.nodes).toEqual([
      {
        name: 'Alpha',
        transactionalFigures: [{ period: '2026-01' }, { period: '2026-02' }, { period: '2026-03' }],
      },
      { name: 'Beta', transactionalFigures: [{ period: '2026-02' }] },
      { name: 'Gamma', transactionalFigures: [] },
    ]);
    const bad = await api.execute(
      `{ transactionalFigures(filter: { from: "2026-03", to: "2026-01" }) { totalCount } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/period range is empty/);
  });

  it("shows an account's and a contact's newest feedback, limited per parent", async () => {
    const data = await run(
      `query($id: ID!) { clientAccount(id: $id) { recentFeedback(limit: 3) { npsScore } contacts { recentFeedback(limit: 2) { npsScore } } } }`,
      { id: ids.Gamma },
    );
    expect(data.clientAccount.recentFeedback.map((f: any) => f.npsScore)).toEqual([6, 5, 4]);
    expect(
      data.clientAccount.contacts.map((c: any) => c.recentFeedback.map((f: any) => f.npsScore)),
    ).toEqual([
      [6, 4],
      [5, 3],
    ]);
    const five = await run(
      `query($id: ID!) { clientAccount(id: $id) { recentFeedback { npsScore } } }`,
      { id: ids.Gamma },
    );
    expect(five.clientAccount.recentFeedback).toHaveLength(5);
    const bad = await api.execute(
      `query($id: ID!) { clientAccount(id: $id) { recentFeedback(limit: 0) { id } } }`,
      { id: ids.Gamma },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates a council with accounts, adds and removes accounts, and lists councils', async () => {
    const created = await run(CREATE_COUNCIL, {
      input: { name: 'Chemicals council', accountIds: [ids.Beta, ids.Alpha] },
    });
    ids.council = created.createAdvisoryCouncil.id;
    expect(created.createAdvisoryCouncil.accounts).toEqual([{ name: 'Alpha' }, { name: 'Beta' }]);
    expect(
      (await run(ADD_ACCOUNTS, { input: { councilId: ids.council, accountIds: [ids.Gamma] } }))
        .addCouncilAccounts.accounts,
    ).toHaveLength(3);
    expect(
      (await run(REMOVE_ACCOUNTS, { input: { councilId: ids.council, accountIds: [ids.Beta] } }))
        .removeCouncilAccounts.accounts,
    ).toEqual([{ name: 'Alpha' }, { name: 'Gamma' }]);
    await run(CREATE_COUNCIL, { input: { name: 'Food council', accountIds: [ids.Gamma] } });
    const byAccount = await run(
      `query($a: ID!) { advisoryCouncils(filter: { accountId: $a }, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }`,
      { a: ids.Gamma },
    );
    expect(byAccount.advisoryCouncils.nodes).toEqual([
      { name: 'Food council' },
      { name: 'Chemicals council' },
    ]);
    const councils = await run(`{ clientAccounts { nodes { name councils { name } } } }`);
    expect(councils.clientAccounts.nodes.map((n: any) => n.councils.length)).toEqual([1, 0, 2]);
    const updated = await run(UPDATE_COUNCIL, {
      id: ids.council,
      input: { description: 'Meets quarterly' },
    });
    expect(updated.updateAdvisoryCouncil).toMatchObject({
      name: 'Chemicals council',
      description: 'Meets quarterly',
    });
  });

  it('seats and unseats contacts of the council accounts', async () => {
    const added = await run(ADD_MEMBER, {
      input: { councilId: ids.council, contactId: contacts.Alpha, role: 'CHAIR' },
    });
    ids.member = added.addCouncilMember.id;
    expect(added.addCouncilMember).toMatchObject({
      role: 'CHAIR',
      council: { name: 'Chemicals council' },
    });
    const council = await run(
      `query($id: ID!) { advisoryCouncil(id: $id) { members { role contact { account { name } } } } }`,
      { id: ids.council },
    );
    expect(council.advisoryCouncil.members).toEqual([
      { role: 'CHAIR', contact: { account: { name: 'Alpha' } } },
    ]);
    const temp = await run(ADD_MEMBER, {
      input: { councilId: ids.council, contactId: contacts.Gamma },
    });
    expect((await run(REMOVE_MEMBER, { id: temp.addCouncilMember.id })).removeCouncilMember).toBe(
      temp.addCouncilMember.id,
    );
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: RefusalCase[] = [
      {
        name: 'a period that is not a month',
        query: RECORD,
        variables: () => figures({ period: '2026-13' }),
        code: 'BAD_USER_INPUT',
        message: /period must be a month as YYYY-MM/,
      },
      {
        name: 'negative revenue',
        query: RECORD,
        variables: () => figures({ revenue: -1 }),
        code: 'BAD_USER_INPUT',
        message: /revenue cannot be negative/,
      },
      {
        name: 'an order regularity above 1',
        query: RECORD,
        variables: () => figures({ orderRegularity: 1.5 }),
        code: 'BAD_USER_INPUT',
        message: /orderRegularity must be between 0 and 1/,
      },
      {
        name: 'a negative share of wallet',
        query: RECORD,
        variables: () => figures({ shareOfWallet: -0.1 }),
        code: 'BAD_USER_INPUT',
        message: /shareOfWallet must be between 0 and 1/,
      },
      {
        name: 'figures of an unknown account',
        query: RECORD,
        variables: () => figures({ accountId: unknownId('ClientAccount'), period: '2027-01' }),
        code: 'NOT_FOUND',
        message: /No client account matches accountId\./,
      },
      {
        name: 'a duplicate council name',
        query: CREATE_COUNCIL,
        variables: () => ({ input: { name: 'Food council' } }),
        code: 'CONFLICT',
        message: /council named "Food council" already exists/,
      },
      {
        name: 'a council with an unknown account',
        query: CREATE_COUNCIL,
        variables: () => ({
          input: { name: 'New', accountIds: [ids.Alpha, unknownId('ClientAccount')] },
        }),
        code: 'NOT_FOUND',
        message: /No client account matches accountIds\[1\]\./,
      },
      {
        name: 'renaming an unknown council',
        query: UPDATE_COUNCIL,
        variables: () => ({ id: unknownId('AdvisoryCouncil'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No advisory council matches id\./,
      },
      {
        name: 'adding an account already on the council',
        query: ADD_ACCOUNTS,
        variables: () => ({ input: { councilId: ids.council, accountIds: [ids.Beta, ids.Alpha] } }),
        code: 'CONFLICT',
        message: /Alpha is already on the council/,
      },
      {
        name: 'adding no accounts',
        query: ADD_ACCOUNTS,
        variables: () => ({ input: { councilId: ids.council, accountIds: [] } }),
        code: 'BAD_USER_INPUT',
        message: /at least one account/,
      },
      {
        name: 'removing an account not on the council',
        query: REMOVE_ACCOUNTS,
        variables: () => ({ input: { councilId: ids.council, accountIds: [ids.Beta] } }),
        code: 'BAD_USER_INPUT',
        message: /Beta is not on the council/,
      },
      {
        name: 'removing an account whose contact is a member',
        query: REMOVE_ACCOUNTS,
        variables: () => ({ input: { councilId: ids.council, accountIds: [ids.Alpha] } }),
        code: 'CONFLICT',
        message: /still sit on the council/,
      },
      {
        name: 'seating a contact of another account',
        query: ADD_MEMBER,
        variables: () => ({ input: { councilId: ids.council, contactId: contacts.Beta } }),
        code: 'BAD_USER_INPUT',
        message: /account is not on this council/,
      },
      {
        name: 'seating a member twice',
        query: ADD_MEMBER,
        variables: () => ({ input: { councilId: ids.council, contactId: contacts.Alpha } }),
        code: 'CONFLICT',
        message: /already sits on this council/,
      },
      {
        name: 'seating a malformed contact',
        query: ADD_MEMBER,
        variables: () => ({ input: { councilId: ids.council, contactId: ids.Alpha } }),
        code: 'BAD_USER_INPUT',
        message: /contactId is not a valid Contact id/,
      },
      {
        name: 'unseating an unknown member',
        query: REMOVE_MEMBER,
        variables: () => ({ id: unknownId('CouncilMember') }),
        code: 'NOT_FOUND',
        message: /No council member matches id\./,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, () =>
        expectRefusedWithoutWrites(
          api,
          getOrm(),
          [TransactionalFigures, AdvisoryCouncil, CouncilMember, ClientAccount],
          c,
        ));
    }
  });
});
