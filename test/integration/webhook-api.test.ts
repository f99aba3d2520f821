import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { fromGlobalId, toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { WebhookSubscription } from '../../server/src/modules/webhook/webhook-subscription.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id url eventTypes status } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, input: $input) { eventTypes description }
}`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`;
const RESUME = `mutation($id: ID!) { resumeWebhookSubscription(id: $id) { status } }`;
const PAUSE = `mutation($id: ID!) { pauseWebhookSubscription(id: $id) { status pausedReason } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`;

describeEachDatabase('Webhook subscriptions through GraphQL', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm(), {
      config: loadConfig({ CX_WEBHOOK_ALLOW_PRIVATE: 'true' }),
    });
  });
  afterAll(() => api?.stop());

  const create = async () => {
    const res = await api.execute(CREATE, {
      input: { url: 'http://127.0.0.1:9/in', eventTypes: ['CASE_OPENED', 'CASE_OPENED'] },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createWebhookSubscription;
  };

  it('shows a Standard Webhooks secret once, keeps it out of the audit trail, and rotates it', async () => {
    const { secret, subscription } = await create();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription).toMatchObject({ eventTypes: ['CASE_OPENED'], status: 'ACTIVE' });
    const rotated = await api.execute(ROTATE, { id: subscription.id });
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(secret);
    const trail = await getOrm().em.fork().find(AuditEvent, { entityType: 'WebhookSubscription' });
    expect(trail.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(trail)).not.toContain('whsec_');
  });

  it('pauses, resumes, updates and deletes', async () => {
    const { subscription } = await create();
    const id = subscription.id as string;
    expect((await api.execute(PAUSE, { id })).data!.pauseWebhookSubscription).toEqual({
      status: 'PAUSED',
      pausedReason: 'Paused by hand.',
    });
    expect((await api.execute(RESUME, { id })).data!.resumeWebhookSubscription.status).toBe(
      'ACTIVE',
    );
    const updated = await api.execute(UPDATE, {
      id,
      input: { eventTypes: ['TASK_OVERDUE'], description: 'ERP' },
    });
    expect(updated.data!.updateWebhookSubscription).toEqual({
      eventTypes: ['TASK_OVERDUE'],
      description: 'ERP',
    });
    expect((await api.execute(DELETE, { id })).data!.deleteWebhookSubscription).toBe(id);
    const uuid = fromGlobalId(id, 'WebhookSubscription');
    expect(await getOrm().em.fork().count(WebhookSubscription, { id: uuid })).toBe(0);
  });

  it.each([
    [
      'no event types',
      CREATE,
      () => ({ input: { url: 'http://127.0.0.1/', eventTypes: [] } }),
      'NO_EVENT_TYPES',
      'eventTypes',
    ],
    [
      'a URL of another scheme',
      CREATE,
      () => ({ input: { url: 'ftp://127.0.0.1/', eventTypes: ['CASE_OPENED'] } }),
      'INVALID_URL',
      'url',
    ],
    [
      'not a URL',
      CREATE,
      () => ({ input: { url: 'hooks', eventTypes: ['CASE_OPENED'] } }),
      'INVALID_URL',
      'url',
    ],
    [
      'an unknown subscription',
      ROTATE,
      () => ({ id: toGlobalId('WebhookSubscription', randomUUID()) }),
      'SUBSCRIPTION_NOT_FOUND',
      'id',
    ],
    ['resuming one that is not paused', RESUME, (id: string) => ({ id }), 'NOT_PAUSED', 'id'],
  ] as const)(
    'refuses %s with a typed error and writes nothing',
    async (_name, query, vars, reason, field) => {
      const { subscription } = await create();
      const count = () => getOrm().em.fork().count(AuditEvent, {});
      const before = await count();
      const res = await api.execute(query, vars(subscription.id as string));
      expect(res.errors?.[0]?.extensions).toMatchObject({ reason, field });
      expect(res.errors![0]!.message.length).toBeGreaterThan(10);
      expect(await count()).toBe(before);
    },
  );
});
