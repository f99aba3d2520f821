import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { createTenantWorlds, gidsOf, sideIds } from '../fixtures/tenant-worlds.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type GraphQLResult, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

type Ids = ReturnType<typeof gidsOf>;
/** What the probes name besides B's ids: A's side, the initiative A shares with B, sales. */
interface Env {
  a: Ids;
  shared: string;
  sales: string;
}
interface Probe {
  name: string;
  query: string;
  variables: (b: Ids, env: Env) => Record<string, unknown>;
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const INITIATIVES = `query ($first: Int, $last: Int, $filter: InitiativeFilter, $orderBy: InitiativeOrder) {
  initiatives(first: $first, last: $last, filter: $filter, orderBy: $orderBy) { ${PAGE} nodes { id code title } } }`;
const TASKS = `query ($first: Int, $filter: InitiativeTaskFilter, $orderBy: InitiativeTaskOrder) {
  initiativeTasks(first: $first, filter: $filter, orderBy: $orderBy) { ${PAGE} nodes { id title } } }`;
const REVIEWS = `query ($filter: CouncilReviewFilter) { councilReviews(first: 50, filter: $filter) { ${PAGE} nodes { id } } }`;
const MESSAGES = `query ($filter: ClientNotificationFilter) { clientNotifications(first: 50, filter: $filter) { ${PAGE} nodes { id subject } } }`;
const INBOX = `query ($filter: InboxFilter) { inboxEntries(first: 50, filter: $filter) { ${PAGE} nodes { id subject } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;
const INITIATIVE = `query ($id: ID!) { initiative(id: $id) {
  id title live { status } affectedAccounts { id name } tasks { id } openTaskCount
  councilReviews { id } notifications { id } revisions { id } } }`;

const list = (query: string, variables: Probe['variables']) => ({
  query,
  variables,
});
const orders = (fields: string[]) =>
  fields.flatMap((field) =>
    ['ASC', 'DESC'].flatMap((direction) =>
      [1, 50].map((first) => ({ first, orderBy: { field, direction } })),
    ),
  );

/** Every route by which a member of client A's council could learn of client B's initiatives. */
const councilProbes: Probe[] = [
  { name: 'initiatives', ...list(INITIATIVES, () => ({ first: 50 })) },
  { name: 'initiatives, last page', ...list(INITIATIVES, () => ({ last: 1 })) },
  ...orders(['CODE', 'CREATED_AT', 'DUE_AT']).map((v) => ({
    name: `initiatives ordered by ${v.orderBy.field} ${v.orderBy.direction}, first ${v.first}`,
    ...list(INITIATIVES, () => v),
  })),
  ...(
    [
      ['B’s account', (b: Ids) => ({ accountId: b.account })],
      ['B’s title', (b: Ids) => ({ search: b.title })],
      ['part of B’s title', (b: Ids) => ({ search: b.title.slice(0, 4) })],
      ['client-visible', () => ({ clientVisible: true })],
      ['internal', () => ({ clientVisible: false })],
      ['status and group', () => ({ statuses: ['ACTIVE'], processGroups: ['IMPLEMENT'] })],
      ['B’s member as owner', (b: Ids) => ({ ownerId: b.memberUser })],
      ['stage', () => ({ stage: 'USAGE' })],
    ] as const
  ).map(([label, filter]) => ({
    name: `initiatives filtered by ${label}`,
    ...list(INITIATIVES, (b: Ids) => ({ first: 50, filter: filter(b) })),
  })),
  { name: 'initiative(B)', ...list(INITIATIVE, (b) => ({ id: b.initiative })) },
  { name: 'initiative(A)', ...list(INITIATIVE, (_b, { a }) => ({ id: a.initiative })) },
  { name: 'the initiative shared with B', ...list(INITIATIVE, (_b, e) => ({ id: e.shared })) },
  ...(
    ['initiative', 'task', 'review', 'notification', 'council', 'account', 'member'] as const
  ).map((key) => ({ name: `node(B’s ${key})`, ...list(NODE, (b: Ids) => ({ id: b[key] })) })),
  {
    name: 'nodes(A’s and B’s ids)',
    ...list(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, (b, { a }) => ({
      ids: [a.initiative, b.initiative, b.task, b.review, b.notification, b.council, b.account],
    })),
  },
  { name: 'initiativeTasks', ...list(TASKS, () => ({ first: 50 })) },
  ...orders(['CREATED_AT', 'DUE_AT']).map((v) => ({
    name: `initiativeTasks ordered by ${v.orderBy.field} ${v.orderBy.direction}, first ${v.first}`,
    ...list(TASKS, () => v),
  })),
  {
    name: 'initiativeTasks of B’s initiative',
    ...list(TASKS, (b) => ({ first: 50, filter: { initiativeId: b.initiative } })),
  },
  {
    name: 'initiativeTask(B)',
    ...list(`query ($id: ID!) { initiativeTask(id: $id) { id } }`, (b) => ({ id: b.task })),
  },
  { name: 'councilReviews', ...list(REVIEWS, () => ({})) },
  {
    name: 'councilReviews of B’s initiative',
    ...list(REVIEWS, (b) => ({ filter: { initiativeId: b.initiative } })),
  },
  {
    name: 'councilReviews of B’s council',
    ...list(REVIEWS, (b) => ({ filter: { councilId: b.council } })),
  },
  {
    name: 'councilReview(B)',
    ...list(`query ($id: ID!) { councilReview(id: $id) { id } }`, (b) => ({ id: b.review })),
  },
  { name: 'clientNotifications', ...list(MESSAGES, () => ({})) },
  {
    name: 'clientNotifications to B’s account',
    ...list(MESSAGES, (b) => ({ filter: { accountId: b.account } })),
  },
  {
    name: 'clientNotifications about B’s initiative',
    ...list(MESSAGES, (b) => ({ filter: { initiativeId: b.initiative } })),
  },
  { name: 'inboxEntries', ...list(INBOX, () => ({})) },
  {
    name: 'inboxEntries of B’s member',
    ...list(INBOX, (b) => ({ filter: { recipientUserId: b.memberUser } })),
  },
  {
    name: 'inboxEntries about B’s initiative',
    ...list(INBOX, (b) => ({ filter: { initiativeId: b.initiative } })),
  },
  {
    name: 'advisoryCouncils and their accounts',
    ...list(
      `query ($s: String) { advisoryCouncils(first: 50, filter: { search: $s }) { ${PAGE} nodes { id accounts { id name } } } }`,
      (b) => ({ s: b.title.slice(0, 4) }),
    ),
  },
  {
    name: 'clientAccounts searched by B’s name',
    ...list(
      `query ($s: String) { clientAccounts(first: 50, filter: { search: $s }) { ${PAGE} nodes { id name councils { id } } } }`,
      (b) => ({ s: b.title }),
    ),
  },
  {
    name: 'decideCouncilReview on B’s review',
    ...list(
      `mutation ($id: ID!) { decideCouncilReview(id: $id, input: { decision: APPROVED }) { id } }`,
      (b) => ({ id: b.review }),
    ),
  },
  {
    name: 'decideCouncilReview as B’s member',
    ...list(
      `mutation ($id: ID!, $m: ID!) { decideCouncilReview(id: $id, input: { decision: APPROVED, decidedByMemberId: $m }) { id } }`,
      (b, { a }) => ({ id: a.review, m: b.member }),
    ),
  },
  {
    name: 'completeTask on B’s task',
    ...list(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, (b) => ({ id: b.task })),
  },
  {
    name: 'markInboxEntryRead on B’s member’s entry',
    ...list(`mutation ($id: ID!) { markInboxEntryRead(id: $id) { id } }`, (b) => ({ id: b.inbox })),
  },
];

/** A logistics member and what the sales department owns (B's initiative has only a sales task). */
const departmentProbes: Probe[] = [
  { name: 'initiativeTasks', ...list(TASKS, () => ({ first: 50 })) },
  ...orders(['CREATED_AT', 'DUE_AT']).map((v) => ({
    name: `initiativeTasks ordered by ${v.orderBy.field} ${v.orderBy.direction}, first ${v.first}`,
    ...list(TASKS, () => v),
  })),
  {
    name: 'initiativeTasks of sales',
    ...list(TASKS, (_b, e) => ({ first: 50, filter: { departmentId: e.sales } })),
  },
  {
    name: 'initiativeTasks of B’s initiative',
    ...list(TASKS, (b) => ({ first: 50, filter: { initiativeId: b.initiative } })),
  },
  {
    name: 'initiativeTasks of A’s initiative (a sales task is added to it)',
    ...list(TASKS, (_b, { a }) => ({ first: 50, filter: { initiativeId: a.initiative } })),
  },
  {
    name: 'initiativeTask(sales task)',
    ...list(`query ($id: ID!) { initiativeTask(id: $id) { id } }`, (b) => ({ id: b.task })),
  },
  { name: 'node(sales task)', ...list(NODE, (b) => ({ id: b.task })) },
  { name: 'initiatives', ...list(INITIATIVES, () => ({ first: 50 })) },
  {
    name: 'initiatives searched by B’s title',
    ...list(INITIATIVES, (b) => ({ first: 50, filter: { search: b.title } })),
  },
  { name: 'initiative(B)', ...list(INITIATIVE, (b) => ({ id: b.initiative })) },
  {
    name: 'initiative(A) with its tasks',
    ...list(INITIATIVE, (_b, { a }) => ({ id: a.initiative })),
  },
  { name: 'inboxEntries', ...list(INBOX, () => ({})) },
  {
    name: 'inboxEntries of sales',
    ...list(INBOX, (_b, e) => ({ filter: { recipientDepartmentId: e.sales } })),
  },
  {
    name: 'completeTask on a sales task',
    ...list(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, (b) => ({ id: b.task })),
  },
  {
    name: 'rejectTask on a sales task',
    ...list(`mutation ($id: ID!) { rejectTask(id: $id, note: "not ours") { id } }`, (b) => ({
      id: b.task,
    })),
  },
  {
    name: 'updateInitiativeTask on a sales task',
    ...list(
      `mutation ($id: ID!) { updateInitiativeTask(id: $id, input: { status: IN_PROGRESS }) { id } }`,
      (b) => ({ id: b.task }),
    ),
  },
];

const probes = [
  ...councilProbes.map((probe) => ({ as: 'council' as const, probe })),
  ...departmentProbes.map((probe) => ({ as: 'department' as const, probe })),
];

describeEachDatabase('a foreign row answers exactly as a missing one', (getOrm) => {
  let api: TestApi;
  const seen = new Map<Probe, { before: unknown; after: unknown; missing: unknown }>();
  const answer = (res: GraphQLResult) => ({
    data: res.data,
    errors: res.errors?.map((e) => ({ message: e.message, path: e.path, ...e.extensions })),
  });

  // Every probe is asked with B's ids before B exists (ids of nothing), after B exists (foreign
  // ids), and with ids that never name anything: the three answers must be the same.
  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const world = await createTenantWorlds(getOrm());
    const env: Env = {
      a: gidsOf(world.a),
      shared: toGlobalId('Initiative', world.shared),
      sales: toGlobalId('Department', world.sales),
    };
    const b = gidsOf(world.b);
    const nothing = gidsOf(sideIds('Gamma never heard of'));
    const as: Record<(typeof probes)[number]['as'], Viewer> = {
      council: viewers.council([world.a.council], [world.a.member], world.a.memberUser),
      department: viewers.department(world.logistics, world.planner),
    };
    const run = (p: (typeof probes)[number], ids: Ids) =>
      api.execute(p.probe.query, p.probe.variables(ids, env), as[p.as]).then(answer);
    const before = new Map<Probe, unknown>();
    for (const p of probes) before.set(p.probe, await run(p, b));
    await world.createB();
    for (const p of probes) {
      const after = await run(p, b);
      seen.set(p.probe, { before: before.get(p.probe), after, missing: await run(p, nothing) });
    }
  });
  afterAll(() => api.stop());

  it('sees A’s own rows, so the comparisons are not between empty answers', () => {
    const initiatives = seen.get(councilProbes[0]!)!.after as { data: any };
    expect(initiatives.data.initiatives.nodes.map((n: any) => n.title).sort()).toEqual([
      'Acme faster invoices',
      'Shared packaging change',
    ]);
    const shared = seen.get(councilProbes.find((p) => p.name === 'the initiative shared with B')!)!
      .after as { data: any };
    expect(shared.data.initiative.affectedAccounts.map((x: any) => x.name)).toEqual([
      'Acme faster invoices Ltd',
    ]);
    const tasks = seen.get(departmentProbes[0]!)!.after as { data: any };
    expect(tasks.data.initiativeTasks.totalCount).toBe(2);
  });

  it.each(probes.map((p) => [`${p.as}: ${p.probe.name}`, p.probe] as const))(
    '%s answers as if B did not exist',
    (_name, probe) => {
      const { before, after, missing } = seen.get(probe)!;
      expect(after, 'B exists vs not yet').toEqual(before);
      expect(missing, "B's ids vs ids of nothing").toEqual(after);
    },
  );
});
