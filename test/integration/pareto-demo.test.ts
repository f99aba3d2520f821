import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel, Sentiment } from '../../server/src/modules/feedback/feedback.enums.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { Analysis } from '../../server/src/modules/initiative/analysis.entity.js';
import {
  AnalysisKind,
  InitiativeStatus,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const LOAD_TIMEOUT_MS = 120_000;

const RUN = `mutation($input: RunParetoAnalysisInput!) { runParetoAnalysis(input: $input) {
  created analysis { result inputs } proposed { id feedback { id } tasks { department { id } dueAt } }
} }`;

/** The method's dissatisfaction, written out here from DOMAIN.md and the README, not imported. */
function dissatisfied(f: FeedbackItem): boolean {
  return (
    f.sentiment === Sentiment.NEGATIVE ||
    f.channel === FeedbackChannel.COMPLAINT ||
    (f.npsScore != null && f.npsScore <= 6) ||
    (f.csiScore != null && Number(f.csiScore) < 60) ||
    (f.cesScore != null && Number(f.cesScore) <= 3)
  );
}

const keyOf = (f: FeedbackItem) =>
  [f.complaintClass, f.touchpoint!.processClass.id, f.touchpoint!.stage, f.account.segment.id].join(
    '|',
  );

interface Cause {
  complaintClass: string;
  processClassId: string;
  stage: string;
  segmentId: string;
  count: number;
  vital: boolean;
}
const causeKey = (c: Cause) => [c.complaintClass, c.processClassId, c.stage, c.segmentId].join('|');

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describeEachDatabase('the Pareto of the demo company’s dissatisfaction', (getOrm) => {
  let api: TestApi;

  beforeAll(async () => {
    await loadDemo(getOrm(), { seed: 1, scale: 0.2, now: NOW });
    api = await createTestApi(getOrm(), {}, { now: () => Promise.resolve(NOW.getTime()) });
  }, LOAD_TIMEOUT_MS);
  afterAll(() => api?.stop());

  /** The test's own count of a month's attributable dissatisfaction, per cause, item by item. */
  async function countByHand(month: string) {
    const from = new Date(`${month}-01T00:00:00.000Z`);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const em = getOrm().em.fork();
    const items = await em.find(
      FeedbackItem,
      { receivedAt: { $gte: from, $lt: to } },
      { populate: ['touchpoint', 'account'] },
    );
    const byCause = new Map<string, string[]>();
    const unhappy = items.filter(dissatisfied);
    for (const f of unhappy) {
      if (!f.complaintClass || !f.touchpoint) continue;
      byCause.set(keyOf(f), [...(byCause.get(keyOf(f)) ?? []), f.id].sort());
    }
    const attributable = sum([...byCause.values()].map((ids) => ids.length));
    return { byCause, attributable, unhappy: unhappy.length };
  }

  /** Causes open initiatives already work on: they link feedback of the cause. */
  async function causesInWork(): Promise<Set<string>> {
    const open = await getOrm()
      .em.fork()
      .find(
        Initiative,
        { status: { $nin: [InitiativeStatus.CLOSED, InitiativeStatus.CANCELLED] } },
        { populate: ['feedback', 'feedback.touchpoint', 'feedback.account'] },
      );
    return new Set(
      open.flatMap((i) =>
        i.feedback
          .getItems()
          .filter((f) => f.complaintClass && f.touchpoint)
          .map(keyOf),
      ),
    );
  }

  async function runFor(month: string) {
    const res = await api.execute(RUN, { input: { period: month } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const run = res.data!.runParetoAnalysis;
    return {
      causes: run.analysis.result.causes as Cause[],
      inputs: run.analysis.inputs as { dissatisfied: number; attributed: number },
      proposed: run.proposed as { feedback: { id: string }[]; tasks: unknown[] }[],
    };
  }

  /** The cause whose items a proposal links: exactly the items the test counted for it. */
  function causeOfProposal(byCause: Map<string, string[]>, feedbackGids: string[]): string {
    const ids = feedbackGids.map((g) => fromGlobalId(g, 'FeedbackItem')).sort();
    const match = [...byCause.entries()].find(([, items]) => items.join() === ids.join());
    expect(match, 'a proposal links exactly the dissatisfied items of one cause').toBeDefined();
    return match![0];
  }

  it('counts every cause as the test does and cuts where the causes make up 80%', async () => {
    const month = '2026-05';
    const hand = await countByHand(month);
    const { causes, inputs } = await runFor(month);
    expect(inputs).toMatchObject({ dissatisfied: hand.unhappy, attributed: hand.attributable });
    expect(new Map(causes.map((c) => [causeKey(c), c.count]))).toEqual(
      new Map([...hand.byCause].map(([k, ids]) => [k, ids.length])),
    );
    // The demo's own analysis of the month (as the schedule would have recorded it) agrees.
    const demo = await getOrm().em.fork().findOneOrFail(Analysis, {
      kind: AnalysisKind.PARETO,
      periodFrom: month,
      periodTo: month,
      runKey: null,
    });
    expect(
      new Map((demo.result as { causes: Cause[] }).causes.map((c) => [causeKey(c), c.count])),
    ).toEqual(new Map(causes.map((c) => [causeKey(c), c.count])));
    const vital = causes.filter((c) => c.vital);
    const rest = causes.filter((c) => !c.vital);
    const covered = sum(vital.map((c) => c.count));
    // At least 80%, and no vital cause to spare: without the smallest one it is under 80%.
    expect(covered / hand.attributable).toBeGreaterThanOrEqual(0.8);
    expect((covered - Math.min(...vital.map((c) => c.count))) / hand.attributable).toBeLessThan(
      0.8,
    );
    expect(Math.min(...vital.map((c) => c.count))).toBeGreaterThanOrEqual(
      Math.max(0, ...rest.map((c) => c.count)),
    );
  });

  it('proposes one initiative per vital cause nobody works on yet, each with a root-cause task', async () => {
    const month = '2026-04';
    const hand = await countByHand(month);
    const inWork = await causesInWork();
    const { causes, proposed } = await runFor(month);
    const vital = causes.filter((c) => c.vital).map(causeKey);
    const proposedCauses = proposed.map((p) =>
      causeOfProposal(
        hand.byCause,
        p.feedback.map((f) => f.id),
      ),
    );
    expect(proposedCauses.some((k) => inWork.has(k))).toBe(false);
    expect(new Set(proposedCauses)).toEqual(new Set(vital.filter((k) => !inWork.has(k))));
    expect(proposed.every((p) => p.tasks.length === 1)).toBe(true);
    // Proposed now or in work already, the vital causes make up at least 80%.
    const share = sum(vital.map((k) => hand.byCause.get(k)!.length)) / hand.attributable;
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  it('with nothing in work yet, proposes initiatives whose causes add up to at least 80% of dissatisfaction', async () => {
    // The demo's own initiatives set aside, so every vital cause needs a proposal.
    await getOrm()
      .em.fork()
      .nativeUpdate(
        Initiative,
        { status: { $nin: [InitiativeStatus.CLOSED, InitiativeStatus.CANCELLED] } },
        { status: InitiativeStatus.CANCELLED },
      );
    const month = '2026-03';
    const hand = await countByHand(month);
    const { proposed } = await runFor(month);
    const linked = proposed.map((p) =>
      causeOfProposal(
        hand.byCause,
        p.feedback.map((f) => f.id),
      ),
    );
    expect(new Set(linked).size).toBe(linked.length);
    const share = sum(linked.map((k) => hand.byCause.get(k)!.length)) / hand.attributable;
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
