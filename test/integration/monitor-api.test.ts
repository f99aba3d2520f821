import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { AccountStatus, RespondentClass } from '../../server/src/modules/client/client.enums.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Alert } from '../../server/src/modules/monitor/alert.entity.js';
import { AlertKind, AlertStatus } from '../../server/src/modules/monitor/monitor.enums.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { createUser } from '../fixtures/initiative-factories.js';
import { addFeedback, addFigures, createAccounts } from '../fixtures/maturity-factories.js';
import { createAlert } from '../fixtures/monitor-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const { ECONOMIC_BUYER: EB, TECHNICAL_BUYER: TB, OPERATOR: OP } = RespondentClass;

const CLOSE = `mutation($id: ID!, $note: String!) {
  closeAlert(id: $id, note: $note) { id status closeNote closedAt closedBy { name } }
}`;

describeEachDatabase('closing an alert', (getOrm) => {
  let api: TestApi;
  let account: ClientAccount;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    [account] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
  });
  afterAll(() => api.stop());

  const state = async (id: string) => {
    const em = getOrm().em.fork();
    const alert = await em.findOneOrFail(Alert, { id });
    return {
      status: alert.status,
      closedAt: alert.closedAt ?? null,
      closeNote: alert.closeNote ?? null,
      audit: await em.count(AuditEvent, { action: 'closeAlert' }),
    };
  };

  it.each([
    {
      name: 'an empty note',
      note: '   ',
      error: { code: 'BAD_USER_INPUT', reason: 'NOTE_REQUIRED', field: 'note' },
      message: /what was found or done/,
    },
    {
      name: 'a note over 2,000 characters',
      note: 'x'.repeat(2_001),
      error: { code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LONG', field: 'note' },
      message: /at most 2000 characters/,
    },
  ])('refuses $name with a typed error and writes nothing', async ({ note, error, message }) => {
    const alert = await createAlert(getOrm(), account);
    const before = await state(alert.id);
    const res = await api.execute(CLOSE, { id: toGlobalId('Alert', alert.id), note });
    expect(res.data ?? null).toBeNull();
    const [e] = res.errors ?? [];
    expect(e?.extensions).toMatchObject(error);
    expect(e?.message).toMatch(message);
    expect(await state(alert.id)).toEqual(before);
  });

  it('refuses an unknown alert as NOT_FOUND and a malformed id as INVALID_ID, writing nothing', async () => {
    const audit = await getOrm().em.fork().count(AuditEvent, {});
    const unknown = await api.execute(CLOSE, {
      id: toGlobalId('Alert', '01930000-0000-7000-8000-000000000000'),
      note: 'Checked.',
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ALERT_NOT_FOUND',
      field: 'id',
    });
    const malformed = await api.execute(CLOSE, { id: 'not-an-id', note: 'Checked.' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
    });
    expect(await getOrm().em.fork().count(AuditEvent, {})).toBe(audit);
  });

  it('refuses to close a closed alert (CONFLICT) and keeps its first note', async () => {
    const alert = await createAlert(getOrm(), account, { status: AlertStatus.CLOSED });
    const before = await state(alert.id);
    const res = await api.execute(CLOSE, { id: toGlobalId('Alert', alert.id), note: 'Again.' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALERT_CLOSED' });
    expect(await state(alert.id)).toEqual({ ...before, closeNote: 'Seen.' });
  });

  it('closes an open alert with the note, who closed it and an audit row', async () => {
    const closer = await createUser(getOrm(), null, 'Clara Closer', { role: UserRole.CX_MANAGER });
    const alert = await createAlert(getOrm(), account);
    const audit = (await state(alert.id)).audit;
    const res = await api.execute(
      CLOSE,
      { id: toGlobalId('Alert', alert.id), note: '  Payments lag for a contract reason.  ' },
      {
        actor: `user:${closer.user.id}`,
        kind: 'user',
        userId: closer.user.id,
        role: UserRole.CX_MANAGER,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.closeAlert).toMatchObject({
      status: 'CLOSED',
      closeNote: 'Payments lag for a contract reason.',
      closedBy: { name: 'Clara Closer' },
    });
    expect((await state(alert.id)).audit).toBe(audit + 1);
  });

  it('marks a key contact with createContact and unmarks it with updateContact', async () => {
    const created = await api.execute(
      `mutation($input: CreateContactInput!) { createContact(input: $input) { id isKey } }`,
      {
        input: {
          accountId: toGlobalId('ClientAccount', account.id),
          name: 'Kira Key',
          respondentClass: 'ECONOMIC_BUYER',
          isKey: true,
        },
      },
    );
    expect(created.data?.createContact.isKey).toBe(true);
    const updated = await api.execute(
      `mutation($id: ID!) { updateContact(id: $id, input: { isKey: false }) { isKey } }`,
      { id: created.data?.createContact.id },
    );
    expect(updated.data?.updateContact.isKey).toBe(false);
  });

  it('lists alerts by kind, status and account, and hides them from council and department members', async () => {
    const [other] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    const gap = await createAlert(getOrm(), other, { kind: AlertKind.COVERAGE_GAP });
    await createAlert(getOrm(), other, { status: AlertStatus.CLOSED });
    const list = `query($filter: AlertFilterInput) {
      alerts(first: 10, filter: $filter) { totalCount nodes { id kind account { name } } }
    }`;
    const res = await api.execute(list, {
      filter: { accountId: toGlobalId('ClientAccount', other.id), status: 'OPEN' },
    });
    expect(res.data?.alerts).toEqual({
      totalCount: 1,
      nodes: [
        { id: toGlobalId('Alert', gap.id), kind: 'COVERAGE_GAP', account: { name: other.name } },
      ],
    });
    for (const role of [UserRole.DEPARTMENT_MEMBER, UserRole.COUNCIL_MEMBER]) {
      const node = await api.execute(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId('Alert', gap.id) },
        {
          actor: 'user:someone',
          kind: 'user',
          userId: '01930000-0000-7000-8000-000000000001',
          role,
          departmentId: null,
          councilIds: [],
          memberIds: [],
        },
      );
      expect(node.data?.node ?? null).toBeNull();
    }
  });
});

describeEachDatabase('respondent coverage of a small world', (getOrm) => {
  let api: TestApi;
  let a1: ClientAccount, a2: ClientAccount, a3: ClientAccount, b1: ClientAccount;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    [a1, a2, a3] = (await createAccounts(getOrm(), 3)) as [
      ClientAccount,
      ClientAccount,
      ClientAccount,
    ];
    [b1] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    const [churned] = (await createAccounts(getOrm(), 1, AccountStatus.CHURNED)) as [ClientAccount];
    const at = (iso: string) => new Date(iso);
    await addFeedback(getOrm(), [
      { account: a1, respondentClass: EB, receivedAt: at('2026-03-10T10:00:00Z') },
      { account: a1, respondentClass: TB, receivedAt: at('2026-04-02T10:00:00Z') },
      { account: a1, respondentClass: OP, receivedAt: at('2026-05-20T10:00:00Z') },
      { account: a2, respondentClass: EB, receivedAt: at('2026-04-15T10:00:00Z') },
      // Before the period: does not count.
      { account: a2, respondentClass: OP, receivedAt: at('2026-02-20T10:00:00Z') },
      { account: a3, respondentClass: TB, receivedAt: at('2026-05-31T23:00:00Z') },
      // Anonymous feedback (no class) covers nothing; after the period neither.
      { account: a3, respondentClass: null, receivedAt: at('2026-04-01T10:00:00Z') },
      { account: a3, respondentClass: OP, receivedAt: at('2026-06-01T00:00:00Z') },
      ...[EB, TB, OP].map((c) => ({
        account: b1,
        respondentClass: c,
        receivedAt: at('2026-05-05T10:00:00Z'),
      })),
      // A churned account counts nowhere.
      ...[EB, TB, OP].map((c) => ({
        account: churned,
        respondentClass: c,
        receivedAt: at('2026-05-05T10:00:00Z'),
      })),
    ]);
    await addFigures(getOrm(), [
      { account: a1, period: '2026-03', revenue: 100, grossMargin: 20 },
      { account: a1, period: '2026-04', revenue: 100, grossMargin: 20 },
      // Outside the period.
      { account: a1, period: '2026-02', revenue: 1000, grossMargin: 200 },
      { account: a2, period: '2026-04', revenue: 300, grossMargin: 60 },
      { account: b1, period: '2026-05', revenue: 500, grossMargin: 100 },
      { account: churned, period: '2026-05', revenue: 9000, grossMargin: 100 },
    ]);
  });
  afterAll(() => api.stop());

  const COVERAGE = `query($input: CoverageInput!) {
    respondentCoverage(input: $input) {
      accounts revenue fullyCovered fullAccountShare fullRevenueShare
      classes { respondentClass accountsHeard accountShare revenueShare }
    }
  }`;
  const coverage = async (scope: Record<string, string>) => {
    const res = await api.execute(COVERAGE, {
      input: { periodFrom: '2026-03', periodTo: '2026-05', ...scope },
    });
    expect(res.errors).toBeUndefined();
    const c = res.data!.respondentCoverage;
    const r = (x: number) => Math.round(x * 1000) / 1000;
    return {
      ...c,
      fullAccountShare: r(c.fullAccountShare),
      fullRevenueShare: r(c.fullRevenueShare),
      classes: c.classes.map((k: any) => ({
        ...k,
        accountShare: r(k.accountShare),
        revenueShare: r(k.revenueShare),
      })),
    };
  };

  it('counts the whole company: 4 live accounts, 2 fully heard, as shares of accounts and revenue', async () => {
    // Revenue 200 (a1) + 300 (a2) + 0 (a3) + 500 (b1) = 1000. Full: a1, b1 → 2/4, 700/1000.
    expect(await coverage({})).toEqual({
      accounts: 4,
      revenue: 1000,
      fullyCovered: 2,
      fullAccountShare: 0.5,
      fullRevenueShare: 0.7,
      classes: [
        { respondentClass: EB, accountsHeard: 3, accountShare: 0.75, revenueShare: 1 },
        { respondentClass: TB, accountsHeard: 3, accountShare: 0.75, revenueShare: 0.7 },
        { respondentClass: OP, accountsHeard: 2, accountShare: 0.5, revenueShare: 0.7 },
      ],
    });
  });

  it('counts one segment: a1 fully heard, a2 by its economic buyer only, a3 by its technical buyer', async () => {
    const segmentId = toGlobalId('Segment', a1.segment.id);
    // Revenue 200 + 300 + 0 = 500.
    expect(await coverage({ segmentId })).toEqual({
      accounts: 3,
      revenue: 500,
      fullyCovered: 1,
      fullAccountShare: 0.333,
      fullRevenueShare: 0.4,
      classes: [
        { respondentClass: EB, accountsHeard: 2, accountShare: 0.667, revenueShare: 1 },
        { respondentClass: TB, accountsHeard: 2, accountShare: 0.667, revenueShare: 0.4 },
        { respondentClass: OP, accountsHeard: 1, accountShare: 0.333, revenueShare: 0.4 },
      ],
    });
  });

  it('counts one account', async () => {
    expect(await coverage({ accountId: toGlobalId('ClientAccount', a2.id) })).toEqual({
      accounts: 1,
      revenue: 300,
      fullyCovered: 0,
      fullAccountShare: 0,
      fullRevenueShare: 0,
      classes: [
        { respondentClass: EB, accountsHeard: 1, accountShare: 1, revenueShare: 1 },
        { respondentClass: TB, accountsHeard: 0, accountShare: 0, revenueShare: 0 },
        { respondentClass: OP, accountsHeard: 0, accountShare: 0, revenueShare: 0 },
      ],
    });
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await api.execute(COVERAGE, {
      input: { periodFrom: '2026-05', periodTo: '2026-03' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PERIOD',
    });
  });
});
