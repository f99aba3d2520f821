import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { InboxKind } from '../../server/src/modules/initiative/initiative.enums.js';
import { Alert } from '../../server/src/modules/monitor/alert.entity.js';
import type { CoverageInviter } from '../../server/src/modules/monitor/coverage-invitations.port.js';
import { AlertKind } from '../../server/src/modules/monitor/monitor.enums.js';
import { ensureMonitorWorkflow } from '../../server/src/temporal/monitor-starter.js';
import {
  MONITOR_WORKFLOW_ID,
  monitorStateQuery,
} from '../../workflows/contracts/monitor.contract.js';
import { createWorker } from '../../workflows/worker.js';
import { createUser } from '../fixtures/initiative-factories.js';
import { addFeedback, createAccounts } from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { silentLogger } from '../helpers/graphql.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { eventually } from '../helpers/workflow-harness.js';

const DAY = 86_400_000;
const temporal = useTimeSkippingEnv();

describeEachDatabase('The monitor workflow', (getOrm) => {
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `monitor-${randomUUID()}`;
  const invited: { accountId: string; respondentClass: RespondentClass }[] = [];
  const inviter: CoverageInviter = {
    inviteForCoverage: (accountId, respondentClass) => {
      invited.push({ accountId, respondentClass });
      return Promise.resolve({ invited: 1, campaignId: 'campaign-1', reason: null });
    },
  };

  beforeAll(async () => {
    worker = await createWorker({
      orm: getOrm(),
      connection: temporal.env.nativeConnection,
      taskQueue,
      namespace: temporal.env.namespace ?? 'default',
      log: silentLogger,
      bundle: temporal.bundle,
      config: loadConfig({ CX_COVERAGE_GAP_DAYS: '30', CX_KEY_CONTACT_SILENT_DAYS: '30' }),
      coverageInvites: inviter,
    });
    running = worker.run();
  });
  afterAll(async () => {
    await temporal.env.client.workflow
      .getHandle(MONITOR_WORKFLOW_ID)
      .terminate('test finished')
      .catch(() => undefined);
    worker?.shutdown();
    await running;
  });

  it('raises one coverage-gap alert (and one for the silent key operator) for the owner when a class goes unheard past the gap, on its daily timer', async () => {
    // The test server's clock: it runs ahead of the wall clock once a test has skipped time.
    const now = await temporal.env.currentTimeMs();
    const owner = await createUser(getOrm(), null, 'Olga Owner');
    const [account] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    const em = getOrm().em.fork();
    const row = await em.findOneOrFail(ClientAccount, { id: account.id });
    row.owner = em.getReference(User, owner.user.id);
    row.createdAt = new Date(now - 90 * DAY);
    const operator = await em.findOneOrFail(Contact, {
      account: account.id,
      respondentClass: RespondentClass.OPERATOR,
    });
    operator.isKey = true;
    operator.createdAt = new Date(now - 90 * DAY);
    await em.flush();
    // The buyers spoke yesterday; the operator 25 days ago: within the 30-day gap, for 5 more days.
    await addFeedback(getOrm(), [
      { account, respondentClass: RespondentClass.ECONOMIC_BUYER, receivedAt: new Date(now - DAY) },
      {
        account,
        respondentClass: RespondentClass.TECHNICAL_BUYER,
        receivedAt: new Date(now - DAY),
      },
    ]);
    const [spoken] = await addFeedback(getOrm(), [
      { account, respondentClass: RespondentClass.OPERATOR, receivedAt: new Date(now - 25 * DAY) },
    ]);
    const f = getOrm().em.fork();
    const item = await f.findOneOrFail(FeedbackItem, { id: spoken!.id });
    item.contact = f.getReference(Contact, operator.id);
    await f.flush();

    const alertsOf = () =>
      getOrm()
        .em.fork()
        .find(Alert, { account: account.id }, { orderBy: { kind: 'asc' } });
    expect(
      await ensureMonitorWorkflow(temporal.env.client, {
        taskQueue,
        timings: { intervalMs: DAY, runsPerExecution: 5 },
      }),
    ).toBe('started');
    const handle = temporal.env.client.workflow.getHandle(MONITOR_WORKFLOW_ID);
    const first = await eventually(
      () => handle.query(monitorStateQuery),
      (s) => s.runs >= 1,
    );
    expect(first.runs).toBe(1);
    expect(await alertsOf()).toEqual([]);

    // A week later (seven daily runs, across a continue-as-new), the operator has been silent 32 days.
    await temporal.env.sleep(7 * DAY + 60_000);
    const alerts = await eventually(alertsOf, (a) => a.length >= 2);
    expect(alerts.map((a) => [a.kind, a.owner?.id])).toEqual([
      [AlertKind.COVERAGE_GAP, owner.user.id],
      [AlertKind.KEY_CONTACT_SILENT, owner.user.id],
    ]);
    expect(alerts[0]!.figures).toMatchObject({
      respondentClass: RespondentClass.OPERATOR,
      gapDays: 30,
      invitation: { invited: 1, campaignId: 'campaign-1' },
    });
    expect(alerts[1]!.contact?.id).toBe(operator.id);
    expect(invited).toEqual([{ accountId: account.id, respondentClass: RespondentClass.OPERATOR }]);

    // The task for the owner: one inbox entry per alert.
    const inbox = await getOrm()
      .em.fork()
      .find(InboxEntry, { recipientUser: owner.user.id, kind: InboxKind.MONITOR_ALERT });
    expect(inbox).toHaveLength(2);
    expect(inbox.map((e) => e.subject).sort()).toEqual([
      `${account.name}: A key contact has not answered since ${new Date(now - 25 * DAY).toISOString().slice(0, 10)}`,
      `${account.name}: No feedback from OPERATOR since ${new Date(now - 25 * DAY).toISOString().slice(0, 10)}`,
    ]);

    // The gap goes on: later runs raise nothing more for it (once per gap).
    const runs = (await handle.query(monitorStateQuery)).runs;
    await temporal.env.sleep(3 * DAY);
    await eventually(
      () => handle.query(monitorStateQuery),
      (s) => s.runs !== runs,
    );
    expect(await alertsOf()).toHaveLength(2);
    expect(invited).toHaveLength(1);
  });
});
