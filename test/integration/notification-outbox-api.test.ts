import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { createFeedback } from '../fixtures/initiative-factories.js';
import { expectRefusedWithoutWrites, unknownId, type RefusalCase } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const QUEUE = `mutation($input: QueueClientNotificationInput!) { queueClientNotification(input: $input) {
  id kind status recipient locale attempts lastError account { name } contact { name } feedbackItem { id } initiative { code } } }`;
const CANCEL = `mutation($id: ID!) { cancelClientNotification(id: $id) { id status attempts lastError } }`;
const RETRY = `mutation($id: ID!) { retryClientNotification(id: $id) { id status attempts lastError } }`;

describeEachDatabase('client notification outbox mutations', (getOrm) => {
  let api: TestApi;
  let acme: Awaited<ReturnType<typeof createAccount>>;
  let beta: Awaited<ReturnType<typeof createAccount>>;
  let manual: {
    initiative: string;
    otherInitiative: string;
    feedback: string;
    sent: string;
    failed: string;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    acme = await createAccount(getOrm(), {
      name: 'Acme',
      contacts: [
        { respondentClass: RespondentClass.OPERATOR },
        { respondentClass: RespondentClass.ECONOMIC_BUYER, locale: 'ru' },
        { respondentClass: RespondentClass.TECHNICAL_BUYER, email: null },
      ],
    });
    beta = await createAccount(getOrm(), { name: 'Beta' });
    const em = getOrm().em.fork();
    const initiative = em.create(Initiative, {
      code: 'INI-9002',
      title: 'Shorter lead times',
      problem: 'Orders wait for trucks',
      clientVisible: true,
      affectedAccounts: [acme.account.id],
    });
    const other = em.create(Initiative, {
      code: 'INI-9001',
      title: 'Faster claims',
      problem: 'Slow claims',
      affectedAccounts: [beta.account.id],
    });
    const row = (status: DeliveryStatus, attempts: number) =>
      em.create(ClientNotification, {
        kind: NotificationKind.INITIATIVE_PROGRESS,
        account: acme.account.id,
        dedupeKey: `test-${status}`,
        subject: `Was ${status}`,
        body: 'Body',
        status,
        attempts,
        lastError: status === DeliveryStatus.FAILED ? 'SMTP 550' : null,
      });
    const sent = row(DeliveryStatus.SENT, 1);
    const failed = row(DeliveryStatus.FAILED, 3);
    await em.flush();
    manual = {
      initiative: toGlobalId('Initiative', initiative.id),
      otherInitiative: toGlobalId('Initiative', other.id),
      feedback: (await createFeedback(getOrm(), acme.account, 'Trucks late again')).gid,
      sent: toGlobalId('ClientNotification', sent.id),
      failed: toGlobalId('ClientNotification', failed.id),
    };
  });
  afterAll(() => api.stop());

  const queue = (over: Record<string, unknown> = {}) => ({
    input: {
      accountId: acme.accountGid,
      contactId: acme.contactGids[1],
      subject: 'You said, we did',
      body: 'We added a second truck on your route.',
      ...over,
    },
  });

  it("queues a manual message to a contact, in the contact's language, with an audit event", async () => {
    const res = await api.execute(
      QUEUE,
      queue({ initiativeId: manual.initiative, feedbackItemId: manual.feedback }),
    );
    expect(res.errors).toBeUndefined();
    const queued = res.data!.queueClientNotification;
    expect(queued).toMatchObject({
      kind: 'INITIATIVE_PROGRESS',
      status: 'PENDING',
      recipient: acme.contacts[1]!.email,
      locale: 'ru',
      attempts: 0,
      lastError: null,
      account: { name: 'Acme' },
      contact: { name: acme.contacts[1]!.name },
      feedbackItem: { id: manual.feedback },
      initiative: { code: 'INI-9002' },
    });
    const em = getOrm().em.fork();
    const stored = await em.findOneOrFail(ClientNotification, {
      subject: 'You said, we did',
      initiative: { code: 'INI-9002' },
    });
    expect(stored.dedupeKey).toMatch(/^manual:[0-9a-f-]{36}$/);
    const audit = await em.findOneOrFail(AuditEvent, { entityId: stored.id });
    expect(audit.action).toBe('queueClientNotification');
  });

  it('records a message without an e-mail address to send to as SKIPPED', async () => {
    const noEmail = await api.execute(
      QUEUE,
      queue({ contactId: acme.contactGids[2], locale: 'en', kind: 'COUNCIL_REVIEW_REQUEST' }),
    );
    expect(noEmail.data!.queueClientNotification).toMatchObject({
      kind: 'COUNCIL_REVIEW_REQUEST',
      status: 'SKIPPED',
      recipient: null,
      locale: 'en',
      lastError: 'No e-mail address to deliver to.',
    });
    const noContact = await api.execute(QUEUE, queue({ contactId: null }));
    expect(noContact.data!.queueClientNotification).toMatchObject({
      status: 'SKIPPED',
      locale: 'en',
      contact: null,
    });
  });

  it('cancels a pending message before delivery', async () => {
    const queued = await api.execute(QUEUE, queue({ subject: 'To be withdrawn' }));
    const id = queued.data!.queueClientNotification.id;
    const res = await api.execute(CANCEL, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.cancelClientNotification).toEqual({
      id,
      status: 'SKIPPED',
      attempts: 0,
      lastError: 'Cancelled before delivery.',
    });
    const again = await api.execute(CANCEL, { id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toBe(
      'Only a pending notification can be cancelled; this one is skipped.',
    );
  });

  it('queues a failed message again, keeping its attempt count', async () => {
    const res = await api.execute(RETRY, { id: manual.failed });
    expect(res.errors).toBeUndefined();
    expect(res.data!.retryClientNotification).toMatchObject({ status: 'PENDING', attempts: 3 });
    const em = getOrm().em.fork();
    const audit = await em.find(AuditEvent, { action: 'retryClientNotification' });
    expect(audit.map((a) => [a.before?.status, a.after?.status])).toEqual([['FAILED', 'PENDING']]);
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: RefusalCase[] = [
      {
        name: 'the kind reserved for the collect workflow',
        query: QUEUE,
        variables: () => queue({ kind: 'FEEDBACK_ACKNOWLEDGEMENT' }),
        code: 'BAD_USER_INPUT',
        message: /acknowledgements are sent by the collect workflow/,
      },
      {
        name: 'an empty subject',
        query: QUEUE,
        variables: () => queue({ subject: '' }),
        code: 'BAD_USER_INPUT',
        message: /subject must be 1 to 300 characters/,
      },
      {
        name: 'a subject longer than 300 characters',
        query: QUEUE,
        variables: () => queue({ subject: 'x'.repeat(301) }),
        code: 'BAD_USER_INPUT',
        message: /subject must be 1 to 300 characters/,
      },
      {
        name: 'a blank body',
        query: QUEUE,
        variables: () => queue({ body: '   ' }),
        code: 'BAD_USER_INPUT',
        message: /body cannot be blank/,
      },
      {
        name: 'a body longer than 10000 characters',
        query: QUEUE,
        variables: () => queue({ body: 'x'.repeat(10_001) }),
        code: 'BAD_USER_INPUT',
        message: /body must be 1 to 10000 characters/,
      },
      {
        name: 'an unsupported language',
        query: QUEUE,
        variables: () => queue({ locale: 'de' }),
        code: 'BAD_USER_INPUT',
        message: /locale must be ru or en/,
      },
      {
        name: 'a malformed account id',
        query: QUEUE,
        variables: () => queue({ accountId: 'garbage' }),
        code: 'BAD_USER_INPUT',
        message: /accountId is not a valid ClientAccount id/,
      },
      {
        name: 'an unknown account',
        query: QUEUE,
        variables: () => queue({ accountId: unknownId('ClientAccount'), contactId: null }),
        code: 'NOT_FOUND',
        message: /No client account matches accountId\./,
      },
      {
        name: 'an unknown contact',
        query: QUEUE,
        variables: () => queue({ contactId: unknownId('Contact') }),
        code: 'NOT_FOUND',
        message: /No contact matches contactId\./,
      },
      {
        name: 'a contact of another account',
        query: QUEUE,
        variables: () => queue({ contactId: beta.contactGids[0] }),
        code: 'BAD_USER_INPUT',
        message: /contact belongs to another account than Acme/,
      },
      {
        name: 'an unknown feedback item',
        query: QUEUE,
        variables: () => queue({ feedbackItemId: unknownId('FeedbackItem') }),
        code: 'NOT_FOUND',
        message: /No feedback item matches feedbackItemId\./,
      },
      {
        name: 'feedback of another account',
        query: QUEUE,
        variables: () =>
          queue({ accountId: beta.accountGid, contactId: null, feedbackItemId: manual.feedback }),
        code: 'BAD_USER_INPUT',
        message: /feedback item was given by another account than Beta/,
      },
      {
        name: 'an unknown initiative',
        query: QUEUE,
        variables: () => queue({ initiativeId: unknownId('Initiative') }),
        code: 'NOT_FOUND',
        message: /No initiative matches initiativeId\./,
      },
      {
        name: 'an initiative that does not affect the account',
        query: QUEUE,
        variables: () => queue({ initiativeId: manual.otherInitiative }),
        code: 'BAD_USER_INPUT',
        message: /Initiative INI-9001 does not list Acme among its affected accounts/,
      },
      {
        name: 'cancelling an unknown notification',
        query: CANCEL,
        variables: () => ({ id: unknownId('ClientNotification') }),
        code: 'NOT_FOUND',
        message: /No client notification matches id\./,
      },
      {
        name: 'cancelling a sent notification',
        query: CANCEL,
        variables: () => ({ id: manual.sent }),
        code: 'CONFLICT',
        message: /^Only a pending notification can be cancelled; this one is sent\.$/,
      },
      {
        name: 'retrying a notification that did not fail',
        query: RETRY,
        variables: () => ({ id: manual.sent }),
        code: 'CONFLICT',
        message: /^Only a failed notification can be retried; this one is sent\.$/,
      },
    ];
    const states = async () =>
      (
        await getOrm()
          .em.fork()
          .find(ClientNotification, {}, { orderBy: { id: 'asc' } })
      ).map((n) => [n.id, n.status, n.attempts, n.lastError]);
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = await states();
        await expectRefusedWithoutWrites(api, getOrm(), [ClientNotification], c);
        expect(await states()).toEqual(before);
      });
    }
  });
});
