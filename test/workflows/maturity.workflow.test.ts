import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { seedReferenceData } from '../../server/src/demo/reference-data.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { MaturityAssessment } from '../../server/src/modules/maturity/maturity-assessment.entity.js';
import { ensureMaturityWorkflow } from '../../server/src/temporal/maturity-starter.js';
import {
  MATURITY_WORKFLOW_ID,
  evidenceChangedSignal,
  maturityStateQuery,
} from '../../workflows/contracts/maturity.contract.js';
import { createUser } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { silentLogger } from '../helpers/graphql.js';
import { eventually } from '../helpers/workflow-harness.js';
import { createWorker } from '../../workflows/worker.js';

const HOUR = 3_600_000;
const temporal = useTimeSkippingEnv();

describeEachDatabase('The maturity workflow', (getOrm) => {
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `maturity-${randomUUID()}`;

  beforeAll(async () => {
    await getOrm()
      .em.fork()
      .transactional((em) => seedReferenceData(em));
    worker = await createWorker({
      orm: getOrm(),
      connection: temporal.env.nativeConnection,
      taskQueue,
      namespace: temporal.env.namespace ?? 'default',
      log: silentLogger,
      bundle: temporal.bundle,
      config: loadConfig({}),
    });
    running = worker.run();
  });
  afterAll(async () => {
    await temporal.env.client.workflow
      .getHandle(MATURITY_WORKFLOW_ID)
      .terminate('test finished')
      .catch(() => undefined);
    worker?.shutdown();
    await running;
  });

  const computed = (group: string) =>
    getOrm()
      .em.fork()
      .find(
        MaturityAssessment,
        { method: 'COMPUTED' as never, processGroup: group as never },
        { orderBy: { assessedAt: 'asc', id: 'asc' } },
      );

  it('records levels at start, again soon after evidence changes, and on its schedule, continuing as new', async () => {
    const timings = { intervalMs: 6 * HOUR, settleMs: 60_000, evaluationsPerRun: 3 };
    expect(await ensureMaturityWorkflow(temporal.env.client, { taskQueue, timings })).toBe(
      'started',
    );
    expect(await ensureMaturityWorkflow(temporal.env.client, { taskQueue, timings })).toBe(
      'running',
    );
    const handle = temporal.env.client.workflow.getHandle(MATURITY_WORKFLOW_ID);

    // At start: every group evaluated and recorded once (nothing to compare with yet).
    const first = await eventually(
      () => computed('IMPLEMENT'),
      (rows) => rows.length === 1,
    );
    expect(first.map((r) => r.level)).toEqual([0]);

    // Evidence changes: an initiative with an owner appears; the signal makes it recompute.
    const owner = await createUser(getOrm(), null, 'Olga Owner');
    const em = getOrm().em.fork();
    em.create(Initiative, {
      code: 'INI-0001',
      title: 'Deliveries on time',
      problem: 'Late trucks',
      owner: owner.user.id,
    });
    await em.flush();
    await handle.signal(evidenceChangedSignal, { source: 'test' });
    await temporal.env.sleep(61_000);
    const second = await eventually(
      () => computed('IMPLEMENT'),
      (rows) => rows.length === 2,
    );
    expect(second.map((r) => r.level)).toEqual([0, 1]);
    const evidence = second[1]!.evidence.find((e) => e.code === 'IMPLEMENT_INITIATIVES_RECORDED');
    expect(evidence).toMatchObject({ met: true });

    // Nothing changed since: the schedule evaluates again but records nothing new.
    const before = (await handle.query(maturityStateQuery)).evaluations;
    await temporal.env.sleep(6 * HOUR + 60_000);
    const after = await eventually(
      () => handle.query(maturityStateQuery),
      (s) => s.evaluations !== before || s.lastEvaluatedAt === null,
    );
    // Three evaluations per run: the third made the workflow continue as new (a fresh count).
    expect(after.evaluations).not.toBe(before);
    expect((await handle.describe()).runId).not.toBe(
      (await handle.describe()).raw.workflowExecutionInfo?.firstRunId,
    );
    expect(await computed('IMPLEMENT')).toHaveLength(2);
  });
});
