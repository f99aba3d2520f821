import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import {
  collectPages,
  expectRefusedWithoutWrites,
  unknownId,
  type RefusalCase,
} from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const CREATE_SEGMENT = `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id code name size } }`;
const UPDATE_SEGMENT = `mutation($id: ID!, $input: UpdateSegmentInput!) { updateSegment(id: $id, input: $input) { id code name industry size } }`;
const DELETE_SEGMENT = `mutation($id: ID!) { deleteSegment(id: $id) }`;
const CREATE_ACCOUNT = `mutation($input: CreateClientAccountInput!) { createClientAccount(input: $input) { id name tier status country clientSince segment { code } owner { name } } }`;
const UPDATE_ACCOUNT = `mutation($id: ID!, $input: UpdateClientAccountInput!) { updateClientAccount(id: $id, input: $input) { id name tier status country owner { name } segment { code } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id name email respondentClass locale account { name } } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id name email position active respondentClass } }`;
const ACCOUNT_PAGES = `query($first: Int, $after: String, $filter: ClientAccountFilter, $orderBy: ClientAccountOrder) {
  clientAccounts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } } }`;
const CONTACT_PAGES = `query($first: Int, $after: String, $filter: ContactFilter, $orderBy: ContactOrder) {
  contacts(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } } }`;

describeEachDatabase('client API', (getOrm) => {
  let api: TestApi;
  const ids: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await api.execute(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    ids.owner = (
      await run(
        `mutation { createUser(input: { email: "km@hub.example", name: "Kim Manager", role: CX_MANAGER }) { id } }`,
      )
    ).createUser.id;
    ids.chem = (
      await run(CREATE_SEGMENT, {
        input: {
          code: 'chem-large',
          name: 'Chemicals, large',
          industry: 'Chemicals',
          size: 'LARGE',
        },
      })
    ).createSegment.id;
    ids.food = (
      await run(CREATE_SEGMENT, {
        input: { code: 'food-small', name: 'Food, small', industry: 'Food', size: 'SMALL' },
      })
    ).createSegment.id;
    const accounts = [
      ['Acme Polymers', 'chem', 'ENTERPRISE', 'ACTIVE', true],
      ['Borealis Foods', 'food', 'SMB', 'AT_RISK', false],
      ['acme Resins', 'chem', 'MID_MARKET', 'ACTIVE', false],
      ['Cobalt Chemicals', 'chem', 'ENTERPRISE', 'CHURNED', true],
    ] as const;
    for (const [name, seg, tier, status, owned] of accounts) {
      const input = {
        name,
        segmentId: ids[seg],
        tier,
        status,
        ...(owned ? { ownerId: ids.owner } : {}),
      };
      ids[name] = (await run(CREATE_ACCOUNT, { input })).createClientAccount.id;
    }
    const contacts = [
      ['Olga Petrova', 'olga@acme.example', 'ECONOMIC_BUYER'],
      ['Ivan Sidorov', 'Ivan@Acme.example', 'TECHNICAL_BUYER'],
      ['Pat Operator', null, 'OPERATOR'],
    ] as const;
    for (const [name, email, respondentClass] of contacts) {
      ids[name] = (
        await run(CREATE_CONTACT, {
          input: { accountId: ids['Acme Polymers'], name, email, respondentClass },
        })
      ).createContact.id;
    }
  });
  afterAll(() => api.stop());

  it('creates segments, accounts and contacts with their relations and audit events', async () => {
    const data = await run(
      `query($id: ID!) { clientAccount(id: $id) { name tier segment { code accountCount } owner { name } contacts { name email respondentClass } } }`,
      { id: ids['Acme Polymers'] },
    );
    expect(data.clientAccount).toEqual({
      name: 'Acme Polymers',
      tier: 'ENTERPRISE',
      segment: { code: 'chem-large', accountCount: 3 },
      owner: { name: 'Kim Manager' },
      contacts: [
        { name: 'Ivan Sidorov', email: 'ivan@acme.example', respondentClass: 'TECHNICAL_BUYER' },
        { name: 'Olga Petrova', email: 'olga@acme.example', respondentClass: 'ECONOMIC_BUYER' },
        { name: 'Pat Operator', email: null, respondentClass: 'OPERATOR' },
      ],
    });
    const em = getOrm().em.fork();
    expect(await em.count(AuditEvent, { action: 'createClientAccount' })).toBe(4);
    expect(await em.count(AuditEvent, { action: 'createContact' })).toBe(3);
    const contact = await run(
      `query($id: ID!) { contact(id: $id) { account { name } recentFeedback { id } } node(id: $id) { id } }`,
      { id: ids['Olga Petrova'] },
    );
    expect(contact).toEqual({
      contact: { account: { name: 'Acme Polymers' }, recentFeedback: [] },
      node: { id: ids['Olga Petrova'] },
    });
  });

  it('lists segments with a search, size filter and account counts', async () => {
    const data = await run(
      `{ segments(filter: { search: "CHEM" }) { nodes { code accountCount } } small: segments(filter: { sizes: [SMALL] }) { totalCount } }`,
    );
    expect(data.segments.nodes).toEqual([{ code: 'chem-large', accountCount: 3 }]);
    expect(data.small.totalCount).toBe(1);
  });

  it('lists accounts by case-insensitive name, segment, tier, status and owner, in keyset pages', async () => {
    expect(
      await collectPages(api, ACCOUNT_PAGES, 'clientAccounts', { filter: { search: 'ACME' } }),
    ).toEqual(['Acme Polymers', 'acme Resins']);
    expect(
      await collectPages(api, ACCOUNT_PAGES, 'clientAccounts', { filter: { segmentId: ids.food } }),
    ).toEqual(['Borealis Foods']);
    expect(
      await collectPages(api, ACCOUNT_PAGES, 'clientAccounts', {
        filter: { tiers: ['ENTERPRISE'], statuses: ['ACTIVE', 'CHURNED'] },
      }),
    ).toEqual(['Acme Polymers', 'Cobalt Chemicals']);
    expect(
      await collectPages(api, ACCOUNT_PAGES, 'clientAccounts', { filter: { ownerId: ids.owner } }),
    ).toEqual(['Acme Polymers', 'Cobalt Chemicals']);
    const newestFirst = await collectPages(api, ACCOUNT_PAGES, 'clientAccounts', {
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    expect(newestFirst).toEqual([
      'Cobalt Chemicals',
      'acme Resins',
      'Borealis Foods',
      'Acme Polymers',
    ]);
  });

  it('lists contacts by account, respondent class and search', async () => {
    const acme = ids['Acme Polymers'];
    expect(
      await collectPages(api, CONTACT_PAGES, 'contacts', {
        filter: { accountId: acme },
        orderBy: { field: 'NAME', direction: 'DESC' },
      }),
    ).toEqual(['Pat Operator', 'Olga Petrova', 'Ivan Sidorov']);
    expect(
      await collectPages(api, CONTACT_PAGES, 'contacts', {
        filter: { respondentClasses: ['ECONOMIC_BUYER', 'OPERATOR'] },
      }),
    ).toEqual(['Olga Petrova', 'Pat Operator']);
    expect(
      await collectPages(api, CONTACT_PAGES, 'contacts', { filter: { search: 'IVAN@' } }),
    ).toEqual(['Ivan Sidorov']);
  });

  it('updates only the given fields, clears optional ones given as null, and records the change', async () => {
    const account = await run(UPDATE_ACCOUNT, {
      id: ids['Borealis Foods'],
      input: { status: 'ACTIVE', country: 'FI' },
    });
    expect(account.updateClientAccount).toMatchObject({
      name: 'Borealis Foods',
      tier: 'SMB',
      status: 'ACTIVE',
      country: 'FI',
      segment: { code: 'food-small' },
    });
    const moved = await run(UPDATE_ACCOUNT, {
      id: ids['Cobalt Chemicals'],
      input: { ownerId: null, segmentId: ids.food },
    });
    expect(moved.updateClientAccount).toMatchObject({
      owner: null,
      segment: { code: 'food-small' },
    });
    const contact = await run(UPDATE_CONTACT, {
      id: ids['Pat Operator'],
      input: { position: 'Line lead', active: false },
    });
    expect(contact.updateContact).toMatchObject({
      name: 'Pat Operator',
      position: 'Line lead',
      active: false,
      respondentClass: 'OPERATOR',
    });
    const segment = await run(UPDATE_SEGMENT, {
      id: ids.food,
      input: { name: 'Food & drink, small' },
    });
    expect(segment.updateSegment).toMatchObject({
      code: 'food-small',
      name: 'Food & drink, small',
      industry: 'Food',
      size: 'SMALL',
    });
    const audit = await getOrm().em.fork().findOneOrFail(AuditEvent, { action: 'updateContact' });
    expect(audit.before).toMatchObject({ active: true });
    expect(audit.after).toMatchObject({ active: false, position: 'Line lead' });
  });

  it('deletes a segment no account belongs to', async () => {
    const id = (
      await run(CREATE_SEGMENT, {
        input: { code: 'empty', name: 'Empty', industry: 'None', size: 'MEDIUM' },
      })
    ).createSegment.id;
    expect((await run(DELETE_SEGMENT, { id })).deleteSegment).toBe(id);
    expect((await run(`query($id: ID!) { segment(id: $id) { id } }`, { id })).segment).toBeNull();
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const account = (over: Record<string, unknown> = {}) => ({
      input: { name: 'New Co', segmentId: ids.chem, tier: 'SMB', ...over },
    });
    const contact = (over: Record<string, unknown> = {}) => ({
      input: {
        accountId: ids['Acme Polymers'],
        name: 'New Person',
        respondentClass: 'OPERATOR',
        ...over,
      },
    });
    const cases: RefusalCase[] = [
      {
        name: 'a duplicate segment code',
        query: CREATE_SEGMENT,
        variables: () => ({
          input: { code: 'chem-large', name: 'X', industry: 'X', size: 'LARGE' },
        }),
        code: 'CONFLICT',
        message: /segment with code "chem-large" already exists/,
      },
      {
        name: 'deleting a segment in use',
        query: DELETE_SEGMENT,
        variables: () => ({ id: ids.chem }),
        code: 'CONFLICT',
        message: /still has 2 client account\(s\)/,
      },
      {
        name: 'an unknown segment',
        query: UPDATE_SEGMENT,
        variables: () => ({ id: unknownId('Segment'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No segment matches id\./,
      },
      {
        name: 'an unknown company size',
        query: UPDATE_SEGMENT,
        variables: () => ({ id: ids.chem, input: { size: 'HUGE' } }),
        code: 'BAD_USER_INPUT',
        message: /HUGE/,
      },
      {
        name: 'an account in an unknown segment',
        query: CREATE_ACCOUNT,
        variables: () => account({ segmentId: unknownId('Segment') }),
        code: 'NOT_FOUND',
        message: /No segment matches segmentId\./,
      },
      {
        name: 'an account with a malformed segment id',
        query: CREATE_ACCOUNT,
        variables: () => account({ segmentId: 'seg-1' }),
        code: 'BAD_USER_INPUT',
        message: /segmentId is not a valid Segment id/,
      },
      {
        name: 'an account owned by an unknown user',
        query: CREATE_ACCOUNT,
        variables: () => account({ ownerId: unknownId('User') }),
        code: 'NOT_FOUND',
        message: /No user matches ownerId\./,
      },
      {
        name: 'a lower-case country code',
        query: CREATE_ACCOUNT,
        variables: () => account({ country: 'de' }),
        code: 'BAD_USER_INPUT',
        message: /country must be two capital letters/,
      },
      {
        name: 'a date that does not exist',
        query: CREATE_ACCOUNT,
        variables: () => account({ clientSince: '2025-02-31' }),
        code: 'BAD_USER_INPUT',
        message: /clientSince is not a calendar date/,
      },
      {
        name: 'an empty account name',
        query: UPDATE_ACCOUNT,
        variables: () => ({ id: ids['Acme Polymers'], input: { name: '' } }),
        code: 'BAD_USER_INPUT',
        message: /name must be 1 to 300 characters/,
      },
      {
        name: 'an unknown account',
        query: UPDATE_ACCOUNT,
        variables: () => ({ id: unknownId('ClientAccount'), input: { tier: 'SMB' } }),
        code: 'NOT_FOUND',
        message: /No client account matches id\./,
      },
      {
        name: 'a contact e-mail already used in the account (any case)',
        query: CREATE_CONTACT,
        variables: () => contact({ email: 'OLGA@acme.example' }),
        code: 'CONFLICT',
        message: /already has a contact with e-mail olga@acme.example/,
      },
      {
        name: 'changing a contact e-mail onto a colleague',
        query: UPDATE_CONTACT,
        variables: () => ({ id: ids['Ivan Sidorov'], input: { email: 'olga@acme.example' } }),
        code: 'CONFLICT',
        message: /already has a contact with e-mail/,
      },
      {
        name: 'a contact of an unknown account',
        query: CREATE_CONTACT,
        variables: () => contact({ accountId: unknownId('ClientAccount') }),
        code: 'NOT_FOUND',
        message: /No client account matches accountId\./,
      },
      {
        name: 'a malformed contact e-mail',
        query: CREATE_CONTACT,
        variables: () => contact({ email: 'olga at acme' }),
        code: 'BAD_USER_INPUT',
        message: /email must be an e-mail address/,
      },
      {
        name: 'an unknown respondent class',
        query: CREATE_CONTACT,
        variables: () => contact({ respondentClass: 'CEO' }),
        code: 'BAD_USER_INPUT',
        message: /CEO/,
      },
      {
        name: 'an unknown contact',
        query: UPDATE_CONTACT,
        variables: () => ({ id: unknownId('Contact'), input: { name: 'X' } }),
        code: 'NOT_FOUND',
        message: /No contact matches id\./,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, () =>
        expectRefusedWithoutWrites(api, getOrm(), [Segment, ClientAccount, Contact], c));
    }
  });

  it('allows the same e-mail at two different accounts', async () => {
    const res = await run(CREATE_CONTACT, {
      input: {
        accountId: ids['acme Resins'],
        name: 'Olga again',
        email: 'olga@acme.example',
        respondentClass: 'ECONOMIC_BUYER',
      },
    });
    expect(res.createContact.account.name).toBe('acme Resins');
  });
});
