import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, RecordingCollectStarter, type TestApi } from '../helpers/graphql.js';
import { createAccount } from '../fixtures/factories.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      duplicate
      feedbackItem {
        id
        status
        npsScore
        text
        respondentClass
        channel
        account {
          name
        }
        contact {
          name
        }
      }
    }
  }
`;

describeEachDatabase('submitFeedback', (getOrm) => {
  let api: TestApi;
  let starter: RecordingCollectStarter;
  let accountGid: string;
  let contactGid: string;

  beforeAll(async () => {
    starter = new RecordingCollectStarter();
    api = await createTestApi(getOrm(), { collect: starter });
    const fixture = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.TECHNICAL_BUYER }],
    });
    accountGid = fixture.accountGid;
    contactGid = fixture.contactGids[0]!;
  });
  afterAll(() => api.stop());

  const count = <E extends object>(entity: new () => E) => getOrm().em.fork().count(entity, {});

  it('stores the item, takes the respondent class from the contact and starts one workflow', async () => {
    const res = await api.execute(SUBMIT, {
      input: {
        accountId: accountGid,
        contactId: contactGid,
        channel: 'SURVEY',
        npsScore: 4,
        text: ' Late again ',
      },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.submitFeedback;
    expect(payload.duplicate).toBe(false);
    expect(payload.feedbackItem).toMatchObject({
      status: 'RECEIVED',
      npsScore: 4,
      text: 'Late again',
      respondentClass: 'TECHNICAL_BUYER',
      channel: 'SURVEY',
    });
    const stored = await getOrm().em.fork().findOneOrFail(FeedbackItem, { npsScore: 4 });
    expect(starter.started).toContain(stored.id);
    expect(stored.workflowStartedAt).toBeInstanceOf(Date);
  });

  it('gives one item and one workflow for the same external id submitted twice', async () => {
    const input = {
      accountId: accountGid,
      channel: 'COMPLAINT',
      text: 'Broken seal',
      externalId: 'crm-42',
    };
    const first = await api.execute(SUBMIT, { input });
    const second = await api.execute(SUBMIT, { input });
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitFeedback.duplicate).toBe(true);
    expect(second.data!.submitFeedback.feedbackItem.id).toBe(
      first.data!.submitFeedback.feedbackItem.id,
    );
    const stored = await getOrm().em.fork().find(FeedbackItem, { externalId: 'crm-42' });
    expect(stored).toHaveLength(1);
    expect(starter.started.filter((id) => id === stored[0]!.id)).toHaveLength(1);
  });

  it('creates a new contact from its e-mail once and reuses it afterwards', async () => {
    const contact = {
      name: 'Olga Petrova',
      email: 'Olga@Client.example',
      respondentClass: 'ECONOMIC_BUYER',
      locale: 'ru',
    };
    const before = await count(Contact);
    for (let i = 0; i < 2; i++) {
      const res = await api.execute(SUBMIT, {
        input: { accountId: accountGid, channel: 'MEETING', npsScore: 9, contact },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.submitFeedback.feedbackItem.contact.name).toBe('Olga Petrova');
    }
    expect(await count(Contact)).toBe(before + 1);
  });

  it('keeps the item accepted when Temporal is unreachable, leaving it for the reconciler', async () => {
    starter.failing = true;
    try {
      const res = await api.execute(SUBMIT, {
        input: { accountId: accountGid, channel: 'CHAT_BOT', npsScore: 2 },
      });
      expect(res.errors).toBeUndefined();
      const stored = await getOrm()
        .em.fork()
        .findOneOrFail(FeedbackItem, { channel: 'CHAT_BOT' as never });
      expect(stored.status).toBe('RECEIVED');
      expect(stored.workflowStartedAt).toBeNull();
    } finally {
      starter.failing = false;
    }
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      input: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'an unknown account',
        input: () => ({
          accountId: 'Q2xpZW50QWNjb3VudDowMWEyMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA',
          channel: 'SURVEY',
          npsScore: 5,
        }),
        code: 'NOT_FOUND',
        message: /No client account matches accountId\./,
      },
      {
        name: 'an id that is not an account id',
        input: () => ({ accountId: 'nonsense', channel: 'SURVEY', npsScore: 5 }),
        code: 'BAD_USER_INPUT',
        message: /accountId is not a valid ClientAccount id/,
      },
      {
        name: 'an NPS of 11',
        input: () => ({ accountId: accountGid, channel: 'SURVEY', npsScore: 11 }),
        code: 'BAD_USER_INPUT',
        message: /npsScore must be between 0 and 10/,
      },
      {
        name: 'an empty payload',
        input: () => ({ accountId: accountGid, channel: 'SURVEY', text: '   ' }),
        code: 'BAD_USER_INPUT',
        message: /needs a score .* or a text/,
      },
      {
        name: 'a text over the limit',
        input: () => ({ accountId: accountGid, channel: 'SURVEY', text: 'x'.repeat(20_001) }),
        code: 'BAD_USER_INPUT',
        message: /text must be at most 20000 characters/,
      },
      {
        name: 'a respondent class that contradicts the contact',
        input: () => ({
          accountId: accountGid,
          contactId: contactGid,
          respondentClass: 'OPERATOR',
          channel: 'SURVEY',
          npsScore: 5,
        }),
        code: 'BAD_USER_INPUT',
        message: /recorded as TECHNICAL_BUYER/,
      },
      {
        name: 'a malformed contact e-mail',
        input: () => ({
          accountId: accountGid,
          channel: 'SURVEY',
          npsScore: 5,
          contact: { name: 'X', email: 'not-an-email', respondentClass: 'OPERATOR' },
        }),
        code: 'BAD_USER_INPUT',
        message: /contact.email must be an e-mail address/,
      },
      {
        name: 'a receipt time in the future',
        input: () => ({
          accountId: accountGid,
          channel: 'SURVEY',
          npsScore: 5,
          receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        code: 'BAD_USER_INPUT',
        message: /future/,
      },
      {
        name: 'a missing channel',
        input: () => ({ accountId: accountGid, npsScore: 5 }),
        code: 'BAD_USER_INPUT',
        message: /channel/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const [items, audits] = [await count(FeedbackItem), await count(AuditEvent)];
        const res = await api.execute(SUBMIT, { input: c.input() });
        expect(res.data?.submitFeedback ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await count(FeedbackItem)).toBe(items);
        expect(await count(AuditEvent)).toBe(audits);
      });
    }
  });

  it('reads an item back by id with its status and (not yet) acknowledgement', async () => {
    const res = await api.execute(SUBMIT, {
      input: { accountId: accountGid, channel: 'PORTAL_POPUP', cesScore: 6 },
    });
    const id = res.data!.submitFeedback.feedbackItem.id;
    const read = await api.execute(
      `query($id: ID!) { feedbackItem(id: $id) { id status acknowledgedAt acknowledgement { id } } node(id: $id) { id ... on FeedbackItem { cesScore } } }`,
      { id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.feedbackItem).toEqual({
      id,
      status: 'RECEIVED',
      acknowledgedAt: null,
      acknowledgement: null,
    });
    expect(read.data!.node).toEqual({ id, cesScore: 6 });
  });

  it('lists feedback as a connection with filters and keyset pages', async () => {
    const all = await api.execute(`{ feedbackItems(first: 100) { totalCount } }`);
    const total = all.data!.feedbackItems.totalCount as number;
    expect(total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: any = await api.execute(
        `query($after: String) { feedbackItems(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.data.feedbackItems.edges.map((e: any) => e.node.id));
      if (!page.data.feedbackItems.pageInfo.hasNextPage) break;
      after = page.data.feedbackItems.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(total);
    const filtered = await api.execute(
      `{ feedbackItems(filter: { channels: [COMPLAINT] }) { totalCount nodes { channel } } }`,
    );
    expect(filtered.data!.feedbackItems.totalCount).toBe(1);
    const tooBig = await api.execute(`{ feedbackItems(first: 1000) { totalCount } }`);
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('updateFeedback', () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateFeedbackInput!) {
      updateFeedback(id: $id, input: $input) { id complaintClass classificationSource classifiedAt sentiment status }
    }`;
    let id: string;
    beforeAll(async () => {
      const res = await api.execute(SUBMIT, {
        input: {
          accountId: accountGid,
          channel: 'SUPPORT_TICKET',
          text: 'Invoice lists the wrong price',
        },
      });
      id = res.data!.submitFeedback.feedbackItem.id;
    });

    it('records a staff classification with when it was set, and moves the status forward', async () => {
      const res = await api.execute(UPDATE, {
        id,
        input: { complaintClass: 'SERVICE', sentiment: 'NEGATIVE', status: 'IN_ANALYSIS' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateFeedback).toMatchObject({
        complaintClass: 'SERVICE',
        classificationSource: 'STAFF',
        sentiment: 'NEGATIVE',
        status: 'IN_ANALYSIS',
      });
      expect(res.data!.updateFeedback.classifiedAt).toBeTruthy();
      const audit = await getOrm().em.fork().find(AuditEvent, { action: 'updateFeedback' });
      expect(audit.at(-1)?.before).toMatchObject({ status: 'RECEIVED' });
      expect(audit.at(-1)?.after).toMatchObject({
        status: 'IN_ANALYSIS',
        complaintClass: 'SERVICE',
      });
    });

    it('refuses to move a status backwards, an unknown item and an empty change, writing nothing', async () => {
      const audits = await count(AuditEvent);
      const backwards = await api.execute(UPDATE, { id, input: { status: 'RECEIVED' } });
      expect(backwards.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STATUS_BACKWARDS',
      });
      expect(backwards.errors?.[0]?.message).toMatch(/cannot go back to RECEIVED/);
      const unknown = await api.execute(UPDATE, {
        id: 'RmVlZGJhY2tJdGVtOjAxYTIwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA',
        input: { sentiment: 'POSITIVE' },
      });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const empty = await api.execute(UPDATE, { id, input: {} });
      expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count(AuditEvent)).toBe(audits);
      const stored = await getOrm()
        .em.fork()
        .findOneOrFail(FeedbackItem, { text: 'Invoice lists the wrong price' });
      expect(stored.status).toBe('IN_ANALYSIS');
    });
  });
});
