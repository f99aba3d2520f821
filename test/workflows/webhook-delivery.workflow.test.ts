import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/src/auth/viewer.js';
import { loadConfig } from '../../server/src/config.js';
import type { Em } from '../../server/src/db/orm.js';
import { DomainContext } from '../../server/src/domain/context.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { InboxKind } from '../../server/src/modules/initiative/initiative.enums.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import { WebhookDispatcher } from '../../server/src/modules/webhook/webhook-dispatcher.js';
import type { WebhookStarter } from '../../server/src/modules/webhook/webhook-starter.port.js';
import { TemporalWebhookStarter } from '../../server/src/temporal/temporal-webhook-starter.js';
import {
  webhookDeliveryWorkflowId,
  type WebhookDeliveryResult,
} from '../../workflows/contracts/webhook.contract.js';
import { createWorker } from '../../workflows/worker.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { viewers } from '../helpers/viewers.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const temporal = useTimeSkippingEnv();

// Long backoff (10 min, then 20) so only skipped time can explain a retry finishing.
const config = loadConfig({
  CX_WEBHOOK_ALLOW_PRIVATE: 'true',
  CX_WEBHOOK_MAX_ATTEMPTS: '3',
  CX_WEBHOOK_BACKOFF_SECONDS: '600',
  CX_WEBHOOK_PAUSE_AFTER_FAILURES: '2',
});

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id status } }
}`;
const SUBSCRIPTION = `query($id: ID!) { webhookSubscription(id: $id) {
  status consecutiveFailures pausedReason
} }`;
const DELIVERIES = `query($filter: WebhookDeliveryFilter) {
  webhookDeliveries(filter: $filter, first: 50) { nodes {
    id eventId eventType status attempts { at statusCode latencyMs error round }
  } }
}`;
const RESUME = `mutation($id: ID!) { resumeWebhookSubscription(id: $id) { status consecutiveFailures } }`;

describeEachDatabase('Outbound webhooks on the time-skipping server', (getOrm) => {
  let api: TestApi;
  let worker: Worker;
  let running: Promise<void>;
  let dispatcher: WebhookDispatcher;
  let ownerId: string;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    const taskQueue = `webhooks-${randomUUID()}`;
    const webhooks = new TemporalWebhookStarter(temporal.env.client, {
      taskQueue,
      settings: config.webhooks,
    });
    api = await createTestApi(getOrm(), { config, webhooks });
    dispatcher = new WebhookDispatcher(
      () => new DomainContext(api.deps, getOrm().em.fork() as Em, systemViewer),
      webhooks,
      silentLogger,
    );
    const em = getOrm().em.fork();
    const owner = em.create(User, {
      email: `owner-${randomUUID()}@hub.example`,
      name: 'Integration Owner',
      role: UserRole.CX_ADMIN,
    });
    await em.flush();
    ownerId = owner.id;
    worker = await createWorker({
      orm: getOrm(),
      connection: temporal.env.nativeConnection,
      taskQueue,
      namespace: temporal.env.namespace ?? 'default',
      log: silentLogger,
      bundle: temporal.bundle,
      config,
    });
    running = worker.run();
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await api?.stop();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
  });

  const admin = () => viewers.user(UserRole.CX_ADMIN, ownerId);

  async function subscribe(types: string[]) {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const res = await api.execute(
      CREATE,
      { input: { url: receiver.url, eventTypes: types, description: 'ERP' } },
      admin(),
    );
    expect(res.errors).toBeUndefined();
    const { secret, subscription } = res.data!.createWebhookSubscription;
    return { receiver, secret: secret as string, id: subscription.id as string };
  }

  /** A change as the domain records it: an audit row in its own transaction. */
  async function happen(action: string, entityType: string, after: Record<string, unknown> = {}) {
    const ctx = new DomainContext(api.deps, getOrm().em.fork() as Em, systemViewer);
    const entityId = randomUUID();
    const row = await ctx.em.transactional(async (em) =>
      ctx.audit.record(em, action, entityType, entityId, null, after),
    );
    return { eventId: row.id, entityId };
  }

  async function deliveries(subscriptionId: string) {
    const res = await api.execute(DELIVERIES, { filter: { subscriptionId } }, admin());
    expect(res.errors).toBeUndefined();
    return res.data!.webhookDeliveries.nodes as {
      id: string;
      eventId: string;
      eventType: string;
      status: string;
      attempts: {
        at: string;
        statusCode: number | null;
        latencyMs: number;
        error: string | null;
        round: number;
      }[];
    }[];
  }

  /**
   * Waits for delivery workflows one after another: each wait lets the time-skipping server
   * skip, and concurrent waits would unlock and lock it out of step.
   */
  async function finishAll(deliveryGids: string[], round = 0) {
    const results: WebhookDeliveryResult[] = [];
    for (const gid of deliveryGids) results.push(await finish(gid, round));
    return results;
  }

  const finish = (deliveryGid: string, round = 0) =>
    temporal.env.client.workflow
      .getHandle(webhookDeliveryWorkflowId(fromGlobalId(deliveryGid, 'WebhookDelivery'), round))
      .result() as Promise<WebhookDeliveryResult>;

  it('sends a subscribed event once, signed with the subscription’s secret, with its id and timestamp', async () => {
    const { receiver, secret, id } = await subscribe(['CASE_OPENED']);
    const opened = await happen('openCase', 'FeedbackCase', { status: 'OPEN' });
    await happen('acknowledgeFeedback', 'FeedbackItem'); // a type it did not ask for
    await dispatcher.runOnce();
    await dispatcher.runOnce(); // a second pass finds nothing new

    const [delivery, ...more] = await deliveries(id);
    expect(more).toEqual([]);
    expect(await finish(delivery!.id)).toMatchObject({ outcome: 'delivered', attempts: 1 });

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(headers['webhook-id']).toBe(opened.eventId);
    expect(Number(headers['webhook-timestamp'])).toBeGreaterThan(0);
    const payload = new Webhook(secret).verify(body, headers);
    expect(payload).toMatchObject({
      type: 'case.opened',
      data: { entityType: 'FeedbackCase', entityId: opened.entityId, status: 'OPEN' },
    });
    expect(Date.parse((payload as { timestamp: string }).timestamp)).not.toBeNaN();
    // Another secret does not verify it: the signature is the subscription's own.
    const other = (await subscribe(['CASE_OPENED'])).secret;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
  });

  it('retries a failing receiver after backoff until it accepts, recording every attempt', async () => {
    const { receiver, id } = await subscribe(['TASK_OVERDUE']);
    receiver.status = (n) => [503, 500][n] ?? 200;
    await happen('escalateTaskToOwner', 'InitiativeTask', { escalationLevel: 1 });
    await dispatcher.runOnce();
    const [delivery] = await deliveries(id);
    const before = await temporal.env.currentTimeMs();
    expect(await finish(delivery!.id)).toMatchObject({ outcome: 'delivered', attempts: 3 });
    // 600 s, then 1200 s of backoff were waited (skipped) between the attempts.
    expect((await temporal.env.currentTimeMs()) - before).toBeGreaterThanOrEqual(1_800_000);

    const [after] = await deliveries(id);
    expect(after!.status).toBe('DELIVERED');
    expect(after!.attempts.map((a) => a.statusCode)).toEqual([503, 500, 200]);
    expect(after!.attempts.map((a) => a.error === null)).toEqual([false, false, true]);
    expect(after!.attempts[0]!.error).toContain('503');
    // The same event id on every attempt: the receiver dedupes by it.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('pauses a receiver that keeps failing, tells its owner, holds new events and sends them all on resume', async () => {
    const { receiver, id } = await subscribe(['INITIATIVE_MOVED']);
    receiver.status = () => 500;
    await happen('moveInitiative', 'Initiative', { status: 'IMPLEMENTATION' });
    await happen('moveInitiative', 'Initiative', { status: 'DONE' });
    await dispatcher.runOnce();
    const failing = await deliveries(id);
    expect(failing).toHaveLength(2);
    const results = await finishAll(failing.map((d) => d.id));
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(results.filter((r) => r.paused)).toHaveLength(1);
    expect(receiver.received).toHaveLength(6);

    const paused = await api.execute(SUBSCRIPTION, { id }, admin());
    expect(paused.data!.webhookSubscription).toMatchObject({
      status: 'PAUSED',
      consecutiveFailures: 2,
    });
    const notices = await getOrm()
      .em.fork()
      .find(InboxEntry, { kind: InboxKind.WEBHOOK_PAUSED, recipientUser: ownerId });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(receiver.url);

    // While paused, a new event is kept but not sent.
    await happen('moveInitiative', 'Initiative', { status: 'CLOSED' });
    await dispatcher.runOnce();
    const held = await deliveries(id);
    expect(held.map((d) => d.status).sort()).toEqual(['FAILED', 'FAILED', 'HELD']);
    expect(receiver.received).toHaveLength(6);

    receiver.status = () => 200;
    const resumed = await api.execute(RESUME, { id }, admin());
    expect(resumed.data!.resumeWebhookSubscription).toEqual({
      status: 'ACTIVE',
      consecutiveFailures: 0,
    });
    const again = await finishAll(
      held.map((d) => d.id),
      1,
    );
    expect(again.map((r) => r.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    const done = await deliveries(id);
    expect(done.every((d) => d.status === 'DELIVERED')).toBe(true);
    const sentAfterResume = new Set(receiver.received.slice(6).map((r) => r.headers['webhook-id']));
    expect(sentAfterResume).toEqual(new Set(done.map((d) => d.eventId)));
  });

  it('starts a resumed delivery on a later dispatch when Temporal could not be reached at the resume', async () => {
    const { receiver, id } = await subscribe(['CASE_ESCALATED']);
    receiver.status = () => 500;
    await happen('escalateCase', 'FeedbackCase', { status: 'ESCALATED' });
    await happen('escalateCase', 'FeedbackCase', { status: 'ESCALATED' });
    await dispatcher.runOnce();
    const failing = await deliveries(id);
    expect((await finishAll(failing.map((d) => d.id))).some((r) => r.paused)).toBe(true);

    // The resume is committed through an API whose Temporal is away: nothing starts then.
    const unreachable: WebhookStarter = {
      start: () => Promise.reject(new Error('14 UNAVAILABLE: Temporal is not reachable')),
    };
    const away = await createTestApi(getOrm(), { config, webhooks: unreachable });
    try {
      const resumed = await away.execute(RESUME, { id }, admin());
      expect(resumed.errors).toBeUndefined();
    } finally {
      await away.stop();
    }
    const waiting = await deliveries(id);
    expect(waiting.map((d) => d.status)).toEqual(['PENDING', 'PENDING']);
    const sentBefore = receiver.received.length;

    // The next dispatch starts the new round, and the receiver, now well, gets both once.
    receiver.status = () => 200;
    await dispatcher.runOnce();
    const again = await finishAll(
      waiting.map((d) => d.id),
      1,
    );
    expect(again.map((r) => r.outcome)).toEqual(['delivered', 'delivered']);
    const done = await deliveries(id);
    expect(done.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
    for (const d of done) {
      expect(d.attempts.map((a) => a.round)).toEqual([...d.attempts.slice(0, -1).map(() => 0), 1]);
    }
    expect(
      receiver.received
        .slice(sentBefore)
        .map((r) => r.headers['webhook-id'])
        .sort(),
    ).toEqual(done.map((d) => d.eventId).sort());
  });

  describe('subscriber addresses', () => {
    let strict: TestApi;
    beforeAll(async () => {
      strict = await createTestApi(getOrm(), { config: loadConfig({}) });
    });
    afterAll(() => strict?.stop());

    for (const url of [
      'http://127.0.0.1:9/hooks',
      'http://localhost:9/hooks',
      'http://[::1]/x',
      'http://169.254.169.254/latest',
      'http://10.1.2.3/',
    ]) {
      it(`refuses ${url} unless private addresses are allowed`, async () => {
        const res = await strict.execute(
          CREATE,
          { input: { url, eventTypes: ['CASE_OPENED'] } },
          admin(),
        );
        const { code, reason, field } = res.errors?.[0]?.extensions ?? {};
        expect({ code, reason, field }).toEqual({
          code: 'BAD_USER_INPUT',
          reason: 'PRIVATE_ADDRESS',
          field: 'url',
        });
        expect(res.data ?? null).toBeNull();
      });
    }
  });
});
