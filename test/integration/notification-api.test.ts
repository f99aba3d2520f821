import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { createAccount } from '../fixtures/factories.js';
import { createFeedback } from '../fixtures/initiative-factories.js';

const LIST = `query($f: ClientNotificationFilter, $first: Int, $after: String) {
  clientNotifications(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { subject kind status }
  }
}`;

describeEachDatabase('client notifications API', (getOrm) => {
  let api: TestApi;
  let ids: { acme: string; beta: string; feedback: string; initiative: string; first: string };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const acme = await createAccount(getOrm(), { name: 'Acme' });
    const beta = await createAccount(getOrm(), { name: 'Beta' });
    const feedback = await createFeedback(getOrm(), acme.account);
    const em = getOrm().em.fork();
    const initiative = em.create(Initiative, {
      code: 'INI-9001',
      title: 'Faster claims',
      problem: 'Slow claims',
      clientVisible: true,
    });
    const base = Date.now() - 60_000;
    const rows = [
      {
        kind: NotificationKind.FEEDBACK_ACKNOWLEDGEMENT,
        account: acme.account.id,
        contact: acme.contacts[0]!.id,
        feedbackItem: feedback.item.id,
        subject: 'We got it',
        status: DeliveryStatus.SENT,
      },
      {
        kind: NotificationKind.INITIATIVE_PROGRESS,
        account: acme.account.id,
        initiative,
        subject: 'You said, we did',
        status: DeliveryStatus.PENDING,
      },
      {
        kind: NotificationKind.INITIATIVE_PROGRESS,
        account: beta.account.id,
        initiative,
        subject: 'Progress for Beta',
        status: DeliveryStatus.FAILED,
      },
    ].map((r, i) =>
      em.create(ClientNotification, {
        ...r,
        dedupeKey: `test-${i}-${base}`,
        body: 'Body',
        createdAt: new Date(base + i * 1000),
      }),
    );
    await em.flush();
    ids = {
      acme: acme.accountGid,
      beta: beta.accountGid,
      feedback: feedback.gid,
      initiative: toGlobalId('Initiative', initiative.id),
      first: toGlobalId('ClientNotification', rows[0]!.id),
    };
  });
  afterAll(() => api.stop());

  it('lists the outbox newest first, in keyset pages', async () => {
    const page1 = await api.execute(LIST, { first: 2 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.clientNotifications.totalCount).toBe(3);
    expect(page1.data!.clientNotifications.nodes.map((n: any) => n.subject)).toEqual([
      'Progress for Beta',
      'You said, we did',
    ]);
    const page2 = await api.execute(LIST, {
      first: 2,
      after: page1.data!.clientNotifications.pageInfo.endCursor,
    });
    expect(page2.data!.clientNotifications.nodes.map((n: any) => n.subject)).toEqual(['We got it']);
    expect(page2.data!.clientNotifications.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by account, feedback item, initiative, kind and delivery status', async () => {
    const subjects = async (f: Record<string, unknown>) =>
      (
        (await api.execute(LIST, { f })).data!.clientNotifications.nodes as { subject: string }[]
      ).map((n) => n.subject);
    expect(await subjects({ accountId: ids.acme })).toEqual(['You said, we did', 'We got it']);
    expect(await subjects({ feedbackItemId: ids.feedback })).toEqual(['We got it']);
    expect(await subjects({ initiativeId: ids.initiative, statuses: ['FAILED'] })).toEqual([
      'Progress for Beta',
    ]);
    expect(await subjects({ kinds: ['FEEDBACK_ACKNOWLEDGEMENT', 'SURVEY_INVITATION'] })).toEqual([
      'We got it',
    ]);
  });

  it('reads one notification with its account, contact, feedback item and initiative', async () => {
    const res = await api.execute(
      `query($id: ID!) { clientNotification(id: $id) { subject status account { name } contact { name } feedbackItem { id } initiative { code } } }`,
      { id: ids.first },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.clientNotification).toMatchObject({
      subject: 'We got it',
      status: 'SENT',
      account: { name: 'Acme' },
      feedbackItem: { id: ids.feedback },
      initiative: null,
    });
    expect(res.data!.clientNotification.contact.name).toMatch(/^Person/);
  });

  it("shows an initiative's notifications on the initiative", async () => {
    const res = await api.execute(
      `query($id: ID!) { initiative(id: $id) { notifications { subject account { name } } } }`,
      { id: ids.initiative },
    );
    expect(res.data!.initiative.notifications).toEqual([
      { subject: 'Progress for Beta', account: { name: 'Beta' } },
      { subject: 'You said, we did', account: { name: 'Acme' } },
    ]);
  });

  it('reads only the newest notifications of an initiative when given a limit, and refuses a limit out of range', async () => {
    const newest = await api.execute(
      `query($id: ID!) { initiative(id: $id) { notifications(limit: 1) { subject } } }`,
      { id: ids.initiative },
    );
    expect(newest.data!.initiative.notifications).toEqual([{ subject: 'Progress for Beta' }]);
    const both = await api.execute(
      `query($id: ID!) { initiative(id: $id) { notifications(limit: 100) { subject } } }`,
      { id: ids.initiative },
    );
    expect(both.data!.initiative.notifications).toHaveLength(2);
    for (const limit of [0, 101, -1]) {
      const bad = await api.execute(
        `query($id: ID!, $limit: Int) { initiative(id: $id) { notifications(limit: $limit) { subject } } }`,
        { id: ids.initiative, limit },
      );
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
      expect(bad.errors?.[0]?.message).toBe(`limit must be between 1 and 100, got ${limit}.`);
    }
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await api.execute(`query($id: ID!) { clientNotification(id: $id) { id } }`, {
      id: toGlobalId('ClientNotification', '01a20000-0000-7000-8000-000000000000'),
    });
    expect(unknown.data).toEqual({ clientNotification: null });
    const bad = await api.execute(LIST, { f: { accountId: 'garbage' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/filter.accountId is not a valid ClientAccount id/);
  });
});
