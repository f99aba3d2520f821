import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';

const TASK =
  'id title description status dueAt overdue outcomeNote completedAt department { name } assignee { name } initiative { code openTaskCount }';
const CREATE = `mutation($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { ${TASK} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInitiativeTaskInput!) { updateInitiativeTask(id: $id, input: $input) { ${TASK} } }`;
const COMPLETE = `mutation($id: ID!, $note: String) { completeTask(id: $id, outcomeNote: $note) { ${TASK} } }`;
const REJECT = `mutation($id: ID!, $note: String!) { rejectTask(id: $id, note: $note) { ${TASK} } }`;
const LIST = `query($f: InitiativeTaskFilter, $o: InitiativeTaskOrder) { initiativeTasks(first: 100, filter: $f, orderBy: $o) { totalCount nodes { title status overdue } } }`;
const DAYS_AGO = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const NEXT_WEEK = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describeEachDatabase('initiative tasks API', (getOrm) => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let initiativeId: string;
  const counts = async () => [
    await getOrm().em.fork().count(InitiativeTask, {}),
    await getOrm().em.fork().count(AuditEvent, {}),
  ];
  const create = async (input: Record<string, unknown>) => {
    const res = await api.execute(CREATE, {
      input: { initiativeId, departmentId: world.logistics.gid, title: 'Re-plan routes', ...input },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createInitiativeTask;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    world = await createInitiativeWorld(getOrm());
    const res = await api.execute(
      `mutation { createInitiative(input: { title: "On-time delivery", problem: "Late trucks" }) { id } }`,
    );
    initiativeId = res.data!.createInitiative.id;
  });
  afterAll(() => api.stop());

  it('creates a task for a department and a member of it, and reads it back', async () => {
    const task = await create({
      description: ' Use the new depot ',
      assigneeId: world.planner.gid,
      dueAt: NEXT_WEEK(),
    });
    expect(task).toMatchObject({
      title: 'Re-plan routes',
      description: 'Use the new depot',
      status: 'OPEN',
      overdue: false,
      department: { name: 'Logistics' },
      assignee: { name: 'Anna Planner' },
      initiative: { openTaskCount: 1 },
    });
    const read = await api.execute(
      `query($id: ID!) { initiativeTask(id: $id) { title } node(id: $id) { id } }`,
      { id: task.id },
    );
    expect(read.data).toEqual({
      initiativeTask: { title: 'Re-plan routes' },
      node: { id: task.id },
    });
  });

  it('updates only the given fields and drops an assignee who is not in the new department', async () => {
    const task = await create({ assigneeId: world.planner.gid });
    const res = await api.execute(UPDATE, {
      id: task.id,
      input: { status: 'IN_PROGRESS', departmentId: world.sales.gid },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateInitiativeTask).toMatchObject({
      title: 'Re-plan routes',
      status: 'IN_PROGRESS',
      department: { name: 'Sales' },
      assignee: null,
    });
    const assigned = await api.execute(UPDATE, {
      id: task.id,
      input: { assigneeId: world.seller.gid },
    });
    expect(assigned.data!.updateInitiativeTask.assignee).toEqual({ name: 'Boris Seller' });
  });

  it('completes an open task with its outcome, and refuses to complete it twice', async () => {
    const task = await create({});
    const done = await api.execute(COMPLETE, { id: task.id, note: 'Routes re-planned' });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeTask).toMatchObject({
      status: 'DONE',
      outcomeNote: 'Routes re-planned',
    });
    expect(done.data!.completeTask.completedAt).not.toBeNull();
    const before = await counts();
    const again = await api.execute(COMPLETE, { id: task.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/already done; a finished task cannot be changed/);
    expect(await counts()).toEqual(before);
  });

  it('rejects a task only with a note', async () => {
    const task = await create({});
    const before = await counts();
    const empty = await api.execute(REJECT, { id: task.id, note: '   ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toMatch(/needs a note/);
    expect(await counts()).toEqual(before);
    const res = await api.execute(REJECT, { id: task.id, note: 'Not our process' });
    expect(res.data!.rejectTask).toMatchObject({
      status: 'REJECTED',
      outcomeNote: 'Not our process',
    });
  });

  describe('guards the status transitions with CONFLICT', () => {
    const cases: {
      name: string;
      setup: (id: string) => Promise<unknown>;
      act: (id: string) => Promise<any>;
      message: RegExp;
    }[] = [
      {
        name: 'completing a cancelled task',
        setup: (id) => api.execute(UPDATE, { id, input: { status: 'CANCELLED' } }),
        act: (id) => api.execute(COMPLETE, { id }),
        message: /already cancelled/,
      },
      {
        name: 'rejecting a done task',
        setup: (id) => api.execute(COMPLETE, { id }),
        act: (id) => api.execute(REJECT, { id, note: 'n' }),
        message: /already done/,
      },
      {
        name: 'reopening a rejected task',
        setup: (id) => api.execute(REJECT, { id, note: 'n' }),
        act: (id) => api.execute(UPDATE, { id, input: { status: 'OPEN' } }),
        message: /already rejected/,
      },
      {
        name: 'setting DONE through an update',
        setup: async () => undefined,
        act: (id) => api.execute(UPDATE, { id, input: { status: 'DONE' } }),
        message: /use completeTask for DONE/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const task = await create({});
        await c.setup(task.id);
        const before = await counts();
        const res = await c.act(task.id);
        expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await counts()).toEqual(before);
      });
    }
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      input: () => Record<string, unknown>;
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
        input: () => ({
          departmentId: 'RGVwYXJ0bWVudDowMWEyMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA',
        }),
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
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const before = await counts();
        const res = await api.execute(CREATE, {
          input: { initiativeId, departmentId: world.logistics.gid, title: 'T', ...c.input() },
        });
        expect(res.data?.createInitiativeTask ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect(await counts()).toEqual(before);
      });
    }
  });

  it('lists tasks by department, assignee, status and overdue, ordered by due date', async () => {
    const clerk = await createUser(getOrm(), world.sales.department, 'Clara Clerk');
    const overdue = await create({
      title: 'Overdue call',
      departmentId: world.sales.gid,
      assigneeId: clerk.gid,
      dueAt: DAYS_AGO(1),
    });
    await create({
      title: 'Future call',
      departmentId: world.sales.gid,
      assigneeId: clerk.gid,
      dueAt: NEXT_WEEK(),
    });
    const finished = await create({
      title: 'Finished late call',
      departmentId: world.sales.gid,
      assigneeId: clerk.gid,
      dueAt: DAYS_AGO(2),
    });
    await api.execute(COMPLETE, { id: finished.id });
    expect(overdue.overdue).toBe(true);

    const mine = await api.execute(LIST, {
      f: { assigneeId: clerk.gid },
      o: { field: 'DUE_AT', direction: 'ASC' },
    });
    expect(mine.data!.initiativeTasks.nodes.map((n: any) => n.title)).toEqual([
      'Finished late call',
      'Overdue call',
      'Future call',
    ]);
    const late = await api.execute(LIST, { f: { assigneeId: clerk.gid, overdue: true } });
    expect(late.data!.initiativeTasks.nodes).toEqual([
      { title: 'Overdue call', status: 'OPEN', overdue: true },
    ]);
    const notLate = await api.execute(LIST, { f: { assigneeId: clerk.gid, overdue: false } });
    expect(notLate.data!.initiativeTasks.totalCount).toBe(2);
    const done = await api.execute(LIST, {
      f: { departmentId: world.sales.gid, statuses: ['DONE'], initiativeId },
    });
    expect(done.data!.initiativeTasks.nodes.map((n: any) => n.title)).toContain(
      'Finished late call',
    );
  });

  it('refuses new tasks on a closed initiative', async () => {
    const res = await api.execute(
      `mutation { createInitiative(input: { title: "Short", problem: "p" }) { id } }`,
    );
    const id = res.data!.createInitiative.id;
    for (const to of ['IMPLEMENT', 'MONITOR'])
      await api.execute(
        `mutation($id: ID!, $to: ProcessGroup!) { moveInitiative(id: $id, processGroup: $to) { id } }`,
        { id, to },
      );
    await api.execute(`mutation($id: ID!) { closeInitiative(id: $id) { id } }`, { id });
    const before = await counts();
    const task = await api.execute(CREATE, {
      input: { initiativeId: id, departmentId: world.logistics.gid, title: 'Too late' },
    });
    expect(task.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(task.errors?.[0]?.message).toMatch(/is closed and can no longer be changed/);
    expect(await counts()).toEqual(before);
  });
});
