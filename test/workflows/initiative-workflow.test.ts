import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { WorkflowReconciler } from '../../server/src/temporal/workflow-reconciler.js';
import {
  initiativeWorkflowId,
  liveStateQuery,
  refreshSignal,
} from '../../workflows/contracts/initiative.contract.js';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { createTestApi, RecordingCollectStarter, silentLogger } from '../helpers/graphql.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const DAY = 86_400_000;
const temporal = useTimeSkippingEnv();

describeEachDatabase('The initiative workflow', (getOrm) => {
  let h: WorkflowHarness;
  let bounded: WorkflowHarness;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let owner: string;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    // A small history limit: the workflow continues as new after a handful of commands.
    bounded = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle, {
      historyLimit: 50,
    });
    world = await createInitiativeWorld(getOrm());
    owner = (await createUser(getOrm(), null, 'Olga Owner')).gid;
  });
  afterAll(async () => {
    await h?.stop();
    await bounded?.stop();
  });

  async function gql(query: string, variables: Record<string, unknown> = {}, via = h) {
    const res = await via.api.execute(query, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  }
  async function started(title: string, via = h): Promise<string> {
    const { createInitiative } = await gql(
      `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
      { input: { title, problem: 'Late trucks', ownerId: owner } },
      via,
    );
    await gql(
      `mutation ($id: ID!) { moveInitiative(id: $id, processGroup: IMPLEMENT) { id } }`,
      { id: createInitiative.id },
      via,
    );
    return createInitiative.id;
  }
  const addTask = async (id: string, title: string, dueInMs: number, via = h) =>
    (
      await gql(
        `mutation ($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { id } }`,
        {
          input: {
            initiativeId: id,
            title,
            departmentId: world.logistics.gid,
            dueAt: new Date((await temporal.env.currentTimeMs()) + dueInMs).toISOString(),
          },
        },
        via,
      )
    ).createInitiativeTask.id as string;
  const handleOf = (gid: string) =>
    temporal.env.client.workflow.getHandle(initiativeWorkflowId(fromGlobalId(gid, 'Initiative')));

  it('continues as new with a bounded history, keeping its state and its timers', async () => {
    const id = await started('Bounded history', bounded);
    const late = await addTask(id, 'Late task', 3 * DAY, bounded);
    for (let i = 0; i < 6; i++) await addTask(id, `Step ${i + 1}`, 30 * DAY, bounded);
    const handle = handleOf(id);
    const description = await handle.describe();
    expect(description.runId).not.toBe(description.raw.workflowExecutionInfo?.firstRunId);
    const live = await handle.query(liveStateQuery);
    expect(live?.tasks).toHaveLength(7);
    expect(
      live?.timers.find((t) => t.taskId === fromGlobalId(late, 'InitiativeTask')),
    ).toMatchObject({
      kind: 'TASK_REMINDER',
    });
    // The timer planned by the first run fires in a later one.
    await temporal.env.sleep(3 * DAY + 60_000);
    const overdue = await eventually(
      () =>
        getOrm()
          .em.fork()
          .find(InboxEntry, {
            kind: 'TASK_OVERDUE' as never,
            task: fromGlobalId(late, 'InitiativeTask'),
          }),
      (rows) => rows.length > 0,
    );
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('validates commands inside the workflow: a refused Update leaves no trace in its history', async () => {
    const id = await started('Validated updates');
    const handle = handleOf(id);
    const accepted = async () =>
      (await handle.fetchHistory()).events?.filter(
        (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
      ).length;
    const before = await accepted();
    const refused = await h.api.execute(`mutation ($id: ID!) { closeInitiative(id: $id) { id } }`, {
      id,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await accepted()).toBe(before);
  });

  it('takes duplicate signals without effect and an Update sent twice with the same id once', async () => {
    const id = await started('Duplicates');
    const task = await addTask(id, 'Once', 10 * DAY);
    const handle = handleOf(id);
    const audits = () => getOrm().em.fork().count(AuditEvent, {});
    const before = await audits();
    for (let i = 0; i < 5; i++) await handle.signal(refreshSignal);
    const live = await handle.query(liveStateQuery);
    expect(live?.tasks.map((t) => t.status)).toEqual(['OPEN']);
    expect(await audits()).toBe(before);
    const initiativeId = fromGlobalId(id, 'Initiative');
    const command = { actor: 'user:test', taskId: fromGlobalId(task, 'InitiativeTask') };
    const first = await h.workflows.execute(initiativeId, 'completeTask', command, {
      updateId: 'same',
    });
    const second = await h.workflows.execute(initiativeId, 'completeTask', command, {
      updateId: 'same',
    });
    expect(second.state.tasks).toEqual(first.state.tasks);
    expect(
      await getOrm()
        .em.fork()
        .count(AuditEvent, { action: 'completeTask', entityId: command.taskId }),
    ).toBe(1);
  });

  it('reminds the council weekly while its review waits, up to the limit, and tells the owner', async () => {
    const { createInitiative } = await gql(
      `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
      {
        input: {
          title: 'Council waits',
          problem: 'Certificates late',
          ownerId: owner,
          clientVisible: true,
          affectedAccountIds: [world.acme.accountGid],
        },
      },
    );
    const id = createInitiative.id as string;
    await gql(`mutation ($id: ID!) { moveInitiative(id: $id, processGroup: IMPLEMENT) { id } }`, {
      id,
    });
    const moved = await gql(
      `mutation ($id: ID!) { moveInitiative(id: $id, processGroup: MONITOR) { councilReviews { id } } }`,
      { id },
    );
    const reviewId = fromGlobalId(moved.moveInitiative.councilReviews[0].id, 'CouncilReview');
    const notices = (n: number) =>
      getOrm()
        .em.fork()
        .count(ClientNotification, { dedupeKey: { $like: `review:${reviewId}:reminder-${n}:%` } });
    expect(await notices(1)).toBe(0);
    // Default timings: a reminder after 7 days, then weekly, at most 3.
    for (let n = 1; n <= 4; n++) {
      await temporal.env.sleep(7 * DAY + 60_000);
      if (n <= 3)
        await eventually(
          () => notices(n),
          (count) => count > 0,
        );
    }
    const members = world.council.memberGids.length;
    expect([await notices(1), await notices(2), await notices(3), await notices(4)]).toEqual([
      members,
      members,
      members,
      0,
    ]);
    const told = await getOrm()
      .em.fork()
      .find(InboxEntry, { kind: 'COUNCIL_REVIEW_OVERDUE' as never, councilReview: reviewId });
    expect(told).toHaveLength(3);
    const live = await handleOf(id).query(liveStateQuery);
    expect(live?.reviews[0]).toMatchObject({ remindersSent: 3, decision: 'PENDING' });
    expect(live?.timers).toEqual([]);
  });

  it('adopts an initiative created while Temporal was down, once the reconciler starts its workflow', async () => {
    const offline = await createTestApi(getOrm(), { initiatives: unreachableInitiativeWorkflows });
    const { data } = await offline.execute(
      `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id workflowStartedAt } }`,
      { input: { title: 'Created offline', problem: 'Temporal was down', ownerId: owner } },
    );
    await offline.stop();
    expect(data!.createInitiative.workflowStartedAt).toBeNull();
    const reconciler = new WorkflowReconciler({
      orm: getOrm(),
      collect: new RecordingCollectStarter(),
      initiatives: h.workflows,
      log: silentLogger,
    });
    expect((await reconciler.runOnce()).failed).toBe(false);
    const id = data!.createInitiative.id as string;
    const row = await getOrm().em.fork().findOneOrFail(Initiative, fromGlobalId(id, 'Initiative'));
    expect(row.workflowStartedAt).not.toBeNull();
    const live = await eventually(
      () => handleOf(id).query(liveStateQuery),
      (s) => s !== null,
    );
    expect(live).toMatchObject({ code: row.code, processGroup: 'ANALYSE', status: 'PROPOSED' });
    await gql(`mutation ($id: ID!) { moveInitiative(id: $id, processGroup: IMPLEMENT) { id } }`, {
      id,
    });
  });
});
