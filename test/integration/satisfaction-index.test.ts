import { beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { IndexCalibrationService } from '../../server/src/modules/analytics/index/calibration.service.js';
import { SatisfactionIndexService } from '../../server/src/modules/analytics/index/index.service.js';
import { SatisfactionIndex } from '../../server/src/modules/analytics/index/satisfaction-index.entity.js';
import { ScaleAlignmentService } from '../../server/src/modules/analytics/index/alignment.service.js';
import { IndexReadService } from '../../server/src/modules/analytics/index/index-read.service.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import {
  AccountTier,
  CompanySize,
  RespondentClass,
} from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { Segment } from '../../server/src/modules/client/segment.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi } from '../helpers/graphql.js';
import { seedIndexWorld, type IndexWorld } from '../fixtures/index-factories.js';

const AT = new Date('2026-07-10T09:00:00.000Z');
const AS_SYSTEM = { viewer: { actor: 'workflow:period-monitor' }, at: AT };

describeEachDatabase('the satisfaction index read model', (getOrm) => {
  let world: IndexWorld;

  beforeAll(async () => {
    world = await seedIndexWorld(getOrm(), ['2026-06']);
    await domainContext(getOrm(), AS_SYSTEM).service(SatisfactionIndexService).recompute(1);
  });

  const rowOf = async (i: number) =>
    getOrm().em.fork().findOneOrFail(SatisfactionIndex, {
      account: world.accounts[i]!.id,
      weightSet: world.weightSet.id,
      period: '2026-06',
    });

  it('normalises each metric by direction-aware percent rank and weights the factors (hand computed)', async () => {
    // HIGHER metric 10/20/30 → percent rank 0, 0.5, 1; LOWER metric 1/2/3 → 1, 0.5, 0.
    // Index = 100 · (0.6·f₁ + 0.2·f₂) / 0.8: (0 + 0.2)/0.8 = 25, 50, (0.6 + 0)/0.8 = 75.
    const rows = await Promise.all([0, 1, 2].map(rowOf));
    expect(rows.map((r) => Number(r.value))).toEqual([25, 50, 75]);
    // Blocks: table stakes holds factor 1 only, functional factor 2 only.
    expect(rows.map((r) => Number(r.tableStakes))).toEqual([0, 50, 100]);
    expect(rows.map((r) => Number(r.functional))).toEqual([100, 50, 0]);
    expect(rows.map((r) => r.coverage)).toEqual([1, 1, 1]);
  });

  it('maps the index to NPS by the least-squares line of a never-calibrated set (hand computed)', async () => {
    // Measured NPS: (1 − 1)/2 = 0, 100, 100. Line through x = .25, .5, .75: slope 200,
    // intercept 66.67 − 100 = −33.33 → predicted 16.67, 66.67, 116.67.
    const rows = await Promise.all([0, 1, 2].map(rowOf));
    expect(rows.map((r) => r.measuredNps)).toEqual([0, 100, 100]);
    const predicted = rows.map((r) => Number(r.predictedNps));
    [50 / 3, 200 / 3, 350 / 3].forEach((p, i) => expect(predicted[i]).toBeCloseTo(p, 9));
  });

  it('drills down from the index to the factors, metrics, process classes and their weights', async () => {
    const api = await createTestApi(getOrm());
    const res = await api.execute(
      `query($id: ID!) { satisfactionIndexDrillDown(accountId: $id, period: "2026-06") {
        index { index predictedNps account { name } }
        blocks { tier score factors { factor { code } weight measured score contribution
          metrics { value normalised metric { code } processClass { code }
            department { name } } } } } }`,
      { id: toGlobalId('ClientAccount', world.accounts[0]!.id) },
    );
    expect(res.errors).toBeUndefined();
    const drill = (res.data as any).satisfactionIndexDrillDown;
    expect(drill.index.index).toBe(25);
    const factors = drill.blocks.flatMap((b: any) => b.factors);
    const byCode = new Map(factors.map((f: any) => [f.factor.code, f]));
    const [f1, f2] = world.factors.map((f) => byCode.get(f.code) as any);
    expect(f1).toMatchObject({ weight: 0.6, measured: true, score: 0, contribution: 0 });
    // 100 · 0.2 · 1 / 0.8 = 25: the contributions add up to the index.
    expect(f2).toMatchObject({ weight: 0.2, measured: true, score: 1, contribution: 25 });
    expect(f2.metrics).toEqual([
      {
        value: 1,
        normalised: 1,
        metric: { code: world.metrics[1].code },
        processClass: { code: world.metrics[1].code.replace(/-1$/, '') },
        department: { name: expect.stringMatching(/^Logistics /) },
      },
    ]);
    expect(f1.metrics[0]).toMatchObject({ processClass: null, department: null });
  });

  it('lists the index per account, ordered by index, for the CX office', async () => {
    const api = await createTestApi(getOrm());
    const res = await api.execute(
      `query($s: ID!) { satisfactionIndices(filter: { segmentId: $s, period: "2026-06" },
        orderBy: { field: INDEX, direction: DESC }, first: 10) { nodes { index } } }`,
      { s: toGlobalId('Segment', world.segment.id) },
    );
    expect(res.errors).toBeUndefined();
    expect((res.data as any).satisfactionIndices.nodes.map((n: any) => n.index)).toEqual([
      75, 50, 25,
    ]);
  });

  it("is kept current by the monitor's run (its analytics step), idempotently", async () => {
    const run = () => domainContext(getOrm(), AS_SYSTEM).service(MonitorService).run();
    const first = await run();
    expect(first.analytics.satisfactionIndex).toBeGreaterThanOrEqual(3);
    const again = await run();
    expect(again.analytics.satisfactionIndex).toBe(first.analytics.satisfactionIndex);
    expect(Number((await rowOf(2)).value)).toBe(75);
  });

  it("trends a segment's mean index, predicted NPS and NPS over all its answers (hand computed)", async () => {
    const [point, ...rest] = await domainContext(getOrm(), AS_SYSTEM)
      .service(IndexReadService)
      .trend({ periodFrom: '2026-06', periodTo: '2026-06', segmentId: world.segment.id });
    expect(rest).toEqual([]);
    expect(point).toMatchObject({ period: '2026-06', accounts: 3, index: 50 });
    // Mean of 16.67, 66.67, 116.67; answers 10, 3, 9, 9, 10: (4 − 1) / 5 = 60 %.
    expect(point!.predictedNps).toBeCloseTo(200 / 3, 9);
    expect(point!.measuredNps).toBeCloseTo(60, 9);
  });

  it("aligns each answer to its contact's own history, shrunk toward the segment (hand computed)", async () => {
    const em = getOrm().em.fork();
    const tag = Math.random().toString(36).slice(2, 8);
    const segment = em.create(Segment, {
      code: `al-${tag}`,
      name: `Alignment ${tag}`,
      industry: 'Food',
      size: CompanySize.SMALL,
    });
    // History (2026-04) and window (2026-05) answers of one contact per account.
    const plan = [
      { history: [10, 8], window: 10 },
      { history: [4, 6], window: 4 },
      { history: [7, 7], window: 9 },
    ];
    const accounts = plan.map((p, i) => {
      const account = em.create(ClientAccount, {
        name: `Al ${tag} ${i}`,
        segment,
        tier: AccountTier.SMB,
      });
      const contact = em.create(Contact, {
        account,
        name: `Contact ${i}`,
        respondentClass: RespondentClass.OPERATOR,
      });
      const answer = (score: number, at: string) =>
        em.create(FeedbackItem, {
          account,
          contact,
          channel: FeedbackChannel.SURVEY,
          npsScore: score,
          receivedAt: new Date(at),
        });
      p.history.forEach((score, k) => answer(score, `2026-04-1${k}T08:00:00.000Z`));
      answer(p.window, '2026-05-20T08:00:00.000Z');
      return account;
    });
    await em.flush();
    const result = await domainContext(getOrm(), AS_SYSTEM).service(ScaleAlignmentService).compare({
      metric: 'NPS',
      periodFrom: '2026-05',
      periodTo: '2026-05',
      historyMonths: 1,
      segmentId: segment.id,
    });
    // Segment history 10, 8, 4, 6, 7, 7: mean 7, variance (314 − 6·49)/5 = 4. With k = 2:
    // contact 1: mean (2·9 + 2·7)/4 = 8, var (1·2 + 2·4)/3 = 10/3 → z(10) = 2/√(10/3);
    // contact 2: mean 6, same var → z(4) = −2/√(10/3); contact 3: mean 7, var 8/3 → z(9) = 2/√(8/3).
    const by = new Map(result.accounts.map((a) => [a.item.accountId, a]));
    const [a1, a2, a3] = accounts.map((a) => by.get(a.id)!);
    expect(a1!.aligned).toBeCloseTo(2 / Math.sqrt(10 / 3), 9);
    expect(a2!.aligned).toBeCloseTo(-2 / Math.sqrt(10 / 3), 9);
    expect(a3!.aligned).toBeCloseTo(2 / Math.sqrt(8 / 3), 9);
    expect([a1!.raw, a2!.raw, a3!.raw]).toEqual([100, -100, 100]);
    // Raw ranks 1.5, 3, 1.5; aligned 2, 3, 1: shifts +0.5, 0, −0.5; Spearman 1.5/√3.
    expect([a1!.rankShift, a2!.rankShift, a3!.rankShift]).toEqual([0.5, 0, -0.5]);
    expect(result.spearman).toBeCloseTo(1.5 / Math.sqrt(3), 9);
    expect(result.historyFrom).toBe('2026-04');
  });

  it('gives other parts the latest index row of each account under the current set', async () => {
    const svc = domainContext(getOrm(), AS_SYSTEM).service(SatisfactionIndexService);
    const ids = world.accounts.map((a) => a.id);
    const latest = await svc.latestIndex([...ids, '00000000-0000-7000-8000-000000000000']);
    expect([...latest.keys()].sort()).toEqual([...ids].sort());
    expect(ids.map((id) => Number(latest.get(id)!.value))).toEqual([25, 50, 75]);
    expect(await svc.latestIndex([])).toEqual(new Map());
  });

  it('rejects bad calibration input with typed errors', async () => {
    const svc = () => domainContext(getOrm(), AS_SYSTEM).service(IndexCalibrationService);
    const start = world.weightSet;
    await expect(svc().fit(start, '2026-06', '2026-06', 9)).rejects.toMatchObject({
      reason: 'ROUNDS_OUT_OF_RANGE',
    });
    await expect(svc().fit(start, '2026-07', '2026-07', 2)).rejects.toMatchObject({
      reason: 'FUTURE_PERIOD',
    });
    await expect(svc().fit(start, '2026-06', '2026-05', 2)).rejects.toMatchObject({
      reason: 'INVALID_PERIOD',
    });
    await expect(svc().fit(start, '2025-01', '2025-02', 2)).rejects.toMatchObject({
      reason: 'NO_DATA_TO_FIT',
    });
    const api = await createTestApi(getOrm());
    const res = await api.execute(
      `mutation { calibrateSatisfactionIndex(input: { periodFrom: "2026-06", periodTo: "2026-06", rounds: 0 }) { rounds { round } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
