import type { EntityClass } from '@mikro-orm/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { buildParetoWorld, WORLD_PERIOD, type ParetoWorld } from '../fixtures/pareto-world.js';
import { expectRefusedWithoutWrites } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

/** The API's "now": the world's month and the next are over, the month of NOW is not. */
const NOW = new Date('2026-11-15T09:00:00.000Z');
const DAY_MS = 86_400_000;

const RUN = `mutation($input: RunParetoAnalysisInput!) { runParetoAnalysis(input: $input) {
  created
  analysis { id kind periodFrom periodTo result inputs }
  proposed { id status clientVisible stage processGroup processClass { id } analysis { id }
    feedback { id status } tasks { title dueAt status department { id } } }
} }`;
const ITEMS = `query($filter: FeedbackFilter) { feedbackItems(first: 100, filter: $filter) { nodes { id } } }`;

const gid = (type: string, id: string) => toGlobalId(type, id);
const sorted = (ids: string[]) => [...ids].sort();

describeEachDatabase('runParetoAnalysis and the feedback filters', (getOrm) => {
  let api: TestApi;
  let w: ParetoWorld;

  beforeAll(async () => {
    api = await createTestApi(getOrm(), {}, { now: () => Promise.resolve(NOW.getTime()) });
    w = await buildParetoWorld(getOrm(), 'pareto');
  });
  afterAll(() => api.stop());

  const ok = async (
    query: string,
    variables: Record<string, unknown>,
    viewer?: Parameters<TestApi['execute']>[2],
  ) => {
    const res = await api.execute(query, variables, viewer);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const listed = async (filter: Record<string, unknown>) =>
    sorted(
      ((await ok(ITEMS, { filter })).feedbackItems.nodes as { id: string }[]).map((n) => n.id),
    );
  const expected = (...groups: string[][]) =>
    sorted(groups.flat().map((id) => gid('FeedbackItem', id)));
  const counts = () =>
    Promise.all(
      ([Analysis, Initiative, InitiativeTask, AuditEvent] as EntityClass<object>[]).map((e) =>
        getOrm().em.fork().count(e, {}),
      ),
    );

  it('filters feedback by process class, journey stage, segment and complaint class, in SQL', async () => {
    const i = w.items;
    expect(await listed({ processClassIds: [gid('ProcessClass', w.classes.delivery.id)] })).toEqual(
      expected(i.cause1, i.happyDeliveryUsage, i.happyDeliveryPostSale),
    );
    expect(await listed({ stages: ['POST_SALE'] })).toEqual(
      expected(i.cause3, i.happyDeliveryPostSale, i.noClass),
    );
    expect(await listed({ segmentIds: [gid('Segment', w.segments.s2.id)] })).toEqual(
      expected(i.cause2, i.happyDeliveryPostSale, i.noClass, i.nextMonth),
    );
    expect(
      await listed({ complaintClasses: ['QUALITY'], stages: ['EVALUATION_AND_DEAL'] }),
    ).toEqual(expected(i.cause2, i.nextMonth));
    expect(
      await listed({
        processClassIds: [gid('ProcessClass', w.classes.delivery.id)],
        stages: ['USAGE'],
        dissatisfied: true,
      }),
    ).toEqual(expected(i.cause1));
  });

  it('combines a segment filter with an account filter (both must hold)', async () => {
    const a2 = gid('ClientAccount', w.accounts.a2.id);
    expect(await listed({ accountId: a2, segmentIds: [gid('Segment', w.segments.s1.id)] })).toEqual(
      [],
    );
    expect(await listed({ accountId: a2, segmentIds: [gid('Segment', w.segments.s2.id)] })).toEqual(
      expected(w.items.cause2, w.items.happyDeliveryPostSale, w.items.noClass, w.items.nextMonth),
    );
  });

  it('counts dissatisfaction as detractors, low CSI or CES, negative words and complaints', async () => {
    const i = w.items;
    expect(
      await listed({
        dissatisfied: true,
        receivedFrom: '2025-03-01T00:00:00.000Z',
        receivedTo: '2025-04-01T00:00:00.000Z',
      }),
    ).toEqual(expected(i.cause1, i.cause2, i.cause3, i.noTouchpoint, i.noClass));
  });

  it('refuses a malformed, impossible, unfinished or future period with a typed error and writes nothing', async () => {
    const cases: [string, RegExp][] = [
      ['March', /YYYY-MM/],
      ['2025-13', /YYYY-MM/],
      ['2025-3', /YYYY-MM/],
      ['1999-12', /before 2000/],
      ['2026-11', /has not ended/],
      ['2027-01', /has not ended/],
    ];
    for (const [period, message] of cases) {
      await expectRefusedWithoutWrites(api, getOrm(), [Analysis, Initiative, InitiativeTask], {
        name: period,
        query: RUN,
        variables: () => ({ input: { period } }),
        code: 'BAD_USER_INPUT',
        message,
      });
    }
  });

  it('stores the Pareto with its inputs and proposes initiatives with root-cause tasks for the causes up to 80%', async () => {
    // The first run or a later one: both answer the month's analysis and its proposals.
    const data = await ok(RUN, { input: { period: WORLD_PERIOD } });
    const run = data.runParetoAnalysis;
    expect(run.analysis).toMatchObject({
      kind: 'PARETO',
      periodFrom: WORLD_PERIOD,
      periodTo: WORLD_PERIOD,
    });
    // 12 dissatisfied in March: 6 + 3 + 1 attributable, one without touchpoint, one without class.
    expect(run.analysis.inputs).toMatchObject({ dissatisfied: 12, attributed: 10, cutShare: 0.8 });
    const causes = run.analysis.result.causes as Record<string, unknown>[];
    expect(
      causes.map((c) => [
        c.processClassId,
        c.stage,
        c.segmentId,
        c.complaintClass,
        c.count,
        c.share,
        c.cumulativeShare,
        c.vital,
      ]),
    ).toEqual([
      [w.classes.delivery.id, 'USAGE', w.segments.s1.id, 'DELIVERY_DISCIPLINE', 6, 0.6, 0.6, true],
      [w.classes.spec.id, 'EVALUATION_AND_DEAL', w.segments.s2.id, 'QUALITY', 3, 0.3, 0.9, true],
      [w.classes.invoicing.id, 'POST_SALE', w.segments.s1.id, 'SERVICE', 1, 0.1, 1, false],
    ]);

    const proposed = run.proposed as any[];
    expect(
      proposed.map((p) => [p.status, p.processGroup, p.stage, p.processClass.id, p.analysis.id]),
    ).toEqual([
      ['PROPOSED', 'ANALYSE', 'USAGE', gid('ProcessClass', w.classes.delivery.id), run.analysis.id],
      [
        'PROPOSED',
        'ANALYSE',
        'EVALUATION_AND_DEAL',
        gid('ProcessClass', w.classes.spec.id),
        run.analysis.id,
      ],
    ]);
    expect(sorted(proposed[0].feedback.map((f: { id: string }) => f.id))).toEqual(
      expected(w.items.cause1),
    );
    expect(sorted(proposed[1].feedback.map((f: { id: string }) => f.id))).toEqual(
      expected(w.items.cause2),
    );
    // Internal until the CX office decides: no council sees a proposal.
    expect(proposed.map((p) => p.clientVisible)).toEqual([false, false]);
    // The linked feedback is being acted on (closing the initiative closes the loop for it).
    expect(new Set(proposed.flatMap((p) => p.feedback.map((f: any) => f.status)))).toEqual(
      new Set(['ACTIONED']),
    );
    const unlinked = await getOrm()
      .em.fork()
      .findOneOrFail(FeedbackItem, { id: w.items.cause3[0]! });
    expect(unlinked.status).toBe('ACKNOWLEDGED');
    // The class's owning department gets the task (not the touchpoint's), due in 14 days.
    const due = new Date(NOW.getTime() + 14 * DAY_MS).toISOString();
    expect(
      proposed.map((p) => p.tasks.map((t: any) => [t.department.id, t.dueAt, t.status])),
    ).toEqual([
      [[gid('Department', w.departments.logistics.id), due, 'OPEN']],
      [[gid('Department', w.departments.quality.id), due, 'OPEN']],
    ]);
    expect(proposed[0].tasks[0].title).toMatch(
      /^Find the root cause: delivery discipline in Delivery/,
    );
  });

  it('runs once per period: a second run returns the first and writes nothing', async () => {
    const first = (await ok(RUN, { input: { period: WORLD_PERIOD } })).runParetoAnalysis;
    const before = await counts();
    const second = (await ok(RUN, { input: { period: WORLD_PERIOD } })).runParetoAnalysis;
    expect(second.created).toBe(false);
    expect(second.analysis.id).toBe(first.analysis.id);
    expect(second.proposed.map((p: { id: string }) => p.id)).toEqual(
      first.proposed.map((p: { id: string }) => p.id),
    );
    expect(second.proposed).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('two runs of the same month at once store one analysis: one creates it, the other finds it', async () => {
    const period = '2024-11';
    const runs = await Promise.all([
      ok(RUN, { input: { period } }),
      ok(RUN, { input: { period } }),
    ]);
    expect(runs.map((r) => r.runParetoAnalysis.created).sort()).toEqual([false, true]);
    expect(new Set(runs.map((r) => r.runParetoAnalysis.analysis.id)).size).toBe(1);
    expect(
      await getOrm()
        .em.fork()
        .count(Analysis, { runKey: `pareto:${period}` }),
    ).toBe(1);
  });

  it('proposes nothing for a cause an open initiative already works on', async () => {
    // April holds only the spec/quality cause, which March's proposal links and works on.
    await ok(RUN, { input: { period: WORLD_PERIOD } });
    const run = (await ok(RUN, { input: { period: '2025-04' } })).runParetoAnalysis;
    expect(run.created).toBe(true);
    expect(
      (run.analysis.result.causes as { vital: boolean; count: number }[]).map((c) => [
        c.count,
        c.vital,
      ]),
    ).toEqual([[2, true]]);
    expect(run.proposed).toEqual([]);
  });

  it('shows a department only its own root-cause tasks, and council members no analysis', async () => {
    await ok(RUN, { input: { period: WORLD_PERIOD } });
    const tasks = `{ initiativeTasks(first: 100) { nodes { department { id } title } } }`;
    const logistics = viewers.department(w.departments.logistics.id);
    const seen = (await ok(tasks, {}, logistics)).initiativeTasks.nodes as {
      department: { id: string };
    }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((t) => t.department.id))).toEqual(
      new Set([gid('Department', w.departments.logistics.id)]),
    );

    const council = viewers.council([], []);
    const refused = await api.execute(`{ analyses(first: 10) { nodes { id } } }`, {}, council);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asDepartment = await api.execute(RUN, { input: { period: '2025-05' } }, logistics);
    expect(asDepartment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asManager = viewers.user(UserRole.CX_MANAGER);
    expect(
      (await ok(`{ analyses(first: 10) { totalCount } }`, {}, asManager)).analyses.totalCount,
    ).toBeGreaterThan(0);
  });
});
