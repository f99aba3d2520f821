import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { allEntities } from '../../server/src/db/entities.js';
import type { Orm } from '../../server/src/db/orm.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { createAccount } from '../fixtures/factories.js';
import { expectRefusedWithoutWrites, unknownId, type RefusalCase } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { findInDatabase } from '../helpers/db-search.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { OLGA, OLGA_VALUES, seedFootprint, type Footprint } from '../fixtures/privacy-factories.js';

const ERASE = `mutation($id: ID!, $reason: String!) {
  eraseContact(id: $id, reason: $reason) {
    alreadyErased erasedAt erased { category count }
    contact { name email phone position externalId active erasedAt }
  }
}`;
const EXPORT = `query($id: ID!) { exportContactData(id: $id) }`;
const NOW = new Date('2026-12-01T00:00:00.000Z');

/** What erasure must not move: feedback figures, the maturity evaluation, every table's row count. */
async function aggregates(orm: Orm) {
  const em = orm.em.fork();
  const nps = await em.execute(
    `select count(*) as n, avg(nps_score) as nps, avg(csi_score) as csi from feedback_item`,
  );
  const perClass = await em.execute(
    `select complaint_class as c, count(*) as n from feedback_item group by complaint_class order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const entity of allEntities) counts[entity.name] = await em.count(entity as never, {});
  const maturity = await evaluateMaturity(em, NOW, DEFAULT_MATURITY_THRESHOLDS);
  return { nps: JSON.stringify(nps), perClass: JSON.stringify(perClass), counts, maturity };
}

const trail = async (orm: Orm) =>
  (await orm.em.fork().find(AuditEvent, {}, { orderBy: { id: 'asc' } })).map((e) =>
    [e.id, e.at.toISOString(), e.actor, e.action, e.entityType, e.entityId].join(' '),
  );

describeEachDatabase('erasing a contact (the right to be forgotten)', (getOrm) => {
  let api: TestApi;
  let olga: Footprint;
  let exportBefore: Record<string, any>;
  let before: Awaited<ReturnType<typeof aggregates>>;
  let trailBefore: string[];
  let erasure: Record<string, any>;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    olga = await seedFootprint(api, getOrm());
    exportBefore = (await api.execute(EXPORT, { id: olga.contactGid })).data!.exportContactData;
    before = await aggregates(getOrm());
    trailBefore = await trail(getOrm());
    const res = await api.execute(
      ERASE,
      { id: olga.contactGid, reason: `Request by ${OLGA.name} on 2026-11-30` },
      { actor: 'user:privacy-officer', kind: 'user', role: UserRole.CX_ADMIN },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    erasure = res.data!.eraseContact;
  });
  afterAll(() => api.stop());

  it('exports everything the hub holds about the contact before erasure', () => {
    const doc = JSON.stringify(exportBefore);
    for (const value of OLGA_VALUES.filter((v) => v !== OLGA.formerName))
      expect(doc).toContain(value);
    expect(exportBefore).toMatchObject({
      format: 'cx-ops-hub/contact-export@1',
      contact: { id: olga.contactGid, name: OLGA.name, email: OLGA.email, erasedAt: null },
    });
    expect(exportBefore.feedback.map((f: any) => f.text)).toEqual(OLGA.texts);
    expect(exportBefore.messages.map((m: any) => m.kind).sort()).toEqual([
      'FEEDBACK_ACKNOWLEDGEMENT',
      'INITIATIVE_PROGRESS',
    ]);
    expect(exportBefore.councilMemberships).toMatchObject([{ role: 'CHAIR', endedAt: null }]);
    expect(exportBefore.portalLogins).toMatchObject([{ name: OLGA.name, active: true }]);
    const actions = exportBefore.auditEvents.map((e: any) => e.action);
    for (const a of [
      'createContact',
      'updateContact',
      'submitFeedback',
      'updateFeedback',
      'addCouncilMember',
    ])
      expect(actions).toContain(a);
  });

  it('answers what it erased, and the contact is a nameless tombstone', () => {
    expect(erasure).toMatchObject({
      alreadyErased: false,
      contact: {
        name: '[erased]',
        email: null,
        phone: null,
        position: null,
        externalId: null,
        active: false,
      },
    });
    expect(erasure.contact.erasedAt).toBe(erasure.erasedAt);
    expect(Object.fromEntries(erasure.erased.map((e: any) => [e.category, e.count]))).toMatchObject(
      {
        CONTACT_DETAILS: 1,
        FEEDBACK_TEXTS: 3,
        MESSAGES: 2,
        COUNCIL_SEATS: 1,
        PORTAL_LOGINS: 1,
        // the inbox entry, the initiative and its first revision (the problem is its brief), and
        // the Formbricks response kept as an inbound event
        COPIES_IN_TEXTS: 4,
      },
    );
  });

  it('leaves no trace of the name, e-mail, phone, position, external id or texts in any column of any table', async () => {
    expect(await findInDatabase(getOrm(), OLGA_VALUES)).toEqual([]);
  });

  it("keeps other people's data", async () => {
    const hits = await findInDatabase(getOrm(), olga.controlValues);
    expect(new Set(hits.map((h) => h.value))).toEqual(new Set(olga.controlValues));
  });

  it('keeps every aggregate: NPS and CSI, counts per complaint class, row counts, maturity', async () => {
    const after = await aggregates(getOrm());
    expect(after.nps).toBe(before.nps);
    expect(after.perClass).toBe(before.perClass);
    expect(after.maturity).toEqual(before.maturity);
    expect(after.counts).toEqual({ ...before.counts, AuditEvent: before.counts.AuditEvent! + 1 });
  });

  it('keeps every audit row and adds one eraseContact event naming categories, not values', async () => {
    const now = await trail(getOrm());
    expect(now.slice(0, trailBefore.length)).toEqual(trailBefore);
    const event = await getOrm().em.fork().findOneOrFail(AuditEvent, { action: 'eraseContact' });
    expect(event).toMatchObject({
      actor: 'user:privacy-officer',
      entityType: 'Contact',
      entityId: olga.contactId,
    });
    expect(event.after).toMatchObject({
      reason: 'Request by [erased] on 2026-11-30',
      erased: { CONTACT_DETAILS: 1, FEEDBACK_TEXTS: 3 },
    });
  });

  it('exports nothing personal after erasure', async () => {
    const res = await api.execute(EXPORT, { id: olga.contactGid });
    const doc = res.data!.exportContactData;
    for (const value of OLGA_VALUES)
      expect(JSON.stringify(doc).toLowerCase()).not.toContain(value.toLowerCase());
    expect(doc.feedback.map((f: any) => [f.text, f.npsScore])).toEqual([
      [null, 3],
      [null, 6],
      [null, 9],
    ]);
    expect(doc.messages.every((m: any) => m.recipient === null && m.body === '[erased]')).toBe(
      true,
    );
    expect(doc.councilMemberships[0].endedAt).not.toBeNull();
    expect(doc.auditEvents.map((e: any) => e.action)).toContain('eraseContact');
  });

  it('ends the council seat: the council no longer lists the contact', async () => {
    const res = await api.execute(
      `query($id: ID!) { node(id: $id) { ... on AdvisoryCouncil { members { id } } } }`,
      {
        id: olga.councilGid,
      },
    );
    expect(res.data!.node.members).toEqual([]);
  });

  it('changes nothing the second time and says so', async () => {
    const trailNow = await trail(getOrm());
    const res = await api.execute(ERASE, { id: olga.contactGid, reason: 'again' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.eraseContact).toMatchObject({
      alreadyErased: true,
      erasedAt: erasure.erasedAt,
      erased: [],
    });
    expect(await trail(getOrm())).toEqual(trailNow);
  });

  it('refuses to give an erased contact data again', async () => {
    const res = await api.execute(
      `mutation($id: ID!) { updateContact(id: $id, input: { name: "Olga" }) { id } }`,
      { id: olga.contactGid },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTACT_ERASED',
    });
  });
});

describeEachDatabase('erasing and exporting refuse bad input with a typed error', (getOrm) => {
  let api: TestApi;
  let contactGid: string;
  let accountGid: string;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const created = await createAccount(getOrm());
    accountGid = created.accountGid;
    contactGid = created.contactGids[0]!;
  });
  afterAll(() => api.stop());

  const cases: RefusalCase[] = [
    {
      name: 'an unknown contact',
      query: ERASE,
      variables: () => ({ id: unknownId('Contact'), reason: 'request' }),
      code: 'NOT_FOUND',
      message: /No contact matches id/,
    },
    {
      name: 'an id that is no global id',
      query: ERASE,
      variables: () => ({ id: 'olga', reason: 'request' }),
      code: 'BAD_USER_INPUT',
      message: /id is not a valid Contact id/,
    },
    {
      name: "another type's id",
      query: ERASE,
      variables: () => ({ id: accountGid, reason: 'request' }),
      code: 'BAD_USER_INPUT',
      message: /id is not a valid Contact id/,
    },
    {
      name: 'a blank reason',
      query: ERASE,
      variables: () => ({ id: contactGid, reason: '   ' }),
      code: 'BAD_USER_INPUT',
      message: /reason must be 1 to 500 characters/,
    },
    {
      name: 'a reason of 501 characters',
      query: ERASE,
      variables: () => ({ id: contactGid, reason: 'x'.repeat(501) }),
      code: 'BAD_USER_INPUT',
      message: /reason must be 1 to 500 characters/,
    },
    {
      name: 'an export of an unknown contact',
      query: EXPORT,
      variables: () => ({ id: unknownId('Contact') }),
      code: 'NOT_FOUND',
      message: /No contact matches id/,
    },
  ];
  for (const c of cases) {
    it(`such as ${c.name}, writing nothing`, async () => {
      await expectRefusedWithoutWrites(
        api,
        getOrm(),
        [Contact, FeedbackItem, ClientNotification],
        c,
      );
    });
  }

  it('audits an export, with counts and no personal values', async () => {
    const res = await api.execute(
      EXPORT,
      { id: contactGid },
      { actor: 'user:dpo', kind: 'user', role: UserRole.CX_ADMIN },
    );
    expect(res.errors).toBeUndefined();
    const [event] = await getOrm()
      .em.fork()
      .find(AuditEvent, { action: 'exportContactData', actor: 'user:dpo' });
    expect(event?.after).toEqual({
      feedback: 0,
      messages: 0,
      councilMemberships: 0,
      auditEvents: 0,
    });
  });
});
