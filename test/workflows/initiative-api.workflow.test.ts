import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import { InitiativeTarget } from '../../server/src/modules/initiative/initiative-target.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { createAccount } from '../fixtures/factories.js';
import {
  createFeedback,
  createInitiativeWorld,
  createMetric,
  createProcessClass,
  createUser,
} from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { InitiativeDriver } from '../helpers/initiative-driver.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const FIELDS = `id code title problem status processGroup revision clientVisible stage dueAt startedAt closedAt
  workflowStartedAt owner { name } analysis { title } processClass { name } affectedAccounts { name }
  feedback { id status } openTaskCount revisions { number origin brief }`;
const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { ${FIELDS} } }`;
const LIVE = `query($id: ID!) { initiative(id: $id) { live { workflowId processGroup status revision openTasks } } }`;

const temporal = useTimeSkippingEnv();

describeEachDatabase('The initiatives API, with each initiative run by its workflow', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  const count = (entity: typeof Initiative | typeof AuditEvent | typeof Analysis) =>
    getOrm()
      .em.fork()
      .count(entity as typeof Initiative, {});
  const create = async (input: Record<string, unknown>) => {
    const res = await h.api.execute(CREATE, {
      input: { title: 'Fix late deliveries', problem: 'Trucks arrive late', ...input },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createInitiative;
  };

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(async () => h?.stop());

  it('records an analysis with its JSON result and reads and lists it back', async () => {
    const res = await h.api.execute(
      `mutation($input: CreateAnalysisInput!) { createAnalysis(input: $input) { id kind title periodFrom periodTo result createdBy { name } } }`,
      {
        input: {
          kind: 'PARETO',
          title: 'Q1 complaints',
          periodFrom: '2026-01',
          periodTo: '2026-03',
          result: { rows: [{ cls: 'QUALITY', share: 0.6 }] },
          createdById: world.planner.gid,
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const analysis = res.data!.createAnalysis;
    expect(analysis).toMatchObject({
      kind: 'PARETO',
      periodFrom: '2026-01',
      result: { rows: [{ cls: 'QUALITY', share: 0.6 }] },
      createdBy: { name: 'Anna Planner' },
    });
    const read = await h.api.execute(
      `query($id: ID!) { analysis(id: $id) { title } analyses(filter: { kinds: [PARETO], search: "q1" }) { totalCount } }`,
      { id: analysis.id },
    );
    expect(read.data).toEqual({
      analysis: { title: 'Q1 complaints' },
      analyses: { totalCount: 1 },
    });
  });

  it('refuses an analysis whose period ends before it starts, writing nothing', async () => {
    const [analyses, audits] = [await count(Analysis), await count(AuditEvent)];
    const res = await h.api.execute(
      `mutation($input: CreateAnalysisInput!) { createAnalysis(input: $input) { id } }`,
      {
        input: { kind: 'ROOT_CAUSE', title: 'Bad', periodFrom: '2026-05', periodTo: '2026-02' },
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/starts \(2026-05\) after it ends/);
    expect([await count(Analysis), await count(AuditEvent)]).toEqual([analyses, audits]);
  });

  it('creates an initiative with the next code, its links and its first revision, marks linked feedback ACTIONED, and starts its workflow', async () => {
    const feedback = await createFeedback(getOrm(), world.acme.account);
    const processClass = await createProcessClass(getOrm(), world.logistics.department);
    const initiative = await create({
      ownerId: world.planner.gid,
      processClassId: processClass.gid,
      stage: 'USAGE',
      affectedAccountIds: [world.beta.accountGid, world.acme.accountGid],
      feedbackIds: [feedback.gid],
      clientVisible: true,
      dueAt: '2026-12-01T00:00:00.000Z',
    });
    expect(initiative.code).toMatch(/^INI-\d{4}$/);
    expect(initiative).toMatchObject({
      status: 'PROPOSED',
      processGroup: 'ANALYSE',
      revision: 1,
      clientVisible: true,
      stage: 'USAGE',
      owner: { name: 'Anna Planner' },
      processClass: { name: 'Delivery planning' },
      affectedAccounts: [{ name: 'Acme Chemicals' }, { name: 'Beta Polymers' }],
      feedback: [{ id: feedback.gid, status: 'ACTIONED' }],
      openTaskCount: 0,
      revisions: [{ number: 1, origin: 'INITIAL', brief: 'Trucks arrive late' }],
    });
    expect(initiative.workflowStartedAt).not.toBeNull();
    const stored = await getOrm().em.fork().findOneOrFail(FeedbackItem, { id: feedback.item.id });
    expect(stored.status).toBe('ACTIONED');
    const audits = await getOrm()
      .em.fork()
      .find(AuditEvent, { entityId: { $in: [feedback.item.id] } });
    expect(audits.map((a) => a.action)).toEqual(['actionFeedback']);

    const live = await eventually(
      () => h.api.execute(LIVE, { id: initiative.id }),
      (res) => res.data?.initiative?.live != null,
    );
    expect(live.data!.initiative.live).toEqual({
      workflowId: `initiative-${fromGlobalId(initiative.id, 'Initiative')}`,
      processGroup: 'ANALYSE',
      status: 'PROPOSED',
      revision: 1,
      openTasks: 0,
    });
  });

  it('numbers initiatives sequentially and uniquely, even when created concurrently', async () => {
    const highest = async () => {
      const rows = await getOrm()
        .em.fork()
        .execute<{ code: string }[]>(
          `select code from initiative order by length(code) desc, code desc limit 1`,
        );
      return rows[0] ? Number(rows[0].code.slice(4)) : 0;
    };
    const last = await highest();
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.api.execute(CREATE, { input: { title: `Parallel ${i}`, problem: 'p' } }),
      ),
    );
    for (const res of created) expect(res.errors).toBeUndefined();
    const numbers = created
      .map((res) => Number(res.data!.createInitiative.code.slice(4)))
      .sort((a, b) => a - b);
    // No gap and no duplicate: exactly the next six numbers.
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => last + n));
  });

  it('updates only the given fields through the workflow and can clear a reference with null', async () => {
    const initiative = await create({ ownerId: world.planner.gid, expectedEffect: 'OTD +5pp' });
    const res = await h.api.execute(UPDATE, {
      id: initiative.id,
      input: { title: 'Renamed', ownerId: null, affectedAccountIds: [world.acme.accountGid] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateInitiative).toMatchObject({
      title: 'Renamed',
      problem: 'Trucks arrive late',
      owner: null,
      affectedAccounts: [{ name: 'Acme Chemicals' }],
    });
    const audit = await getOrm()
      .em.fork()
      .findOneOrFail(AuditEvent, {
        entityId: fromGlobalId(initiative.id, 'Initiative'),
        action: 'updateInitiative',
      });
    expect(audit.before).toMatchObject({ title: 'Fix late deliveries' });
    expect(audit.after).toMatchObject({
      title: 'Renamed',
      affectedAccountIds: [world.acme.account.id],
    });
  });

  it('lists initiatives with filters and orders', async () => {
    // Rows of this test only: a tag in the titles, an account and an owner of its own.
    const tag = `Lst${Date.now().toString(36)}`;
    const account = await createAccount(getOrm(), { name: `${tag} Account` });
    const owner = await createUser(getOrm(), world.sales.department, `${tag} Owner`);
    const a = await create({
      title: `${tag} invoice accuracy`,
      affectedAccountIds: [account.accountGid],
      ownerId: owner.gid,
      dueAt: '2027-01-01T00:00:00Z',
    });
    await create({ title: `${tag} invoice layout`, dueAt: '2026-06-01T00:00:00Z' });
    await create({ title: `${tag} visible`, clientVisible: true, stage: 'USAGE' });
    const q = `query($f: InitiativeFilter, $o: InitiativeOrder) { initiatives(first: 100, filter: $f, orderBy: $o) { totalCount nodes { code title } } }`;
    const bySearch = await h.api.execute(q, {
      f: { search: `${tag.toUpperCase()} INVOICE` },
      o: { field: 'DUE_AT', direction: 'ASC' },
    });
    expect(bySearch.data!.initiatives.nodes.map((n: any) => n.title)).toEqual([
      `${tag} invoice layout`,
      `${tag} invoice accuracy`,
    ]);
    const byAccount = await h.api.execute(q, {
      f: { accountId: account.accountGid, ownerId: owner.gid },
    });
    expect(byAccount.data!.initiatives.nodes).toEqual([
      { code: a.code, title: `${tag} invoice accuracy` },
    ]);
    const byCode = await h.api.execute(q, { o: { field: 'CODE', direction: 'ASC' } });
    const codes = byCode.data!.initiatives.nodes.map((n: any) => n.code);
    expect(codes).toEqual([...codes].sort());
    const visible = await h.api.execute(q, {
      f: {
        search: tag,
        clientVisible: true,
        processGroups: ['ANALYSE'],
        statuses: ['PROPOSED'],
        stage: 'USAGE',
      },
    });
    expect(visible.data!.initiatives.nodes.map((n: any) => n.title)).toEqual([`${tag} visible`]);
  });

  it('replaces targets per metric and exposes them with their metric', async () => {
    const [otd, nps] = [await createMetric(getOrm(), 'OTD'), await createMetric(getOrm(), 'NPS')];
    const { id } = await create({});
    const SET = `mutation($id: ID!, $t: [InitiativeTargetInput!]!) { setInitiativeTargets(initiativeId: $id, targets: $t) { targets { metric { name } baseline targetValue expectedDelta } } }`;
    await drive.ok(SET, {
      id,
      t: [
        { metricId: otd.gid, baseline: 80, targetValue: 90, expectedDelta: 10 },
        { metricId: nps.gid, baseline: 20 },
      ],
    });
    const res = await h.api.execute(SET, {
      id,
      t: [{ metricId: otd.gid, baseline: 82, targetValue: 92, expectedDelta: 10 }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setInitiativeTargets.targets).toEqual([
      { metric: { name: 'OTD' }, baseline: 82, targetValue: 92, expectedDelta: 10 },
    ]);
    const dup = await h.api.execute(SET, { id, t: [{ metricId: otd.gid }, { metricId: otd.gid }] });
    expect(dup.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      await getOrm()
        .em.fork()
        .count(InitiativeTarget, { initiative: fromGlobalId(id, 'Initiative') }),
    ).toBe(1);
  });

  describe('refuses bad input with a typed error and writes nothing', () => {
    const cases: {
      name: string;
      input: () => Record<string, unknown>;
      code: string;
      message: RegExp;
    }[] = [
      {
        name: 'an empty title',
        input: () => ({ title: '' }),
        code: 'BAD_USER_INPUT',
        message: /title must be 1 to 300 characters/,
      },
      {
        name: 'an unknown owner',
        input: () => ({ ownerId: unknownId('User') }),
        code: 'NOT_FOUND',
        message: /No user matches ownerId\./,
      },
      {
        name: 'a malformed account id',
        input: () => ({ affectedAccountIds: ['nope'] }),
        code: 'BAD_USER_INPUT',
        message: /affectedAccountIds is not a valid ClientAccount id/,
      },
      {
        name: 'an unknown feedback item',
        input: () => ({ feedbackIds: [unknownId('FeedbackItem')] }),
        code: 'NOT_FOUND',
        message: /No feedback item matches feedbackIds\[0\]\./,
      },
      {
        name: 'starting in IMPLEMENT',
        input: () => ({ processGroup: 'IMPLEMENT' }),
        code: 'BAD_USER_INPUT',
        message: /starts in COLLECT or ANALYSE, not IMPLEMENT/,
      },
      {
        name: 'an unknown stage',
        input: () => ({ stage: 'SOMEWHERE' }),
        code: 'BAD_USER_INPUT',
        message: /"SOMEWHERE" does not exist in "JourneyStage"/,
      },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const [initiatives, audits] = [await count(Initiative), await count(AuditEvent)];
        const res = await h.api.execute(CREATE, {
          input: { title: 'T', problem: 'P', ...c.input() },
        });
        expect(res.data?.createInitiative ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(Initiative), await count(AuditEvent)]).toEqual([initiatives, audits]);
      });
    }

    it('such as updating an unknown initiative', async () => {
      const res = await h.api.execute(UPDATE, {
        id: unknownId('Initiative'),
        input: { title: 'x' },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toMatch(/No initiative matches id\./);
    });
  });

  it('reads an unknown id as null and refetches through node(id:)', async () => {
    const { id, code } = await create({});
    const res = await h.api.execute(
      `query($id: ID!, $u: ID!) { initiative(id: $u) { id } node(id: $id) { ... on Initiative { code } } }`,
      { id, u: unknownId('Initiative') },
    );
    expect(res.data).toEqual({ initiative: null, node: { code } });
  });
});
