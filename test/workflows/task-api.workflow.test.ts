import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DAY, DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { initiativeState } from '../helpers/initiative-state.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const TASK = `id title description status dueAt overdue outcomeNote completedAt round revision
  clientVisible escalationLevel department { name } assignee { name } initiative { code openTaskCount }`;
const CREATE = `mutation($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { ${TASK} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInitiativeTaskInput!) { updateInitiativeTask(id: $id, input: $input) { ${TASK} } }`;
const COMPLETE = `mutation($id: ID!, $note: String) { completeTask(id: $id, outcomeNote: $note) { ${TASK} } }`;
const REJECT = `mutation($id: ID!, $note: String!) { rejectTask(id: $id, note: $note) { ${TASK} } }`;
const LIST = `query($f: InitiativeTaskFilter, $o: InitiativeTaskOrder) { initiativeTasks(first: 100, filter: $f, orderBy: $o) { totalCount nodes { title status overdue } } }`;
const INBOX = `query($f: InboxFilter) { inboxEntries(first: 50, filter: $f) { nodes { id kind subject body recipientUserId recipientDepartmentId readAt } } }`;

const temporal = useTimeSkippingEnv();

describeEachDatabase('Initiative tasks, changed through the initiative’s workflow', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  /** A task on an initiative of its own (internal, owned by Anna Planner). */
  const create = async (input: Record<string, unknown> = {}, initiativeId?: string) => {
    const on = initiativeId ?? (await drive.initiative({ ownerId: world.planner.gid })).id;
    const res = await h.api.execute(CREATE, {
      input: {
        initiativeId: on,
        departmentId: world.logistics.gid,
        title: 'Re-plan routes',
        dueAt: await drive.dueIn(10 * DAY),
        ...input,
      },
    });
    expect(res.errors).toBeUndefined();
    return { ...res.data!.createInitiativeTask, initiativeId: on };
  };
  const state = (initiativeId: string) => initiativeState(h.api, getOrm(), initiativeId);

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(async () => h?.stop());

  it('creates a task for a department and a member of it, tells them, and reads it back', async () => {
    const dueAt = await drive.dueIn(7 * DAY);
    const task = await create({
      description: ' Use the new depot ',
      assigneeId: world.planner.gid,
      dueAt,
    });
    expect(task).toMatchObject({
      title: 'Re-plan routes',
      description: 'Use the new depot',
      status: 'OPEN',
      dueAt,
      overdue: false,
      round: 1,
      revision: 1,
      clientVisible: false,
      escalationLevel: 0,
      department: { name: 'Logistics' },
      assignee: { name: 'Anna Planner' },
      initiative: { openTaskCount: 1 },
    });
    const read = await h.api.execute(
      `query($id: ID!) { initiativeTask(id: $id) { title } node(id: $id) { id } }`,
      { id: task.id },
    );
    expect(read.data).toEqual({
      initiativeTask: { title: 'Re-plan routes' },
      node: { id: task.id },
    });
    const told = await drive.ok(INBOX, {
      f: { initiativeId: task.initiativeId, kinds: ['TASK_ASSIGNED'] },
    });
    expect(
      told.inboxEntries.nodes.map((e: any) => [e.recipientDepartmentId, e.recipientUserId]),
    ).toEqual(
      expect.arrayContaining([
        [world.logistics.gid, null],
        [null, world.planner.gid],
      ]),
    );
    expect(told.inboxEntries.nodes).toHaveLength(2);
    // Its workflow now waits to remind Logistics two days before the due date.
    const live = await drive.ok(
      `query($id: ID!) { initiative(id: $id) { live { openTasks timers { kind at taskId } } } }`,
      { id: task.initiativeId },
    );
    expect(live.initiative.live).toEqual({
      openTasks: 1,
      timers: [
        {
          kind: 'TASK_REMINDER',
          at: new Date(Date.parse(dueAt) - 2 * DAY).toISOString(),
          taskId: task.id,
        },
      ],
    });
  });

  it('updates only the given fields, drops an assignee who is not in the new department, and starts a new round on reassignment', async () => {
    const task = await create({ assigneeId: world.planner.gid });
    const res = await h.api.execute(UPDATE, {
      id: task.id,
      input: { status: 'IN_PROGRESS', departmentId: world.sales.gid },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateInitiativeTask).toMatchObject({
      title: 'Re-plan routes',
      status: 'IN_PROGRESS',
      department: { name: 'Sales' },
      assignee: null,
      round: 2,
    });
    const assigned = await drive.ok(UPDATE, {
      id: task.id,
      input: { assigneeId: world.seller.gid },
    });
    expect(assigned.updateInitiativeTask).toMatchObject({
      assignee: { name: 'Boris Seller' },
      round: 3,
    });
  });

  it('completes an open task with its outcome, and refuses to complete it twice', async () => {
    const task = await create({});
    const done = await drive.ok(COMPLETE, { id: task.id, note: ' Routes re-planned ' });
    expect(done.completeTask).toMatchObject({ status: 'DONE', outcomeNote: 'Routes re-planned' });
    expect(done.completeTask.completedAt).not.toBeNull();
    const before = await state(task.initiativeId);
    const again = await drive.refused(COMPLETE, { id: task.id });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_FINISHED' });
    expect(again.message).toMatch(/already done; a finished task cannot be changed/);
    expect(await state(task.initiativeId)).toEqual(before);
  });

  it('rejects a task only with a note, and tells the owner, who can mark it read once', async () => {
    const task = await create({});
    const before = await state(task.initiativeId);
    const empty = await drive.refused(REJECT, { id: task.id, note: '   ' });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTE_REQUIRED' });
    expect(empty.message).toMatch(/needs a note/);
    expect(await state(task.initiativeId)).toEqual(before);
    const res = await drive.ok(REJECT, { id: task.id, note: 'Not our process' });
    expect(res.rejectTask).toMatchObject({ status: 'REJECTED', outcomeNote: 'Not our process' });

    const inbox = await drive.ok(INBOX, {
      f: {
        recipientUserId: world.planner.gid,
        initiativeId: task.initiativeId,
        kinds: ['TASK_REJECTED'],
        unreadOnly: true,
      },
    });
    const [rejected] = inbox.inboxEntries.nodes;
    expect(inbox.inboxEntries.nodes).toHaveLength(1);
    expect(rejected).toMatchObject({ kind: 'TASK_REJECTED', readAt: null });
    expect(rejected.body).toContain('Not our process');
    const first = await drive.ok(DOCS.markInboxEntryRead, { id: rejected.id });
    expect(first.markInboxEntryRead.readAt).not.toBeNull();
    const second = await drive.ok(DOCS.markInboxEntryRead, { id: rejected.id });
    expect(second.markInboxEntryRead.readAt).toBe(first.markInboxEntryRead.readAt);
  });

  it('cancels an open task with its reason, and reassigns a rejected one as a new round', async () => {
    const dropped = await create({});
    await drive.cancelTask(dropped.id, ' Covered by the depot move ');
    const cancelled = await drive.ok(`query($id: ID!) { initiativeTask(id: $id) { ${TASK} } }`, {
      id: dropped.id,
    });
    expect(cancelled.initiativeTask).toMatchObject({
      status: 'CANCELLED',
      outcomeNote: 'Covered by the depot move',
    });
    const task = await create({});
    await drive.reject(task.id);
    const again = await drive.ok(
      `mutation($id: ID!, $input: ReassignTaskInput!) { reassignTask(id: $id, input: $input) { ${TASK} } }`,
      { id: task.id, input: { departmentId: world.sales.gid, assigneeId: world.seller.gid } },
    );
    expect(again.reassignTask).toMatchObject({
      status: 'OPEN',
      outcomeNote: null,
      completedAt: null,
      round: 2,
      department: { name: 'Sales' },
      assignee: { name: 'Boris Seller' },
    });
  });

  describe('guards the status transitions and changes nothing when it refuses', () => {
    const cases: {
      name: string;
      setup: (id: string) => Promise<unknown>;
      act: (id: string) => { query: string; variables: Record<string, unknown> };
      error: { code: string; reason: string; field?: string };
      message: RegExp;
    }[] = [
      {
        name: 'completing a cancelled task',
        setup: (id) => drive.ok(UPDATE, { id, input: { status: 'CANCELLED' } }),
        act: (id) => ({ query: COMPLETE, variables: { id } }),
        error: { code: 'CONFLICT', reason: 'TASK_FINISHED' },
        message: /already cancelled/,
      },
      {
        name: 'rejecting a done task',
        setup: (id) => drive.complete(id),
        act: (id) => ({ query: REJECT, variables: { id, note: 'n' } }),
        error: { code: 'CONFLICT', reason: 'TASK_FINISHED' },
        message: /already done/,
      },
      {
        name: 'reopening a rejected task',
        setup: (id) => drive.reject(id),
        act: (id) => ({ query: UPDATE, variables: { id, input: { status: 'OPEN' } } }),
        error: { code: 'CONFLICT', reason: 'TASK_FINISHED' },
        message: /already rejected/,
      },
      {
        // Bad input now (it was a CONFLICT): no state of the task allows it.
        name: 'setting DONE through an update',
        setup: async () => undefined,
        act: (id) => ({ query: UPDATE, variables: { id, input: { status: 'DONE' } } }),
        error: { code: 'BAD_USER_INPUT', reason: 'INVALID_TASK_STATUS', field: 'status' },
        message: /use completeTask for DONE/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const task = await create({});
        await c.setup(task.id);
        const before = await state(task.initiativeId);
        const { query, variables } = c.act(task.id);
        const error = await drive.refused(query, variables);
        expect(error.extensions).toMatchObject(c.error);
        expect(error.message).toMatch(c.message);
        expect(await state(task.initiativeId)).toEqual(before);
      });
    }
  });

  describe('refuses a new task with bad input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      input: () => Promise<Record<string, unknown>> | Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'an assignee from another department',
        input: () => ({ assigneeId: world.seller.gid }),
        code: 'BAD_USER_INPUT',
        message: /Boris Seller is not a member of the department Logistics/,
      },
      {
        name: 'an unknown department',
        input: () => ({ departmentId: unknownId('Department') }),
        code: 'NOT_FOUND',
        message: /No department matches departmentId\./,
      },
      {
        name: 'an initiative id of the wrong type',
        input: () => ({ initiativeId: world.logistics.gid }),
        code: 'BAD_USER_INPUT',
        message: /initiativeId is not a valid Initiative id/,
      },
      {
        name: 'an empty title',
        input: () => ({ title: '' }),
        code: 'BAD_USER_INPUT',
        message: /title must be 1 to 300 characters/,
      },
      {
        name: 'a due date in the past',
        input: async () => ({ dueAt: await drive.dueIn(-DAY) }),
        code: 'BAD_USER_INPUT',
        message: /is in the past; choose a date to come/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const { id } = await drive.initiative();
        const before = await state(id);
        const res = await h.api.execute(CREATE, {
          input: {
            initiativeId: id,
            departmentId: world.logistics.gid,
            title: 'T',
            ...(await c.input()),
          },
        });
        expect(res.data?.createInitiativeTask ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await state(id)).toEqual(before);
      });
    }
  });

  it('refuses new tasks on a closed initiative', async () => {
    const { id } = await drive.initiative({ ownerId: world.planner.gid });
    await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR');
    await drive.close(id);
    const before = await state(id);
    const error = await drive.refused(CREATE, {
      input: { initiativeId: id, departmentId: world.logistics.gid, title: 'Too late' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INITIATIVE_FINISHED' });
    expect(error.message).toMatch(/is closed and can no longer be changed/);
    expect(await state(id)).toEqual(before);
  });

  // Last: it moves the test server's clock two days on.
  it('lists tasks by department, assignee, status and overdue, ordered by due date', async () => {
    const clerk = await createUser(getOrm(), world.sales.department, 'Clara Clerk');
    const { id: initiativeId } = await drive.initiative({ ownerId: world.planner.gid });
    const inSales = async (title: string, dueInMs: number) =>
      create(
        {
          title,
          departmentId: world.sales.gid,
          assigneeId: clerk.gid,
          dueAt: await drive.dueIn(dueInMs),
        },
        initiativeId,
      );
    const finished = await inSales('Finished late call', DAY);
    const overdue = await inSales('Overdue call', DAY + 3_600_000);
    await inSales('Future call', 10 * DAY);
    await drive.complete(finished.id);
    expect(overdue.overdue).toBe(false);

    await temporal.env.sleep(2 * DAY);
    // The workflow escalated the overdue task to its owner when it fell due.
    const escalated = await eventually(
      () =>
        drive.ok(`query($id: ID!) { initiativeTask(id: $id) { overdue escalationLevel } }`, {
          id: overdue.id,
        }),
      (d) => d.initiativeTask.escalationLevel === 1,
    );
    expect(escalated.initiativeTask).toEqual({ overdue: true, escalationLevel: 1 });

    const mine = await drive.ok(LIST, {
      f: { assigneeId: clerk.gid },
      o: { field: 'DUE_AT', direction: 'ASC' },
    });
    expect(mine.initiativeTasks.nodes.map((n: any) => n.title)).toEqual([
      'Finished late call',
      'Overdue call',
      'Future call',
    ]);
    const late = await drive.ok(LIST, { f: { assigneeId: clerk.gid, overdue: true } });
    expect(late.initiativeTasks.nodes).toEqual([
      { title: 'Overdue call', status: 'OPEN', overdue: true },
    ]);
    const notLate = await drive.ok(LIST, { f: { assigneeId: clerk.gid, overdue: false } });
    expect(notLate.initiativeTasks.totalCount).toBe(2);
    const done = await drive.ok(LIST, {
      f: { departmentId: world.sales.gid, statuses: ['DONE'], initiativeId },
    });
    expect(done.initiativeTasks.nodes.map((n: any) => n.title)).toEqual(['Finished late call']);
  });
});
