import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { InitiativeTarget } from '../../server/src/modules/initiative/initiative-target.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import {
  createFeedback,
  createInitiativeWorld,
  createMetric,
  createProcessClass,
} from '../fixtures/initiative-factories.js';

const FIELDS = `id code title problem status processGroup revision clientVisible stage dueAt startedAt closedAt
  owner { name } analysis { title } processClass { name } affectedAccounts { name } feedback { id status } openTaskCount`;
const CREATE = `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $to: ProcessGroup!) { moveInitiative(id: $id, processGroup: $to) { processGroup status revision startedAt } }`;
const CLOSE = `mutation($id: ID!) { closeInitiative(id: $id) { status closedAt } }`;
const UNKNOWN_INITIATIVE = 'SW5pdGlhdGl2ZTowMWEyMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA';

describeEachDatabase('initiatives API', (getOrm) => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  const count = (entity: typeof Initiative | typeof AuditEvent | typeof Analysis) =>
    getOrm()
      .em.fork()
      .count(entity as typeof Initiative, {});
  const create = async (input: Record<string, unknown>) => {
    const res = await api.execute(CREATE, {
      input: { title: 'Fix late deliveries', problem: 'Trucks arrive late', ...input },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createInitiative;
  };

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(() => api.stop());

  it('records an analysis with its JSON result and reads and lists it back', async () => {
    const res = await api.execute(
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
    const read = await api.execute(
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
    const res = await api.execute(
      `mutation($input: CreateAnalysisInput!) { createAnalysis(input: $input) { id } }`,
      {
        input: { kind: 'ROOT_CAUSE', title: 'Bad', periodFrom: '2026-05', periodTo: '2026-02' },
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/starts \(2026-05\) after it ends/);
    expect([await count(Analysis), await count(AuditEvent)]).toEqual([analyses, audits]);
  });

  it('creates an initiative with the next code, its links, and marks linked feedback ACTIONED', async () => {
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
    });
    const stored = await getOrm().em.fork().findOneOrFail(FeedbackItem, { id: feedback.item.id });
    expect(stored.status).toBe('ACTIONED');
    const audits = await getOrm()
      .em.fork()
      .find(AuditEvent, { entityId: { $in: [feedback.item.id] } });
    expect(audits.map((a) => a.action)).toEqual(['actionFeedback']);
  });

  it('numbers initiatives sequentially and uniquely, even when created concurrently', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.execute(CREATE, { input: { title: `Parallel ${i}`, problem: 'p' } }),
      ),
    );
    for (const res of created) expect(res.errors).toBeUndefined();
    const all = await getOrm()
      .em.fork()
      .find(Initiative, {}, { orderBy: { code: 'asc' } });
    const numbers = all.map((i) => Number(i.code.slice(4)));
    expect(new Set(numbers).size).toBe(all.length);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('updates only the given fields and can clear a reference with null', async () => {
    const initiative = await create({ ownerId: world.planner.gid, expectedEffect: 'OTD +5pp' });
    const res = await api.execute(UPDATE, {
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
    const a = await create({
      title: 'Invoice accuracy',
      affectedAccountIds: [world.beta.accountGid],
      ownerId: world.seller.gid,
      dueAt: '2027-01-01T00:00:00Z',
    });
    await create({ title: 'Invoice layout', dueAt: '2026-06-01T00:00:00Z' });
    const q = `query($f: InitiativeFilter, $o: InitiativeOrder) { initiatives(first: 100, filter: $f, orderBy: $o) { totalCount nodes { code title } } }`;
    const bySearch = await api.execute(q, {
      f: { search: 'INVOICE' },
      o: { field: 'DUE_AT', direction: 'ASC' },
    });
    expect(bySearch.data!.initiatives.nodes.map((n: any) => n.title)).toEqual([
      'Invoice layout',
      'Invoice accuracy',
    ]);
    const byAccount = await api.execute(q, {
      f: { accountId: world.beta.accountGid, ownerId: world.seller.gid },
    });
    expect(byAccount.data!.initiatives.nodes).toEqual([
      { code: a.code, title: 'Invoice accuracy' },
    ]);
    const byCode = await api.execute(q, { o: { field: 'CODE', direction: 'ASC' } });
    const codes = byCode.data!.initiatives.nodes.map((n: any) => n.code);
    expect(codes).toEqual([...codes].sort());
    const visible = await api.execute(q, {
      f: {
        clientVisible: true,
        processGroups: ['ANALYSE'],
        statuses: ['PROPOSED'],
        stage: 'USAGE',
      },
    });
    expect(visible.data!.initiatives.totalCount).toBe(1);
  });

  it('moves through the process groups, starting a new revision on CORRECT → IMPLEMENT, and closes from MONITOR', async () => {
    const { id } = await create({});
    const steps: [string, Record<string, unknown>][] = [
      ['IMPLEMENT', { processGroup: 'IMPLEMENT', status: 'ACTIVE', revision: 1 }],
      ['MONITOR', { processGroup: 'MONITOR', status: 'ACTIVE', revision: 1 }],
      ['CORRECT', { processGroup: 'CORRECT', revision: 1 }],
      ['IMPLEMENT', { processGroup: 'IMPLEMENT', revision: 2 }],
      ['MONITOR', { processGroup: 'MONITOR', revision: 2 }],
    ];
    for (const [to, expected] of steps) {
      const res = await api.execute(MOVE, { id, to });
      expect(res.errors).toBeUndefined();
      expect(res.data!.moveInitiative).toMatchObject(expected);
      expect(res.data!.moveInitiative.startedAt).not.toBeNull();
    }
    const closed = await api.execute(CLOSE, { id });
    expect(closed.data!.closeInitiative.status).toBe('CLOSED');
    const again = await api.execute(MOVE, { id, to: 'CORRECT' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/is closed and can no longer be changed/);
  });

  describe('refuses invalid transitions with CONFLICT and changes nothing', () => {
    const cases: {
      name: string;
      path: string[];
      act: 'move' | 'close';
      to?: string;
      message: RegExp;
    }[] = [
      {
        name: 'skipping from ANALYSE to MONITOR',
        path: [],
        act: 'move',
        to: 'MONITOR',
        message: /cannot move from ANALYSE to MONITOR; from ANALYSE it can move to IMPLEMENT/,
      },
      {
        name: 'going back from IMPLEMENT to ANALYSE',
        path: ['IMPLEMENT'],
        act: 'move',
        to: 'ANALYSE',
        message: /cannot move from IMPLEMENT to ANALYSE/,
      },
      {
        name: 'closing while implementing',
        path: ['IMPLEMENT'],
        act: 'close',
        message: /is in IMPLEMENT; it can be closed only from MONITOR or CORRECT/,
      },
      { name: 'closing while analysing', path: [], act: 'close', message: /is in ANALYSE/ },
    ];
    for (const c of cases) {
      it(`such as ${c.name}`, async () => {
        const { id } = await create({});
        for (const to of c.path) await api.execute(MOVE, { id, to });
        const [before, audits] = [
          await api.execute(`query($id: ID!) { initiative(id: $id) { processGroup status } }`, {
            id,
          }),
          await count(AuditEvent),
        ];
        const res =
          c.act === 'move'
            ? await api.execute(MOVE, { id, to: c.to })
            : await api.execute(CLOSE, { id });
        expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0]?.message).toMatch(c.message);
        const after = await api.execute(
          `query($id: ID!) { initiative(id: $id) { processGroup status } }`,
          { id },
        );
        expect(after.data).toEqual(before.data);
        expect(await count(AuditEvent)).toBe(audits);
      });
    }
  });

  it('replaces targets per metric and exposes them with their metric', async () => {
    const [otd, nps] = [await createMetric(getOrm(), 'OTD'), await createMetric(getOrm(), 'NPS')];
    const { id } = await create({});
    const SET = `mutation($id: ID!, $t: [InitiativeTargetInput!]!) { setInitiativeTargets(initiativeId: $id, targets: $t) { targets { metric { name } baseline targetValue expectedDelta } } }`;
    await api.execute(SET, {
      id,
      t: [
        { metricId: otd.gid, baseline: 80, targetValue: 90, expectedDelta: 10 },
        { metricId: nps.gid, baseline: 20 },
      ],
    });
    const res = await api.execute(SET, {
      id,
      t: [{ metricId: otd.gid, baseline: 82, targetValue: 92, expectedDelta: 10 }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setInitiativeTargets.targets).toEqual([
      { metric: { name: 'OTD' }, baseline: 82, targetValue: 92, expectedDelta: 10 },
    ]);
    const dup = await api.execute(SET, { id, t: [{ metricId: otd.gid }, { metricId: otd.gid }] });
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
        input: () => ({ ownerId: 'VXNlcjowMWEyMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA' }),
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
        input: () => ({
          feedbackIds: ['RmVlZGJhY2tJdGVtOjAxYTIwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA'],
        }),
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
        const res = await api.execute(CREATE, {
          input: { title: 'T', problem: 'P', ...c.input() },
        });
        expect(res.data?.createInitiative ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe(c.code);
        expect(res.errors?.[0]?.message).toMatch(c.message);
        expect([await count(Initiative), await count(AuditEvent)]).toEqual([initiatives, audits]);
      });
    }

    it('such as updating an unknown initiative', async () => {
      const res = await api.execute(UPDATE, { id: UNKNOWN_INITIATIVE, input: { title: 'x' } });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toMatch(/No initiative matches id\./);
    });
  });

  it('reads an unknown id as null and refetches through node(id:)', async () => {
    const { id, code } = await create({});
    const res = await api.execute(
      `query($id: ID!, $u: ID!) { initiative(id: $u) { id } node(id: $id) { ... on Initiative { code } } }`,
      { id, u: UNKNOWN_INITIATIVE },
    );
    expect(res.data).toEqual({ initiative: null, node: { code } });
  });
});

let sqlLog: string[] = [];
describeEachDatabase(
  'initiative field resolvers',
  (getOrm) => {
    it('load references and children of a whole page in a constant number of queries', async () => {
      const api = await createTestApi(getOrm());
      const world = await createInitiativeWorld(getOrm());
      const feedback = await createFeedback(getOrm(), world.acme.account);
      const query = `{ initiatives(first: 50) { nodes { code owner { name } affectedAccounts { name } feedback { id }
        tasks { title } openTaskCount councilReviews { decision } targets { baseline } notifications { id } analysis { id } processClass { id } } } }`;
      const costOf = async () => {
        sqlLog = [];
        const res = await api.execute(query);
        expect(res.errors).toBeUndefined();
        return sqlLog.length;
      };
      const input = {
        title: 'N+1',
        problem: 'p',
        ownerId: world.planner.gid,
        affectedAccountIds: [world.acme.accountGid],
        feedbackIds: [feedback.gid],
      };
      await api.execute(CREATE, { input });
      const one = await costOf();
      expect(one).toBeGreaterThan(3);
      for (let i = 0; i < 4; i++) await api.execute(CREATE, { input });
      expect(await costOf()).toBe(one);
      await api.stop();
    });
  },
  { onQuery: (sql) => sqlLog.push(sql) },
);
