import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Client, Connection, WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker, type WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import type { Logger } from '../../server/src/logger.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { WorkflowReconciler } from '../../server/src/temporal/workflow-reconciler.js';
import { TemporalCollectStarter } from '../../server/src/temporal/temporal-collect-starter.js';
import { createCollectActivities } from '../../workflows/activities/collect.activities.js';
import { CollectFailure, collectWorkflowId } from '../../workflows/contracts/collect.contract.js';
import { createWorker, getWorkflowBundle } from '../../workflows/worker.js';
import { describeEachDatabase } from '../helpers/db.js';
import { eventually } from '../helpers/workflow-harness.js';
import { createDevServerEnv } from '../helpers/temporal-env.js';
import { createFeedbackFixture } from './feedback-fixture.js';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;

beforeAll(async () => {
  // The expected failures below would otherwise print pages of worker warnings.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  [env, bundle] = await Promise.all([createDevServerEnv(), getWorkflowBundle()]);
});

afterAll(async () => {
  await env?.teardown();
});

describeEachDatabase('The collect workflow', (getOrm: () => Orm) => {
  const taskQueue = `collect-${randomUUID()}`;
  let worker: Worker;
  let running: Promise<void>;
  let starter: TemporalCollectStarter;

  beforeAll(async () => {
    worker = await createWorker({
      orm: getOrm(),
      connection: env.nativeConnection,
      taskQueue,
      namespace: env.namespace ?? 'default',
      log: silent,
      bundle,
    });
    running = worker.run();
    starter = new TemporalCollectStarter(env.client, { taskQueue });
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
  });

  it('acknowledges a new feedback item and writes one notification in the contact’s language', async () => {
    const { feedbackId } = await createFeedbackFixture(getOrm(), {
      locale: 'ru',
      email: 'anna@client.example',
    });
    expect(await starter.startCollect(feedbackId)).toBe('started');
    const result = await env.client.workflow.getHandle(collectWorkflowId(feedbackId)).result();
    expect(result.acknowledgement).toMatchObject({
      notificationCreated: true,
      statusChanged: true,
    });

    const em = getOrm().em.fork();
    const item = await em.findOneOrFail(FeedbackItem, feedbackId);
    expect(item.status).toBe(FeedbackStatus.ACKNOWLEDGED);
    expect(item.acknowledgedAt).toBeInstanceOf(Date);
    const notes = await em.find(ClientNotification, { feedbackItem: feedbackId });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: NotificationKind.FEEDBACK_ACKNOWLEDGEMENT,
      dedupeKey: `ack:${feedbackId}`,
      recipient: 'anna@client.example',
      locale: 'ru',
      status: DeliveryStatus.PENDING,
      subject: 'Мы получили ваш отзыв',
    });
    const audit = await em.find(AuditEvent, {
      entityId: feedbackId,
      action: 'acknowledgeFeedback',
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: `workflow:${collectWorkflowId(feedbackId)}`,
      before: { status: 'RECEIVED' },
      after: { status: 'ACKNOWLEDGED' },
    });
  });

  it('starts one workflow per feedback item even when asked twice, also after it completed', async () => {
    const { feedbackId } = await createFeedbackFixture(getOrm());
    expect(await starter.startCollect(feedbackId)).toBe('started');
    expect(await starter.startCollect(feedbackId)).toBe('already-started');
    await env.client.workflow.getHandle(collectWorkflowId(feedbackId)).result();
    expect(await starter.startCollect(feedbackId)).toBe('already-started');
  });

  it('writes the acknowledgement once when the activity runs twice, and skips delivery without an e-mail', async () => {
    const { feedbackId } = await createFeedbackFixture(getOrm(), { email: null });
    const { acknowledgeFeedback } = createCollectActivities({ orm: getOrm(), log: silent });
    const first = await acknowledgeFeedback({ feedbackId });
    const second = await acknowledgeFeedback({ feedbackId });
    expect(first).toMatchObject({
      notificationCreated: true,
      statusChanged: true,
      deliveryStatus: 'SKIPPED',
    });
    expect(second).toEqual({ ...first, notificationCreated: false, statusChanged: false });

    const em = getOrm().em.fork();
    expect(await em.count(ClientNotification, { dedupeKey: `ack:${feedbackId}` })).toBe(1);
    expect(
      await em.count(AuditEvent, { entityId: feedbackId, action: 'acknowledgeFeedback' }),
    ).toBe(1);
    const note = await em.findOneOrFail(ClientNotification, { dedupeKey: `ack:${feedbackId}` });
    expect(note).toMatchObject({
      recipient: null,
      locale: 'en',
      subject: 'We have received your feedback',
    });
  });

  it('fails without retrying when the feedback item does not exist', async () => {
    const feedbackId = randomUUID();
    await starter.startCollect(feedbackId);
    const error = await env.client.workflow
      .getHandle(collectWorkflowId(feedbackId))
      .result()
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    // The intake step is a local activity: its failure is the workflow's cause as it was raised.
    const cause = (error as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: CollectFailure.FEEDBACK_NOT_FOUND, nonRetryable: true });
    const history = await env.client.workflow
      .getHandle(collectWorkflowId(feedbackId))
      .fetchHistory();
    // A local activity leaves one marker with its last attempt's number; a regular one, its events.
    const runs = history.events
      ?.map((e) => e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data)
      .filter((data): data is Uint8Array => !!data)
      .map((data) => JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>)
      .map((marker) => [marker.activity_type ?? marker.activityType, marker.attempt]);
    expect(runs).toEqual([['takeInFeedback', 1]]);
    expect(history.events?.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
  });

  it('lets the reconciler start items whose workflow never started, and retry them after Temporal was down', async () => {
    const orm = getOrm();
    const a = await createFeedbackFixture(orm);
    const b = await createFeedbackFixture(orm);
    // Nothing listens on port 1: every start fails fast, as when Temporal is down.
    const down = new TemporalCollectStarter(
      new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
      { taskQueue, rpcTimeoutMs: 1000 },
    );
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };

    const failed = await new WorkflowReconciler({ orm, collect: down, log }).runOnce();
    expect(failed).toEqual({ started: 0, failed: true });
    expect(warnings).toHaveLength(1);
    const stillPending = await orm.em
      .fork()
      .find(FeedbackItem, { id: { $in: [a.feedbackId, b.feedbackId] } });
    expect(stillPending.map((i) => i.workflowStartedAt)).toEqual([null, null]);

    const passed = await new WorkflowReconciler({ orm, collect: starter, log }).runOnce();
    expect(passed.failed).toBe(false);
    expect(passed.started).toBeGreaterThanOrEqual(2);
    const items = await eventually(
      () => orm.em.fork().find(FeedbackItem, { id: { $in: [a.feedbackId, b.feedbackId] } }),
      (found) => found.every((i) => i.status === FeedbackStatus.ACKNOWLEDGED),
    );
    expect(items.every((i) => i.workflowStartedAt instanceof Date)).toBe(true);
    expect(items.map((i) => i.status)).toEqual([
      FeedbackStatus.ACKNOWLEDGED,
      FeedbackStatus.ACKNOWLEDGED,
    ]);
    expect(await orm.em.fork().count(FeedbackItem, { workflowStartedAt: null })).toBe(0);
  });
});

describe('The collect starter', () => {
  it('fails fast when Temporal is unreachable', async () => {
    const down = new TemporalCollectStarter(
      new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
      { taskQueue: 'nowhere', rpcTimeoutMs: 1000 },
    );
    const started = Date.now();
    await expect(down.startCollect(randomUUID())).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
