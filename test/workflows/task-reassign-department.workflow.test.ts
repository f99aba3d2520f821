import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { DAY, InitiativeDriver } from '../helpers/initiative-driver.js';
import { initiativeState } from '../helpers/initiative-state.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { viewers } from '../helpers/viewers.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';
import type { Viewer } from '../../server/src/auth/viewer.js';

const TASK = `id status round department { name } assignee { name } dueAt`;
const CREATE = `mutation($input: CreateInitiativeTaskInput!) { createInitiativeTask(input: $input) { ${TASK} } }`;
const REASSIGN = `mutation($id: ID!, $input: ReassignTaskInput!) { reassignTask(id: $id, input: $input) { ${TASK} } }`;
const USERS = `query($f: UserFilter) { users(first: 50, filter: $f) { nodes { name } } }`;

const temporal = useTimeSkippingEnv();

describeEachDatabase('A department member hands a task to a colleague', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let colleague: Awaited<ReturnType<typeof createUser>>;
  let former: Awaited<ReturnType<typeof createUser>>;
  /** Anna Planner of Logistics, signed in. */
  let member: Viewer;

  const task = async (department = world.logistics.gid) => {
    const { id: initiativeId } = await drive.initiative({ ownerId: world.planner.gid });
    const res = await h.api.execute(CREATE, {
      input: {
        initiativeId,
        departmentId: department,
        assigneeId: department === world.logistics.gid ? world.planner.gid : null,
        title: 'Re-plan routes',
        dueAt: await drive.dueIn(10 * DAY),
      },
    });
    expect(res.errors).toBeUndefined();
    return { ...res.data!.createInitiativeTask, initiativeId } as {
      id: string;
      initiativeId: string;
    };
  };

  /** Refused as the member, with this code, reason and field, and nothing about the initiative changed. */
  const refused = async (
    on: { id: string; initiativeId: string },
    input: Record<string, unknown>,
    expected: { code: string; reason: string; field?: string; message: RegExp },
  ) => {
    const before = await initiativeState(h.api, getOrm(), on.initiativeId);
    const res = await h.api.execute(REASSIGN, { id: on.id, input }, member);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: expected.code,
      reason: expected.reason,
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(res.errors?.[0]?.message).toMatch(expected.message);
    expect(await initiativeState(h.api, getOrm(), on.initiativeId)).toEqual(before);
  };

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
    colleague = await createUser(getOrm(), world.logistics.department, 'Carl Driver');
    former = await createUser(getOrm(), world.logistics.department, 'Fiona Former', {
      active: false,
    });
    member = viewers.department(world.logistics.department.id, world.planner.user.id);
  });
  afterAll(async () => h?.stop());

  it('lists the colleagues of their own department, and no other department’s people', async () => {
    const own = await h.api.execute(
      USERS,
      { f: { departmentId: world.logistics.gid, active: true } },
      member,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.users.nodes.map((u: { name: string }) => u.name).sort()).toEqual([
      'Anna Planner',
      'Carl Driver',
    ]);
    const other = await h.api.execute(USERS, { f: { departmentId: world.sales.gid } }, member);
    expect(other.errors).toBeUndefined();
    expect(other.data!.users.nodes).toEqual([]);
  });

  it('reassigns a task of their department to an active colleague there, as a new round', async () => {
    const open = await task();
    const res = await h.api.execute(
      REASSIGN,
      {
        id: open.id,
        input: { departmentId: world.logistics.gid, assigneeId: colleague.gid, note: 'Yours' },
      },
      member,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reassignTask).toMatchObject({
      status: 'OPEN',
      round: 2,
      department: { name: 'Logistics' },
      assignee: { name: 'Carl Driver' },
    });
  });

  it('refuses to hand the task to another department: that is the CX office’s decision', async () => {
    await refused(
      await task(),
      { departmentId: world.sales.gid, assigneeId: world.seller.gid },
      {
        code: 'FORBIDDEN',
        reason: 'OUTSIDE_OWN_DEPARTMENT',
        field: 'departmentId',
        message: /only to a colleague in your own department.*reject it with a note/,
      },
    );
  });

  it('refuses someone of another department, a former colleague, no one, and a new due date', async () => {
    const open = await task();
    await refused(
      open,
      { departmentId: world.logistics.gid, assigneeId: world.seller.gid },
      {
        // Another department's people are outside the member's rows: not found, not named.
        code: 'NOT_FOUND',
        reason: 'USER_NOT_FOUND',
        field: 'assigneeId',
        message: /No user matches assigneeId/,
      },
    );
    await refused(
      open,
      { departmentId: world.logistics.gid, assigneeId: former.gid },
      {
        code: 'BAD_USER_INPUT',
        reason: 'ASSIGNEE_INACTIVE',
        field: 'assigneeId',
        message: /Fiona Former no longer works in the hub/,
      },
    );
    await refused(
      open,
      { departmentId: world.logistics.gid },
      {
        code: 'BAD_USER_INPUT',
        reason: 'ASSIGNEE_REQUIRED',
        field: 'assigneeId',
        message: /Choose the colleague/,
      },
    );
    await refused(
      open,
      {
        departmentId: world.logistics.gid,
        assigneeId: colleague.gid,
        dueAt: await drive.dueIn(20 * DAY),
      },
      {
        code: 'FORBIDDEN',
        reason: 'DUE_DATE_NOT_ALLOWED',
        field: 'dueAt',
        message: /due date stays as the initiative owner set it/,
      },
    );
  });

  it('cannot reach another department’s task', async () => {
    await refused(
      await task(world.sales.gid),
      { departmentId: world.logistics.gid, assigneeId: colleague.gid },
      { code: 'NOT_FOUND', reason: 'TASK_NOT_FOUND', field: 'id', message: /No/ },
    );
  });

  it('leaves the CX office free to give the task to another department', async () => {
    const open = await task();
    const res = await h.api.execute(REASSIGN, {
      id: open.id,
      input: { departmentId: world.sales.gid, assigneeId: world.seller.gid },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reassignTask).toMatchObject({
      department: { name: 'Sales' },
      assignee: { name: 'Boris Seller' },
    });
  });
});
