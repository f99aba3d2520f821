import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { TokenScope } from '../../server/src/auth/token-scope.js';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import type { InitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import type {
  CommandName,
  InitiativeCommands,
} from '../../workflows/contracts/initiative.contract.js';
import {
  ProcessGroup,
  InitiativeStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { createTenantWorlds, gidsOf } from '../fixtures/tenant-worlds.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, testAdmin, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

/** Records the commands the API sends instead of running workflows; every initiative looks alive. */
function recordingWorkflows() {
  const sent: { name: CommandName; command: InitiativeCommands[CommandName] }[] = [];
  const live = (initiativeId: string) => ({
    initiativeId,
    code: 'INI',
    title: 't',
    clientVisible: true,
    processGroup: ProcessGroup.IMPLEMENT,
    status: InitiativeStatus.ACTIVE,
    revision: 1,
    ownerId: null,
    tasks: [],
    reviews: [],
    workflowId: `initiative-${initiativeId}`,
    timers: [],
  });
  const port: InitiativeWorkflows = {
    start: () => Promise.resolve('started'),
    execute: (initiativeId, name, command) => {
      sent.push({ name, command });
      return Promise.resolve({ state: live(initiativeId) });
    },
    live: (initiativeId) => Promise.resolve(live(initiativeId)),
    refresh: () => Promise.resolve(),
  };
  return { port, sent };
}

const codes = (res: { errors?: { extensions?: Record<string, any> }[] }) =>
  (res.errors ?? []).map((e) => `${e.extensions?.code}/${e.extensions?.reason}`);

describeEachDatabase('access rules on fields, ids and arguments', (getOrm) => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof createTenantWorlds>>;
  let a: ReturnType<typeof gidsOf>;
  let council: Viewer;
  let department: Viewer;
  const workflows = recordingWorkflows();

  beforeAll(async () => {
    api = await createTestApi(getOrm(), { initiatives: workflows.port });
    world = await createTenantWorlds(getOrm());
    a = gidsOf(world.a);
    council = viewers.council([world.a.council], [world.a.member], world.a.memberUser);
    department = viewers.department(world.logistics, world.planner);
  });
  beforeEach(() => {
    workflows.sent.length = 0;
  });
  afterAll(() => api.stop());

  const INITIATIVE = `query ($id: ID!) { initiative(id: $id) { title owner { name } live { status } tasks { title } } }`;

  it('shows a council member its initiative without the owner, the live state or internal tasks', async () => {
    const mine = await api.execute(INITIATIVE, { id: a.initiative }, council);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.initiative).toEqual({
      title: 'Acme faster invoices',
      owner: null,
      live: null,
      tasks: [{ title: 'Acme faster invoices: book loading slots' }],
    });
    const staff = await api.execute(INITIATIVE, { id: a.initiative });
    expect(staff.data!.initiative.owner).toEqual({ name: 'Olga Owner' });
    expect(staff.data!.initiative.live).toEqual({ status: 'ACTIVE' });
    expect(staff.data!.initiative.tasks).toHaveLength(2);
  });

  it('answers FORBIDDEN for a hidden non-null field, naming it', async () => {
    const res = await api.execute(
      `query ($id: ID!) { initiative(id: $id) { title feedback { id } } }`,
      { id: a.initiative },
      council,
    );
    expect(codes(res)).toEqual(['FORBIDDEN/FIELD_NOT_ALLOWED']);
    expect(res.errors![0]!.message).toBe('You may not read Initiative.feedback.');
    const account = await api.execute(
      `query ($id: ID!) { clientAccount(id: $id) { name tier } }`,
      { id: a.account },
      council,
    );
    expect(codes(account)).toEqual(['FORBIDDEN/FIELD_NOT_ALLOWED']);
    const name = await api.execute(
      `query ($id: ID!) { clientAccount(id: $id) { name councils { name } } }`,
      { id: a.account },
      council,
    );
    expect(name.data!.clientAccount).toEqual({
      name: 'Acme faster invoices Ltd',
      councils: [{ name: 'Acme faster invoices council' }],
    });
  });

  it('lets a council member filter its accounts by name only', async () => {
    const ACCOUNTS = `query ($f: ClientAccountFilter) { clientAccounts(filter: $f) { totalCount } }`;
    const byName = await api.execute(ACCOUNTS, { f: { search: 'Acme' } }, council);
    expect(byName.data!.clientAccounts.totalCount).toBe(1);
    const byTier = await api.execute(ACCOUNTS, { f: { tiers: ['SMB'] } }, council);
    expect(codes(byTier)).toEqual(['FORBIDDEN/ARGUMENT_NOT_ALLOWED']);
    expect(byTier.errors![0]!.extensions!.field).toBe('filter.tiers');
  });

  it('lets a department see its tasks’ initiative and owner but not the clients it affects', async () => {
    const res = await api.execute(
      `query ($id: ID!) { initiative(id: $id) { owner { name } affectedAccounts { id } tasks { title } } }`,
      { id: a.initiative },
      department,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.initiative).toEqual({
      owner: { name: 'Olga Owner' },
      affectedAccounts: [],
      tasks: [
        { title: 'Acme faster invoices: book loading slots' },
        { title: 'Internal: renegotiate carrier' },
      ],
    });
  });

  it('answers node(id) only for types the viewer may query, as null like a missing id', async () => {
    const em = getOrm().em.fork();
    const event = em.create(AuditEvent, {
      actor: 'user:x',
      action: 'updateSegment',
      entityType: 'Segment',
      entityId: 'x',
    });
    await em.flush();
    const dep = toGlobalId('Department', world.logistics);
    const NODE = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`;
    const asDepartment = await api.execute(NODE, { ids: [dep, a.account, a.task] }, department);
    expect(asDepartment.data!.nodes).toEqual([
      { __typename: 'Department' },
      null,
      { __typename: 'InitiativeTask' },
    ]);
    const asCouncil = await api.execute(NODE, { ids: [dep, a.account, a.member] }, council);
    expect(asCouncil.data!.nodes).toEqual([
      null,
      { __typename: 'ClientAccount' },
      { __typename: 'CouncilMember' },
    ]);
    const id = toGlobalId('AuditEvent', event.id);
    const manager = viewers.user(UserRole.CX_MANAGER);
    expect((await api.execute(NODE, { ids: [id] }, manager)).data!.nodes).toEqual([null]);
    expect((await api.execute(NODE, { ids: [id] })).data!.nodes).toEqual([
      { __typename: 'AuditEvent' },
    ]);
  });

  it('lets a write-only token read what it wrote but not follow it to other rows', async () => {
    const SUBMIT = (selection: string) =>
      `mutation ($a: ID!) { submitFeedback(input: { accountId: $a, channel: SURVEY, npsScore: 7 }) { feedbackItem { ${selection} } } }`;
    const writer = viewers.token(TokenScope.FEEDBACK_WRITE);
    const own = await api.execute(SUBMIT('npsScore status'), { a: a.account }, writer);
    expect(own.errors).toBeUndefined();
    expect(own.data!.submitFeedback.feedbackItem.npsScore).toBe(7);
    const follow = await api.execute(SUBMIT('account { name }'), { a: a.account }, writer);
    expect(codes(follow)).toEqual(['FORBIDDEN/FIELD_NOT_ALLOWED']);
    const reader = viewers.token(TokenScope.FEEDBACK_WRITE, TokenScope.READ);
    const read = await api.execute(SUBMIT('account { name }'), { a: a.account }, reader);
    expect(read.data!.submitFeedback.feedbackItem.account.name).toBe('Acme faster invoices Ltd');
  });

  it('records a council member’s decision as their own seat, and refuses deciding as another member', async () => {
    const DECIDE = `mutation ($id: ID!, $m: ID) { decideCouncilReview(id: $id, input: { decision: APPROVED, decidedByMemberId: $m }) { id } }`;
    const res = await api.execute(DECIDE, { id: a.review }, council);
    expect(res.errors).toBeUndefined();
    expect(workflows.sent).toEqual([
      {
        name: 'decideReview',
        command: expect.objectContaining({
          reviewId: world.a.review,
          decidedByMemberId: world.a.member,
          actor: council.actor,
        }),
      },
    ]);
    const other = toGlobalId('CouncilMember', '01a22e61-0000-7000-8000-000000000001');
    const asOther = await api.execute(DECIDE, { id: a.review, m: other }, council);
    expect(codes(asOther)).toEqual(['FORBIDDEN/ARGUMENT_NOT_ALLOWED']);
    const office = await api.execute(DECIDE, { id: a.review }, testAdmin);
    expect(codes(office)).toEqual(['BAD_USER_INPUT/MEMBER_REQUIRED']);
    expect(workflows.sent).toHaveLength(1);
  });

  it('lets a department change only the status of its tasks', async () => {
    const UPDATE = `mutation ($id: ID!, $input: UpdateInitiativeTaskInput!) { updateInitiativeTask(id: $id, input: $input) { id } }`;
    const title = await api.execute(
      UPDATE,
      { id: a.task, input: { title: 'Mine now' } },
      department,
    );
    expect(codes(title)).toEqual(['FORBIDDEN/ARGUMENT_NOT_ALLOWED']);
    expect(title.errors![0]!.extensions!.field).toBe('title');
    const status = await api.execute(
      UPDATE,
      { id: a.task, input: { status: 'IN_PROGRESS' } },
      department,
    );
    expect(status.errors).toBeUndefined();
    expect(workflows.sent.map((s) => s.name)).toEqual(['updateTask']);
  });

  it('treats a viewer that does not say what it is as signed out', async () => {
    const res = await api.execute(`{ initiatives { totalCount } }`, {}, { actor: 'user:someone' });
    expect(codes(res)).toEqual(['UNAUTHENTICATED/SIGN_IN_REQUIRED']);
    expect(res.errors![0]!.message).toBe('Sign in to use initiatives.');
    expect(res.data).toBeNull();
  });
});
