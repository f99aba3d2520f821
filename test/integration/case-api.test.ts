import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackCase } from '../../server/src/modules/case/case.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { createCaseActivities } from '../../workflows/activities/case.activities.js';
import { createCaseWorld, type CaseWorld } from '../fixtures/case-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { feedbackItem { id } }
}`;
const RESPOND = `mutation($id: ID!) { respondToCase(id: $id) { id status firstResponseAt } }`;
const RESOLVE = `mutation($input: ResolveCaseInput!) {
  resolveCase(input: $input) {
    id status resolutionNote timeToFirstResponseHours timeToResolutionHours
  }
}`;
const REASSIGN = `mutation($input: ReassignCaseInput!) {
  reassignCase(input: $input) { id department { id } owner { id } }
}`;
const CASES = `query($filter: CaseFilter, $first: Int) {
  cases(first: $first, filter: $filter) { totalCount nodes { id status } }
}`;

describeEachDatabase('Case commands and lists', (getOrm) => {
  let api: TestApi;
  const intake = () => createCaseActivities({ orm: getOrm(), log: silentLogger });
  const opened = new Date('2026-03-02T09:00:00.000Z');
  // Requests run two and a half hours after the case opened.
  const now = opened.getTime() + 2.5 * 3_600_000;

  beforeAll(async () => {
    api = await createTestApi(getOrm(), {}, { now: () => Promise.resolve(now) });
  });
  afterAll(() => api.stop());

  /** A detractor's case owned by the world's logistics department. */
  async function openCase(
    w: CaseWorld,
    input: Record<string, unknown> = {},
  ): Promise<{ id: string; gid: string }> {
    const res = await api.execute(SUBMIT, {
      input: {
        accountId: w.gid.account,
        contactId: w.gid.contact,
        touchpointId: w.gid.touchpoint,
        channel: 'SURVEY',
        npsScore: 2,
        ...input,
      },
    });
    const gid = res.data!.submitFeedback.feedbackItem.id as string;
    const feedbackId = Buffer.from(gid, 'base64').toString('utf8').split(':')[1]!;
    const kase = await intake().openCaseForFeedback({ feedbackId, at: opened.toISOString() });
    return { id: kase!.caseId, gid: toGlobalId('Case', kase!.caseId) };
  }

  it('resolves a case with a note that goes to the client in their language, with the times it took', async () => {
    const w = await createCaseWorld(getOrm(), { locale: 'ru' });
    const kase = await openCase(w, { language: 'ru' });
    const res = await api.execute(RESOLVE, {
      input: { caseId: kase.gid, note: '  Мы заменили партию и перенесли окно доставки.  ' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.resolveCase).toMatchObject({
      status: 'RESOLVED',
      resolutionNote: 'Мы заменили партию и перенесли окно доставки.',
      timeToFirstResponseHours: 2.5,
      timeToResolutionHours: 2.5,
    });
    const em = getOrm().em.fork();
    const note = await em.findOneOrFail(ClientNotification, {
      dedupeKey: `case-resolution:${kase.id}`,
    });
    expect(note).toMatchObject({
      kind: 'CASE_RESOLUTION',
      locale: 'ru',
      subject: 'Ваше обращение решено',
      status: 'PENDING',
      contact: { id: w.contactId },
    });
    expect(note.recipient).toMatch(/^anna\./);
    expect(note.body).toContain('Мы заменили партию и перенесли окно доставки.');
    expect(await em.count(AuditEvent, { entityId: kase.id, action: 'resolveCase' })).toBe(1);
  });

  it('lets a department member answer and resolve its own department’s case', async () => {
    const w = await createCaseWorld(getOrm());
    const kase = await openCase(w);
    const member = viewers.department(w.logisticsId, w.logisticsMemberId);
    const responded = await api.execute(RESPOND, { id: kase.gid }, member);
    expect(responded.errors).toBeUndefined();
    expect(responded.data!.respondToCase.status).toBe('RESPONDED');
    const resolved = await api.execute(
      RESOLVE,
      { input: { caseId: kase.gid, note: 'We moved your deliveries to the morning window.' } },
      member,
    );
    expect(resolved.errors).toBeUndefined();
    const note = await getOrm()
      .em.fork()
      .findOneOrFail(ClientNotification, { dedupeKey: `case-resolution:${kase.id}` });
    // The member may not read the contact, yet the note still finds its address.
    expect(note).toMatchObject({
      locale: 'en',
      subject: 'Your feedback has been resolved',
      status: 'PENDING',
      contact: { id: w.contactId },
    });
    expect(note.recipient).toMatch(/^anna\./);
  });

  it('shows a department member what acting on its case needs: the feedback, who gave it, their account — and nothing of other cases', async () => {
    const w = await createCaseWorld(getOrm());
    const kase = await openCase(w, { text: 'The truck came two days late again' });
    const other = await createCaseWorld(getOrm());
    const foreign = await openCase(other, { text: 'Nobody answers the phone' });
    const CONTEXT = `query ($id: ID!) { case(id: $id) {
      feedback { text npsScore contact { id } } account { id } } }`;
    const member = viewers.department(w.logisticsId, w.logisticsMemberId);
    const mine = await api.execute(CONTEXT, { id: kase.gid }, member);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.case).toEqual({
      feedback: {
        text: 'The truck came two days late again',
        npsScore: 2,
        contact: { id: w.gid.contact },
      },
      account: { id: w.gid.account },
    });
    // Another department's case, and the feedback, contact and account behind it, stay unseen.
    const stranger = viewers.department(w.otherDepartmentId);
    expect((await api.execute(CONTEXT, { id: kase.gid }, stranger)).data!.case).toBeNull();
    const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const behindForeign = await api.execute(
      NODES,
      { ids: [other.gid.contact, other.gid.account, foreign.gid] },
      member,
    );
    expect(behindForeign.data!.nodes).toEqual([null, null, null]);
  });

  it('lists cases by department, owner, status and age, and shows each viewer only its rows', async () => {
    const w = await createCaseWorld(getOrm());
    const a = await openCase(w);
    const b = await openCase(w);
    await api.execute(RESPOND, { id: b.gid });
    const byDept = { departmentId: toGlobalId('Department', w.logisticsId) };
    const list = async (filter: Record<string, unknown>, viewer = undefined as never) =>
      (await api.execute(CASES, { filter, first: 50 }, viewer)).data?.cases;
    expect((await list(byDept)).nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [a.gid, b.gid].sort(),
    );
    expect((await list({ ...byDept, statuses: ['OPEN'] })).nodes).toEqual([
      { id: a.gid, status: 'OPEN' },
    ]);
    expect((await list({ ...byDept, olderThanHours: 2 })).totalCount).toBe(2);
    expect((await list({ ...byDept, olderThanHours: 3 })).totalCount).toBe(0);
    expect((await list({ ...byDept, overdueOnly: true })).totalCount).toBe(0);
    // Sixty hours after opening, the 48-hour deadline has passed for the unanswered case only.
    const later = await createTestApi(
      getOrm(),
      {},
      { now: () => Promise.resolve(now + 60 * 3_600_000) },
    );
    try {
      const overdue = await later.execute(CASES, {
        filter: { ...byDept, overdueOnly: true },
        first: 50,
      });
      expect(overdue.data!.cases.nodes).toEqual([{ id: a.gid, status: 'OPEN' }]);
    } finally {
      await later.stop();
    }

    const member = viewers.department(w.logisticsId, w.logisticsMemberId);
    const mine = await api.execute(CASES, { first: 50 }, member);
    expect(mine.data!.cases.totalCount).toBe(2);
    const stranger = viewers.department(w.otherDepartmentId);
    expect((await api.execute(CASES, { first: 50 }, stranger)).data!.cases.totalCount).toBe(0);
    const council = await api.execute(CASES, { first: 50 }, viewers.council([randomUUID()], []));
    expect(council.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(council.data ?? null).toBeNull();
  });

  it('tells each case’s response clock at the request time: running, overdue, met', async () => {
    const w = await createCaseWorld(getOrm());
    const a = await openCase(w);
    const b = await openCase(w);
    await api.execute(RESPOND, { id: b.gid });
    const CLOCKS = `query($filter: CaseFilter) { cases(first: 50, filter: $filter) { nodes { id responseClock } } }`;
    const filter = { departmentId: toGlobalId('Department', w.logisticsId) };
    const clocks = async (on: TestApi) =>
      Object.fromEntries(
        (
          (await on.execute(CLOCKS, { filter })).data!.cases.nodes as {
            id: string;
            responseClock: string;
          }[]
        ).map((n) => [n.id, n.responseClock]),
      );
    expect(await clocks(api)).toEqual({ [a.gid]: 'RUNNING', [b.gid]: 'MET' });
    // Past the 48-hour deadline the unanswered case is overdue; the answered one stays met.
    const later = await createTestApi(
      getOrm(),
      {},
      { now: () => Promise.resolve(now + 60 * 3_600_000) },
    );
    try {
      expect(await clocks(later)).toEqual({ [a.gid]: 'OVERDUE', [b.gid]: 'MET' });
    } finally {
      await later.stop();
    }
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    type Send = [query: string, variables: Record<string, unknown>, viewer?: never];
    const cases: {
      name: string;
      prepare?: (gid: string, w: CaseWorld) => Promise<void>;
      send: (gid: string, w: CaseWorld) => Send;
      code: string;
      reason: string;
      field?: string;
    }[] = [
      {
        name: 'an unknown case',
        send: () => [RESPOND, { id: toGlobalId('Case', randomUUID()) }],
        code: 'NOT_FOUND',
        reason: 'CASE_NOT_FOUND',
        field: 'id',
      },
      {
        name: 'an id of another type',
        send: (_gid, w) => [RESPOND, { id: toGlobalId('Department', w.logisticsId) }],
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_ID',
        field: 'id',
      },
      {
        name: 'another department’s case',
        send: (gid, w) => [RESPOND, { id: gid }, viewers.department(w.otherDepartmentId) as never],
        code: 'NOT_FOUND',
        reason: 'CASE_NOT_FOUND',
        field: 'id',
      },
      {
        name: 'an empty resolution note',
        send: (gid) => [RESOLVE, { input: { caseId: gid, note: '   ' } }],
        code: 'BAD_USER_INPUT',
        reason: 'EMPTY_NOTE',
        field: 'note',
      },
      {
        name: 'resolving twice',
        prepare: async (gid) => {
          await api.execute(RESOLVE, { input: { caseId: gid, note: 'Done.' } });
        },
        send: (gid) => [RESOLVE, { input: { caseId: gid, note: 'Done again.' } }],
        code: 'CONFLICT',
        reason: 'ALREADY_RESOLVED',
        field: 'id',
      },
      {
        name: 'a second first response',
        prepare: async (gid) => {
          await api.execute(RESPOND, { id: gid });
        },
        send: (gid) => [RESPOND, { id: gid }],
        code: 'CONFLICT',
        reason: 'ALREADY_RESPONDED',
        field: 'id',
      },
      {
        name: 'a reassignment naming nobody',
        send: (gid) => [REASSIGN, { input: { caseId: gid } }],
        code: 'BAD_USER_INPUT',
        reason: 'NOTHING_TO_CHANGE',
        field: 'input',
      },
      {
        name: 'a reassignment to an unknown department',
        send: (gid) => [
          REASSIGN,
          { input: { caseId: gid, departmentId: toGlobalId('Department', randomUUID()) } },
        ],
        code: 'NOT_FOUND',
        reason: 'DEPARTMENT_NOT_FOUND',
        field: 'departmentId',
      },
    ];

    it.each(cases)('$name', async (c) => {
      const w = await createCaseWorld(getOrm());
      const kase = await openCase(w);
      await c.prepare?.(kase.gid, w);
      const em = () => getOrm().em.fork();
      const state = async () => ({
        kase: JSON.parse(JSON.stringify(await em().findOneOrFail(FeedbackCase, kase.id))),
        audit: await em().count(AuditEvent, {}),
        outbox: await em().count(ClientNotification, {}),
      });
      const before = await state();
      const [query, variables, viewer] = c.send(kase.gid, w);
      const res = await api.execute(query, variables, viewer);
      expect(res.errors).toHaveLength(1);
      const { code, reason, field } = res.errors![0]!.extensions ?? {};
      expect({ code, reason, field }).toEqual({ code: c.code, reason: c.reason, field: c.field });
      expect(res.errors![0]!.message.length).toBeGreaterThan(10);
      expect(res.data ?? null).toBeNull();
      expect(await state()).toEqual(before);
    });
  });

  it('reassigns an open case to another department and owner', async () => {
    const w = await createCaseWorld(getOrm());
    const kase = await openCase(w);
    const res = await api.execute(REASSIGN, {
      input: {
        caseId: kase.gid,
        departmentId: toGlobalId('Department', w.otherDepartmentId),
        ownerId: toGlobalId('User', w.accountOwnerId),
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reassignCase).toMatchObject({
      department: { id: toGlobalId('Department', w.otherDepartmentId) },
      owner: { id: toGlobalId('User', w.accountOwnerId) },
    });
  });
});
