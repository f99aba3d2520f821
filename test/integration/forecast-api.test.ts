import { beforeAll, expect, it } from 'vitest';
import { AccountForecast } from '../../server/src/modules/analytics/forecast/account-forecast.entity.js';
import {
  forecastStep,
  NPS_FORECAST,
} from '../../server/src/modules/analytics/forecast/forecast.step.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { MetricObservation } from '../../server/src/modules/metric/metric-observation.entity.js';
import { recomputePeriodFigures } from '../../server/src/modules/monitor/period-figures.js';
import {
  addFeedback,
  addFigures,
  createAccounts,
  type FeedbackSpec,
  type FiguresSpec,
} from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi } from '../helpers/graphql.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
/** The 12 complete months before NOW. */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2025, 5 + i, 1)).toISOString().slice(0, 7),
);
/** What the monitor's activity acts as: a workflow, which reads every row. */
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };
const N = 24;
/** Account i's satisfaction level, −1…1 in six steps. */
const level = (i: number) => ((i % 6) - 2.5) / 2.5;
/** The least satisfied accounts (i % 6 = 0) stop buying: their last month with figures. */
const lastMonth = (i: number) => (i % 6 === 0 ? 4 + i / 6 : 11);
const margin = (i: number) => 100 * (i + 1);

describeEachDatabase('forecasts and margin at risk', (getOrm) => {
  let accounts: ClientAccount[];
  /** An account of another segment, with no history (so no forecast). */
  let stranger: ClientAccount;
  /** What the monitor's forecast step answered on its run over the fixture. */
  let written: number;

  beforeAll(async () => {
    accounts = await createAccounts(getOrm(), N);
    [stranger] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    const feedback: FeedbackSpec[] = [];
    const figures: FiguresSpec[] = [];
    accounts.forEach((account, i) => {
      MONTHS.forEach((period, m) => {
        if (m > lastMonth(i)) return;
        const base = Math.round(7 + 2.5 * level(i)) + (((i + m) % 3) - 1);
        [base - 1, base, base + 1, base].forEach((score, k) =>
          feedback.push({
            account,
            receivedAt: new Date(`${period}-${String(3 + 5 * k).padStart(2, '0')}T10:00:00Z`),
            npsScore: Math.min(10, Math.max(0, score)),
            csiScore: 70 + 15 * level(i),
          }),
        );
        figures.push({
          account,
          period,
          revenue: 10 * margin(i),
          grossMargin: margin(i),
          avgDaysLate: 8 - 5 * level(i),
          orderRegularity: 0.8 + 0.1 * level(i),
          shareOfWallet: 0.35 + 0.1 * level(i),
        });
      });
    });
    await addFeedback(getOrm(), feedback);
    await addFigures(getOrm(), figures);
    await recomputePeriodFigures(getOrm().em.fork(), MONTHS[0]!, '2026-06', NOW);
    written = await forecastStep.run(domainContext(getOrm(), AS_MONITOR));
  });

  const live = (m: number) => accounts.filter((_, i) => lastMonth(i) >= m);

  it('forecasts every live account for the current month and records the NPS forecasts', async () => {
    // Live in May 2026 (the last complete month): all but the four that stopped earlier.
    expect(written).toBe(live(11).length);
    expect(written).toBe(N - 4);
    const em = getOrm().em.fork();
    const forecasts = await em.find(AccountForecast, {}, { orderBy: { id: 'asc' } });
    expect(forecasts.map((f) => [f.period, f.basePeriod])).toEqual(
      Array(written).fill(['2026-06', '2026-05']),
    );
    const observations = await em.find(MetricObservation, {
      metric: { code: NPS_FORECAST },
      period: '2026-06',
    });
    const byAccount = new Map(observations.map((o) => [o.account.id, Number(o.value)]));
    for (const f of forecasts) {
      expect(byAccount.get(f.account.id)).toBeCloseTo(Number(f.predictedNps), 9);
      expect(f.npsSignals).toHaveLength(3);
      expect(f.churnSignals).toHaveLength(3);
    }
    // The most satisfied accounts (level 1) are forecast a higher NPS than the least satisfied
    // live ones (level −0.6): their planted answers are 9–10 against 5–7.
    const mean = (pick: (i: number) => boolean) => {
      const ids = new Set(accounts.filter((_, i) => pick(i)).map((a) => a.id));
      const xs = forecasts.filter((f) => ids.has(f.account.id)).map((f) => Number(f.predictedNps));
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean((i) => i % 6 === 5)).toBeGreaterThan(mean((i) => i % 6 === 1) + 30);
  });

  it('records the missing forecasts of the 3 previous months, each from the months before it only', async () => {
    const em = getOrm().em.fork();
    for (const [period, m] of [
      ['2026-03', 8],
      ['2026-04', 9],
      ['2026-05', 10],
    ] as const) {
      // Forecast for `period` from the accounts live in the month before it (index m).
      expect(await em.count(MetricObservation, { metric: { code: NPS_FORECAST }, period })).toBe(
        live(m).length,
      );
    }
  });

  it('writes the same forecasts again on a rerun (idempotent)', async () => {
    const em = getOrm().em.fork();
    const before = await em.find(AccountForecast, {}, { orderBy: { id: 'asc' } });
    const observations = await em.count(MetricObservation, { metric: { code: NPS_FORECAST } });
    await forecastStep.run(domainContext(getOrm(), AS_MONITOR));
    const after = await getOrm()
      .em.fork()
      .find(AccountForecast, {}, { orderBy: { id: 'asc' } });
    expect(after.map((f) => [f.id, Number(f.predictedNps), Number(f.churnRisk)])).toEqual(
      before.map((f) => [f.id, Number(f.predictedNps), Number(f.churnRisk)]),
    );
    expect(
      await getOrm()
        .em.fork()
        .count(MetricObservation, { metric: { code: NPS_FORECAST } }),
    ).toBe(observations);
  });

  it('lists forecasts by churn risk, filters the danger zone and totals the margin at risk', async () => {
    const api = await createTestApi(getOrm(), {}, { now: async () => NOW.getTime() });
    try {
      const res = await api.execute(
        `query($segment: ID, $other: ID) {
        accountForecasts(first: 100) {
          totalCount
          nodes { period predictedNps churnRisk inDanger account { id name } churnSignals { signal contribution } }
        }
        danger: accountForecasts(first: 100, dangerOnly: true) { totalCount }
        bySegment: accountForecasts(first: 100, segmentId: $segment, sort: PREDICTED_NPS_ASC) {
          totalCount nodes { predictedNps }
        }
        otherSegment: accountForecasts(first: 100, segmentId: $other) { totalCount }
        marginAtRisk {
          period lastMonth dangerNps dangerChurnRisk
          total { accounts accountsAtRisk margin marginAtRisk }
          segments { accounts margin marginAtRisk segment { id } }
          accounts { margin reasons { rule value threshold } account { name } }
        }
      }`,
        {
          segment: toGlobalId('Segment', accounts[0]!.segment.id),
          other: toGlobalId('Segment', stranger.segment.id),
        },
      );
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.accountForecasts.nodes as {
        churnRisk: number;
        predictedNps: number;
        inDanger: boolean;
        account: { name: string };
      }[];
      expect(res.data!.accountForecasts.totalCount).toBe(N - 4);
      // Every fixture account is in one segment; sorted by predicted NPS, lowest first.
      const bySegment = res.data!.bySegment.nodes.map(
        (n: { predictedNps: number }) => n.predictedNps,
      );
      expect(res.data!.bySegment.totalCount).toBe(N - 4);
      expect(res.data!.otherSegment.totalCount).toBe(0);
      expect(bySegment).toEqual([...bySegment].sort((x, y) => x - y));
      const risks = nodes.map((n) => n.churnRisk);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      // Danger: predicted NPS below −30 or churn risk from 20% (the defaults).
      const inDanger = nodes.filter((n) => n.predictedNps < -30 || n.churnRisk >= 0.2);
      expect(inDanger.length).toBeGreaterThan(0);
      expect(inDanger.length).toBeLessThan(nodes.length);
      expect(nodes.filter((n) => n.inDanger)).toEqual(inDanger);
      expect(res.data!.danger.totalCount).toBe(inDanger.length);

      // The margin of the trailing 12 months (June 2025 – May 2026) from the fixture, by hand.
      const mar = res.data!.marginAtRisk;
      const monthsOf = (i: number) => lastMonth(i) + 1;
      const total = accounts.reduce((s, _, i) => s + margin(i) * monthsOf(i), 0);
      const names = new Set(inDanger.map((n) => n.account.name));
      const atRisk = accounts.reduce(
        (s, a, i) => s + (names.has(a.name) ? margin(i) * monthsOf(i) : 0),
        0,
      );
      expect(mar).toMatchObject({ period: '2026-06', lastMonth: '2026-05', dangerNps: -30 });
      expect(mar.total).toEqual({
        accounts: N,
        accountsAtRisk: inDanger.length,
        margin: total,
        marginAtRisk: atRisk,
      });
      expect(mar.segments).toHaveLength(1);
      expect(mar.segments[0].marginAtRisk).toBe(atRisk);
      expect(mar.accounts.map((a: { account: { name: string } }) => a.account.name).sort()).toEqual(
        [...names].sort(),
      );
    } finally {
      await api.stop();
    }
  });

  it('evaluates on held-out months and refuses bad input with typed errors', async () => {
    const api = await createTestApi(getOrm(), {}, { now: async () => NOW.getTime() });
    try {
      const ok = await api.execute(`{ forecastEvaluation(holdoutMonths: 5) {
        trainedUpTo heldOutFrom heldOutTo nps { n modelMae naiveMae } churn { n positives } } }`);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.forecastEvaluation).toMatchObject({
        trainedUpTo: '2025-12',
        heldOutFrom: '2026-01',
        heldOutTo: '2026-05',
      });
      // Churn rows scored: live accounts in Jan and Feb 2026 (the months whose 3 following
      // months are known); positives: those without figures 3 months later.
      const rows = [7, 8].flatMap((m) =>
        accounts.filter((_, i) => lastMonth(i) >= m).map((_, k) => k),
      );
      const positives = [7, 8].reduce(
        (s, m) => s + accounts.filter((_, i) => lastMonth(i) >= m && lastMonth(i) < m + 3).length,
        0,
      );
      expect(ok.data!.forecastEvaluation.churn).toEqual({ n: rows.length, positives });

      const reasons = async (query: string) =>
        (await api.execute(query)).errors?.map(
          (e) => `${e.extensions?.code}/${e.extensions?.reason}`,
        );
      expect(await reasons('{ forecastEvaluation(holdoutMonths: 2) { heldOutFrom } }')).toEqual([
        'BAD_USER_INPUT/INVALID_HOLDOUT',
      ]);
      expect(
        await reasons('{ accountForecasts(first: 5, period: "2026-13") { totalCount } }'),
      ).toEqual(['BAD_USER_INPUT/INVALID_PERIOD']);
      expect(await reasons('{ marginAtRisk(period: "June") { period } }')).toEqual([
        'BAD_USER_INPUT/INVALID_PERIOD',
      ]);
    } finally {
      await api.stop();
    }
  });
});
