import { beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { ComputableShare } from '../../server/src/modules/analytics/finance/computable-share.entity.js';
import { FinanceLinkage } from '../../server/src/modules/analytics/finance/finance-linkage.entity.js';
import { FinanceMeasure } from '../../server/src/modules/analytics/finance/finance.enums.js';
import {
  FinanceService,
  type LinkageRow,
} from '../../server/src/modules/analytics/finance/finance.service.js';
import { JourneyStage } from '../../server/src/modules/journey/journey.enums.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { MetricKind, MetricLayer } from '../../server/src/modules/metric/metric.enums.js';
import {
  addFeedback,
  addFigures,
  addObservations,
  createAccounts,
  createMetricDefinition,
  type FeedbackSpec,
  type FiguresSpec,
} from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const AT = new Date('2026-06-10T00:00:00.000Z');
const AS_SYSTEM = { viewer: { actor: 'workflow:period-monitor' }, at: AT };
const at = (period: string, day = 15) =>
  new Date(`${period}-${String(day).padStart(2, '0')}T10:00:00.000Z`);

/** Five CSI scores around `mean` (±4, ±2, 0: sample variance 10) in the window. */
const fiveScores = (account: ClientAccount, mean: number): FeedbackSpec[] =>
  [-4, -2, 0, 2, 4].map((d, i) => ({
    account,
    receivedAt: at(`2026-0${i + 1}`),
    csiScore: mean + d,
  }));

/** Three months of figures at a constant margin rate, days late and share of wallet. */
const threeMonths = (
  account: ClientAccount,
  rate: number,
  daysLate: number,
  wallet: number,
): FiguresSpec[] =>
  ['2026-01', '2026-02', '2026-03'].map((period) => ({
    account,
    period,
    revenue: 100,
    grossMargin: 100 * rate,
    avgDaysLate: daysLate,
    shareOfWallet: wallet,
  }));

describeEachDatabase('the finance linkage on hand-built accounts', (getOrm) => {
  let s: ClientAccount[];
  let t: ClientAccount[];
  let rising: ClientAccount, risingAndPaying: ClientAccount;
  let rows: LinkageRow[];
  let api: TestApi;

  beforeAll(async () => {
    const orm = getOrm();
    // Segment S: mean CSI 60, 70, 80, 90.
    s = await createAccounts(orm, 4);
    // Segment T: mean CSI 50, 60, 70 — lower satisfaction AND lower margins than S.
    t = await createAccounts(orm, 3);
    rising = (await createAccounts(orm, 1))[0]!;
    risingAndPaying = (await createAccounts(orm, 1))[0]!;
    await addFeedback(orm, [
      ...s.flatMap((a, i) => fiveScores(a, 60 + 10 * i)),
      ...t.flatMap((a, i) => fiveScores(a, 50 + 10 * i)),
    ]);
    // a0's margin rate is Σ margin / Σ revenue = 100 / 500 = 0.20, not the mean of the
    // monthly rates (0.10, 0.233, 0.20 → 0.178).
    await addFigures(orm, [
      {
        account: s[0]!,
        period: '2026-01',
        revenue: 100,
        grossMargin: 10,
        avgDaysLate: 10,
        shareOfWallet: 0.2,
      },
      {
        account: s[0]!,
        period: '2026-02',
        revenue: 300,
        grossMargin: 70,
        avgDaysLate: 12,
        shareOfWallet: 0.2,
      },
      {
        account: s[0]!,
        period: '2026-03',
        revenue: 100,
        grossMargin: 20,
        avgDaysLate: 14,
        shareOfWallet: 0.2,
      },
      ...threeMonths(s[1]!, 0.22, 9, 0.32),
      ...threeMonths(s[2]!, 0.25, 7, 0.38),
      ...threeMonths(s[3]!, 0.27, 3, 0.5),
      ...threeMonths(t[0]!, 0.1, 8, 0.3),
      ...threeMonths(t[1]!, 0.13, 8, 0.3),
      ...threeMonths(t[2]!, 0.14, 8, 0.3),
    ]);
    // Two accounts whose satisfaction climbs 5 points a month over the year; the first keeps
    // paying 5 days late, the second pays a day sooner each month.
    const year = Array.from({ length: 12 }, (_, m) => {
      const month = 6 + m; // 2025-06 … 2026-05
      return `${2025 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
    });
    await addFeedback(
      orm,
      [rising, risingAndPaying].flatMap((account) =>
        year.map((period, m) => ({
          account,
          receivedAt: at(period),
          csiScore: 40 + 5 * m + (m % 2 === 0 ? -2 : 2),
        })),
      ),
    );
    await addFigures(orm, [
      ...year.map((period) => ({
        account: rising!,
        period,
        revenue: 100,
        grossMargin: 20,
        avgDaysLate: 5,
      })),
      ...year.map((period, m) => ({
        account: risingAndPaying!,
        period,
        revenue: 100,
        grossMargin: 20,
        avgDaysLate: 14 - m + (m % 2 === 0 ? 0.5 : -0.5),
      })),
    ]);
    rows = (
      await domainContext(orm, AS_SYSTEM)
        .service(FinanceService)
        .linkage({ periodFrom: '2025-06', periodTo: '2026-05' })
    ).rows;
    api = await createTestApi(orm, {}, { now: async () => AT.getTime() });
    return () => api.stop();
  });

  const row = (segmentId: string | null, measure: FinanceMeasure) =>
    rows.find((r) => r.segmentId === segmentId && r.measure === measure)!;

  it('regresses margin rate (Σ margin / Σ revenue) on mean CSI per segment: hand-computed slope, intercept, r', () => {
    // x = 60, 70, 80, 90 (x̄ 75), y = 0.20, 0.22, 0.25, 0.27 (ȳ 0.235):
    // Sxy = 15·0.035·2 + 5·0.015·2 = 1.2, Sxx = 500, Syy = 0.0029.
    const r = row(s[0]!.segment.id, FinanceMeasure.GROSS_MARGIN_RATE);
    expect(r.n).toBe(4);
    expect(r.slope).toBeCloseTo(1.2 / 500, 10);
    expect(r.intercept!).toBeCloseTo(0.235 - (1.2 / 500) * 75, 10);
    expect(r.r).toBeCloseTo(1.2 / Math.sqrt(500 * 0.0029), 10);
    expect(r.meanMeasure).toBeCloseTo(0.235, 10);
    // Residual variance: (Syy − slope·Sxy) / 2; SE = √(that / Sxx).
    const se = Math.sqrt((0.0029 - (1.2 / 500) * 1.2) / 2 / 500);
    expect(r.slopeSe).toBeCloseTo(se, 10);
    // Reliability: each mean's squared error is 10 / 5 = 2; the means vary by 500 / 3.
    expect(r.reliability!).toBeCloseTo(1 - 2 / (500 / 3), 10);
    expect(r.correctedSlope!).toBeCloseTo(1.2 / 500 / (1 - 2 / (500 / 3)), 10);
  });

  it('regresses days late and share of wallet on mean CSI (hand-computed slopes)', () => {
    // Days late (mean of months): 12, 9, 7, 3 → ȳ 7.75, Sxy = −145.
    expect(row(s[0]!.segment.id, FinanceMeasure.DAYS_LATE).slope).toBeCloseTo(-145 / 500, 10);
    // Share of wallet: 0.2, 0.32, 0.38, 0.5 → Sxy = 4.8.
    expect(row(s[0]!.segment.id, FinanceMeasure.SHARE_OF_WALLET).slope).toBeCloseTo(4.8 / 500, 10);
  });

  it('pools segments with one intercept each: within-segment sums added, not the raw points', () => {
    // T: x 50, 60, 70; y 0.10, 0.13, 0.14 → Sxy = 0.4, Sxx = 200. Pooled: (1.2 + 0.4) / 700.
    const pooled = row(null, FinanceMeasure.GROSS_MARGIN_RATE);
    expect(pooled.slope).toBeCloseTo(1.6 / 700, 10);
    expect(pooled.intercept).toBeNull();
    // 9 accounts in 4 segments (the two rising accounts alone in theirs): df = 9 − 4 − 1.
    expect(pooled.n).toBe(9);
  });

  it('lists the account whose satisfaction rises while it pays no better, not the one that pays sooner', async () => {
    const service = domainContext(getOrm(), AS_SYSTEM).service(FinanceService);
    for (const account of [rising, risingAndPaying]) {
      const report = await service.linkage({
        periodFrom: '2025-06',
        periodTo: '2026-05',
        segmentId: account.segment.id,
      });
      expect(report.divergent.map((d) => d.accountId)).toEqual(
        account === rising ? [rising.id] : [],
      );
    }
  });

  it('stores the default window as the snapshot the queries read, the same figures as computed', async () => {
    const service = domainContext(getOrm(), AS_SYSTEM).service(FinanceService);
    // CSI rows for S, T and pooled × 3 measures (no NPS scores here, so no NPS rows).
    expect(await service.recompute()).toBeGreaterThan(0);
    const fresh = domainContext(getOrm(), AS_SYSTEM).service(FinanceService);
    const snapshot = await fresh.linkage({});
    expect(snapshot.fromSnapshot).toBe(true);
    expect([snapshot.periodFrom, snapshot.periodTo]).toEqual(['2025-06', '2026-05']);
    const key = (r: LinkageRow) => `${r.segmentId ?? ''}:${r.measure}`;
    const strip = (list: LinkageRow[]) =>
      list
        .map(({ computedAt: _c, ...r }) => r)
        .sort((x, y) => key(x as LinkageRow).localeCompare(key(y as LinkageRow)));
    expect(strip(snapshot.rows)).toEqual(strip(rows));
    expect(snapshot.divergent.map((d) => d.accountId)).toEqual([rising.id]);
  });

  it('serves the CX office through GraphQL, with typed errors for bad windows', async () => {
    const query = `query($input: FinanceLinkageInput) { financeLinkage(input: $input) {
      periodFrom periodTo fromSnapshot satisfactionMetric
      rows { pooled measure n slope slopeLow slopeHigh pValue segment { code } }
      divergentAccounts { account { id } satisfactionPerMonth daysLatePerMonth } } }`;
    const ok = await api.execute(query, {
      input: {
        periodFrom: '2025-06',
        periodTo: '2026-05',
        segmentId: toGlobalId('Segment', rising.segment.id),
      },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.financeLinkage.divergentAccounts).toEqual([
      expect.objectContaining({ account: { id: toGlobalId('ClientAccount', rising.id) } }),
    ]);
    const sRows = await api.execute(query, {
      input: {
        periodFrom: '2026-01',
        periodTo: '2026-05',
        segmentId: toGlobalId('Segment', s[0]!.segment.id),
      },
    });
    expect(sRows.data!.financeLinkage.rows).toHaveLength(3);
    expect(sRows.data!.financeLinkage.fromSnapshot).toBe(false);

    const refused = async (input: Record<string, unknown>) => {
      const res = await api.execute(query, { input });
      return res.errors?.map((e) => [e.extensions?.code, e.extensions?.reason ?? null]);
    };
    expect(await refused({ periodFrom: '2026-05', periodTo: '2026-01' })).toEqual([
      ['BAD_USER_INPUT', 'INVALID_WINDOW'],
    ]);
    expect(await refused({ periodFrom: '2026-01' })).toEqual([
      ['BAD_USER_INPUT', 'INVALID_WINDOW'],
    ]);
    // June 2026 is not complete on 10 June.
    expect(await refused({ periodFrom: '2026-01', periodTo: '2026-06' })).toEqual([
      ['BAD_USER_INPUT', 'INVALID_WINDOW'],
    ]);
    expect(await refused({ periodFrom: '0000-01', periodTo: '0000-12' })).toEqual([
      ['BAD_USER_INPUT', 'INVALID_WINDOW'],
    ]);
    expect(await refused({ periodFrom: '2020-01', periodTo: '2026-05' })).toEqual([
      ['BAD_USER_INPUT', 'INVALID_WINDOW'],
    ]);
    expect((await refused({ periodFrom: '2026-13', periodTo: '2026-05' }))?.[0]?.[0]).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await refused({ segmentId: toGlobalId('Segment', '00000000-0000-7000-8000-000000000000') }),
    ).toEqual([['NOT_FOUND', 'SEGMENT_NOT_FOUND']]);
  });
});

describeEachDatabase('the computable vs trigger share on hand-built observations', (getOrm) => {
  let segmentId: string;

  beforeAll(async () => {
    const orm = getOrm();
    const accounts = await createAccounts(orm, 2);
    segmentId = accounts[0]!.segment.id;
    const computable = { kind: MetricKind.COMPUTABLE, layer: MetricLayer.OPERATIONAL };
    const otif = await createMetricDefinition(orm, `otif-${Math.random()}`, computable);
    const docs = await createMetricDefinition(orm, `docs-${Math.random()}`, computable);
    const rating = await createMetricDefinition(orm, `rating-${Math.random()}`);
    const noStage = await createMetricDefinition(orm, `loose-${Math.random()}`);
    const em = orm.em.fork();
    await em.nativeUpdate(
      MetricDefinition,
      { id: { $in: [otif.id, docs.id, rating.id] } },
      { stage: JourneyStage.USAGE },
    );
    const [a, b] = accounts as [ClientAccount, ClientAccount];
    // USAGE, 2026-03: rating for a and b, OTIF for a → 1 of 3 observations computable, 1 of 2 metrics.
    // 2026-04: rating for a, OTIF for a and b → 2 of 3, 1 of 2 metrics.
    // 2026-05: OTIF and docs for a and b, rating for a → 4 of 5, 2 of 3 metrics.
    await addObservations(orm, rating, [
      { account: a, period: '2026-03', value: 4 },
      { account: b, period: '2026-03', value: 4 },
      { account: a, period: '2026-04', value: 4 },
      { account: a, period: '2026-05', value: 4 },
    ]);
    await addObservations(orm, otif, [
      { account: a, period: '2026-03', value: 90 },
      { account: a, period: '2026-04', value: 90 },
      { account: b, period: '2026-04', value: 90 },
      { account: a, period: '2026-05', value: 90 },
      { account: b, period: '2026-05', value: 90 },
    ]);
    await addObservations(orm, docs, [
      { account: a, period: '2026-05', value: 1 },
      { account: b, period: '2026-05', value: 1 },
    ]);
    // A metric of no stage: its own series; and an observation outside the window.
    await addObservations(orm, noStage, [
      { account: a, period: '2026-05', value: 1 },
      { account: a, period: '2024-01', value: 1 },
    ]);
  });

  it('counts observations and distinct metrics per month × segment × stage and fits the trend', async () => {
    const series = await domainContext(getOrm(), AS_SYSTEM)
      .service(FinanceService)
      .shares({ segmentId, stages: [JourneyStage.USAGE] });
    expect(series).toHaveLength(1);
    const usage = series[0]!;
    expect(usage.points.map((p) => [p.period, p.computableShare, p.computableMetricShare])).toEqual(
      [
        ['2026-03', 1 / 3, 1 / 2],
        ['2026-04', 2 / 3, 1 / 2],
        ['2026-05', 4 / 5, 2 / 3],
      ],
    );
    // Least squares of 1/3, 2/3, 4/5 on 0, 1, 2: slope = (4/5 − 1/3) / 2.
    expect(usage.sharePerMonth!).toBeCloseTo((4 / 5 - 1 / 3) / 2, 10);
  });

  it('keeps metrics of no stage in a series of their own', async () => {
    const series = await domainContext(getOrm(), AS_SYSTEM)
      .service(FinanceService)
      .shares({ segmentId });
    const loose = series.find((s) => s.stage === null)!;
    expect(loose.points.map((p) => [p.period, p.triggerObservations, p.computableShare])).toEqual([
      ['2026-05', 1, 0],
    ]);
  });

  it('writes the read model from the monitor step, idempotently, and serves it through GraphQL', async () => {
    const service = domainContext(getOrm(), AS_SYSTEM).service(FinanceService);
    const first = await service.recompute();
    const second = await service.recompute();
    expect(second).toBe(first);
    const em = getOrm().em.fork();
    expect(await em.count(ComputableShare, { segment: segmentId })).toBe(4);
    expect(await em.count(FinanceLinkage, {})).toBe(0); // no scores, no linkage
    const api = await createTestApi(getOrm(), {}, { now: async () => AT.getTime() });
    try {
      const res = await api.execute(
        `query($input: ComputableShareInput) { computableShare(input: $input) {
          stage rising sharePerMonth segment { id } points { period computableShare } } }`,
        { input: { segmentId: toGlobalId('Segment', segmentId), stages: ['USAGE'] } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.computableShare).toEqual([
        expect.objectContaining({
          stage: 'USAGE',
          segment: { id: toGlobalId('Segment', segmentId) },
          points: [
            { period: '2026-03', computableShare: 1 / 3 },
            { period: '2026-04', computableShare: 2 / 3 },
            { period: '2026-05', computableShare: 4 / 5 },
          ],
        }),
      ]);
    } finally {
      await api.stop();
    }
  });
});
