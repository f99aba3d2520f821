import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker, type WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Logger } from '../../server/src/logger.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { TemporalCollectStarter } from '../../server/src/temporal/temporal-collect-starter.js';
import { collectWorkflowId } from '../../workflows/contracts/collect.contract.js';
import { createWorker, getWorkflowBundle } from '../../workflows/worker.js';
import { createFormbricksWorld } from '../fixtures/formbricks-world.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  deliver,
  FIXTURE_MAPPING,
  formbricksFixture,
  newFormbricksSecret,
} from '../helpers/formbricks.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';
import { createDevServerEnv } from '../helpers/temporal-env.js';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const secret = newFormbricksSecret();

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  [env, bundle] = await Promise.all([createDevServerEnv(), getWorkflowBundle()]);
});

afterAll(async () => {
  await env?.teardown();
});

describeEachDatabase('A Formbricks response through the real server and Temporal', (getOrm) => {
  const taskQueue = `formbricks-${randomUUID()}`;
  let worker: Worker;
  let running: Promise<void>;
  let hub: HttpHub;

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
    hub = await startHttpHub(
      getOrm(),
      { CX_FORMBRICKS_SECRET: secret, CX_FORMBRICKS_MAPPING: FIXTURE_MAPPING },
      { collect: new TemporalCollectStarter(env.client, { taskQueue }) },
    );
  });

  afterAll(async () => {
    await hub?.close();
    worker?.shutdown();
    await running;
  });

  it('becomes one feedback item, acknowledged once, however often the webhook is delivered', async () => {
    const world = await createFormbricksWorld(getOrm());
    const body = formbricksFixture((b) => {
      b.data.id = `cm${randomUUID().replaceAll('-', '').slice(0, 23)}`;
      b.data.data.email = world.email;
      b.data.data.accountExternalId = world.accountExternalId;
    });
    // Formbricks retries a delivery it thinks failed: a new message id, the same response.
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push((await deliver(hub.baseUrl, secret, body)).json.outcome);
    expect(outcomes).toEqual(['CREATED', 'DUPLICATE', 'DUPLICATE']);

    const em = getOrm().em.fork();
    const items = await em.find(FeedbackItem, { externalId: `formbricks:${body.data.id}` });
    expect(items).toHaveLength(1);
    const item = items[0]!;
    await env.client.workflow.getHandle(collectWorkflowId(item.id)).result();
    const acknowledged = await getOrm().em.fork().findOneOrFail(FeedbackItem, item.id);
    expect(acknowledged.status).toBe(FeedbackStatus.ACKNOWLEDGED);
    const notes = await getOrm().em.fork().find(ClientNotification, { feedbackItem: item.id });
    expect(notes.map((n) => [n.dedupeKey, n.recipient])).toEqual([[`ack:${item.id}`, world.email]]);
  });
});
