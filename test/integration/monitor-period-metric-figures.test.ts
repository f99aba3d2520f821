import { beforeAll, expect, it } from 'vitest';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import type { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import { MetricKind, MetricLayer } from '../../server/src/modules/metric/metric.enums.js';
import { PeriodFigure } from '../../server/src/modules/monitor/period-figure.entity.js';
import { PeriodMetricFigure } from '../../server/src/modules/monitor/period-metric-figure.entity.js';
import { recomputePeriodFigures } from '../../server/src/modules/monitor/period-figures.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import {
  addFigures,
  addObservations,
  createAccounts,
  createMetricDefinition,
} from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi } from '../helpers/graphql.js';
import { domainContext } from '../helpers/domain.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';

const AT = new Date('2026-06-10T00:00:00.000Z');

describeEachDatabase(
  'orders, share of wallet and computable metrics in the period figures',
  (getOrm) => {
    let a: ClientAccount, b: ClientAccount, c: ClientAccount;
    let onTime: MetricDefinition, claims: MetricDefinition, asked: MetricDefinition;

    beforeAll(async () => {
      // a and b in one segment, c in another.
      [a, b] = (await createAccounts(getOrm(), 2)) as [ClientAccount, ClientAccount];
      [c] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
      await addFigures(getOrm(), [
        {
          account: a,
          period: '2026-05',
          revenue: 100,
          grossMargin: 10,
          orderCount: 4,
          orderRegularity: 0.5,
          shareOfWallet: 0.2,
        },
        {
          account: b,
          period: '2026-05',
          revenue: 300,
          grossMargin: 30,
          orderCount: 6,
          orderRegularity: 1,
        },
        {
          account: c,
          period: '2026-05',
          revenue: 200,
          grossMargin: 20,
          orderCount: 2,
          shareOfWallet: 0.8,
        },
      ]);
      const computable = { kind: MetricKind.COMPUTABLE, layer: MetricLayer.OPERATIONAL };
      onTime = await createMetricDefinition(getOrm(), `on-time-${Math.random()}`, computable);
      claims = await createMetricDefinition(getOrm(), `claims-${Math.random()}`, computable);
      asked = await createMetricDefinition(getOrm(), `asked-${Math.random()}`);
      await addObservations(getOrm(), onTime, [
        { account: a, period: '2026-05', value: 90, sampleSize: 10 },
        { account: b, period: '2026-05', value: 80, sampleSize: 30 },
        { account: c, period: '2026-05', value: 50 },
        { account: a, period: '2026-06', value: 70, sampleSize: 4 },
        // Outside the months recomputed.
        { account: a, period: '2026-01', value: 10 },
      ]);
      await addObservations(getOrm(), claims, [
        { account: c, period: '2026-05', value: 3, sampleSize: 5 },
      ]);
      // A trigger metric is not computable: no rows.
      await addObservations(getOrm(), asked, [{ account: a, period: '2026-05', value: 9 }]);
      await recomputePeriodFigures(getOrm().em.fork(), '2026-03', '2026-06', AT);
    });

    const figure = async (key: string) => {
      const f = await getOrm().em.fork().findOneOrFail(PeriodFigure, { id: key });
      return {
        orderCount: f.orderCount ?? null,
        orderRegularity: f.orderRegularity ?? null,
        shareOfWallet: f.shareOfWallet ?? null,
      };
    };

    const metricRow = async (key: string) => {
      const f = await getOrm().em.fork().findOne(PeriodMetricFigure, { id: key });
      return f ? { value: f.value, accounts: f.accounts, sampleSize: f.sampleSize ?? null } : null;
    };

    it('keeps orders, regularity and share of wallet per account', async () => {
      expect(await figure(`A:${a.id}:2026-05`)).toEqual({
        orderCount: 4,
        orderRegularity: 0.5,
        shareOfWallet: 0.2,
      });
      expect(await figure(`A:${b.id}:2026-05`)).toEqual({
        orderCount: 6,
        orderRegularity: 1,
        shareOfWallet: null,
      });
    });

    it('sums orders and weights regularity and share of wallet by revenue, over the accounts that have them', async () => {
      // a + b: orders 4 + 6; regularity (0.5·100 + 1·300) / 400; share of wallet: a's alone.
      expect(await figure(`S:${a.segment.id}:2026-05`)).toEqual({
        orderCount: 10,
        orderRegularity: 0.875,
        shareOfWallet: 0.2,
      });
      // c: no regularity recorded.
      expect(await figure(`S:${c.segment.id}:2026-05`)).toEqual({
        orderCount: 2,
        orderRegularity: null,
        shareOfWallet: 0.8,
      });
      // Company: orders 12; regularity as in a's segment; share of wallet (0.2·100 + 0.8·200) / 300.
      const company = await figure('ALL:2026-05');
      expect(company.orderCount).toBe(12);
      expect(company.orderRegularity).toBeCloseTo(0.875, 10);
      expect(company.shareOfWallet).toBeCloseTo(0.6, 10);
    });

    it('copies the observations of computable metrics to account rows', async () => {
      expect(await metricRow(`A:${a.id}:${onTime.id}:2026-05`)).toEqual({
        value: 90,
        accounts: 1,
        sampleSize: 10,
      });
      expect(await metricRow(`A:${c.id}:${onTime.id}:2026-05`)).toEqual({
        value: 50,
        accounts: 1,
        sampleSize: null,
      });
      expect(await metricRow(`A:${a.id}:${asked.id}:2026-05`)).toBeNull();
      expect(await metricRow(`A:${a.id}:${onTime.id}:2026-01`)).toBeNull();
      const em = getOrm().em.fork();
      expect(await em.count(PeriodMetricFigure, { metric: asked.id })).toBe(0);
    });

    it('rolls a metric up per segment and company: the mean over accounts and how many', async () => {
      // a, b: (90 + 80) / 2, samples 10 + 30.
      expect(await metricRow(`S:${a.segment.id}:${onTime.id}:2026-05`)).toEqual({
        value: 85,
        accounts: 2,
        sampleSize: 40,
      });
      expect(await metricRow(`S:${c.segment.id}:${onTime.id}:2026-05`)).toEqual({
        value: 50,
        accounts: 1,
        sampleSize: null,
      });
      // a, b, c: (90 + 80 + 50) / 3 — each account counts once, whatever its sample.
      const may = await metricRow(`ALL:${onTime.id}:2026-05`);
      expect(may?.accounts).toBe(3);
      expect(may?.sampleSize).toBe(40);
      expect(may?.value).toBeCloseTo(220 / 3, 10);
      expect(await metricRow(`ALL:${onTime.id}:2026-06`)).toEqual({
        value: 70,
        accounts: 1,
        sampleSize: 4,
      });
      expect(await metricRow(`ALL:${claims.id}:2026-05`)).toEqual({
        value: 3,
        accounts: 1,
        sampleSize: 5,
      });
      // Rows: 5 account, 4 segment (on-time: 2 in May, 1 in June; claims: 1), 3 company.
      const em = getOrm().em.fork();
      expect(await em.count(PeriodMetricFigure, { metric: [onTime.id, claims.id] })).toBe(12);
    });

    it('lists the figures through the API by level, month, segment, account and metric', async () => {
      const api = await createTestApi(getOrm());
      const list = async (filter: Record<string, unknown>) => {
        const res = await api.execute(
          `query($filter: PeriodMetricFigureFilter!) {
          periodMetricFigures(first: 20, filter: $filter) {
            totalCount
            nodes {
              period level value accounts sampleSize
              metric { code } account { name } segment { id }
            }
          }
        }`,
          { filter },
        );
        expect(res.errors).toBeUndefined();
        return res.data!.periodMetricFigures;
      };
      const metricIds = [toGlobalId('MetricDefinition', onTime.id)];
      try {
        const segments = await list({
          level: 'SEGMENT',
          periodFrom: '2026-05',
          periodTo: '2026-06',
          metricIds,
        });
        expect(segments.totalCount).toBe(3);
        expect(
          segments.nodes.map((n: any) => [n.period, n.segment.id, n.value, n.accounts, n.account]),
        ).toEqual(
          expect.arrayContaining([
            ['2026-05', toGlobalId('Segment', a.segment.id), 85, 2, null],
            ['2026-05', toGlobalId('Segment', c.segment.id), 50, 1, null],
            ['2026-06', toGlobalId('Segment', a.segment.id), 70, 1, null],
          ]),
        );
        expect(segments.nodes.map((n: any) => n.period)).toEqual(['2026-05', '2026-05', '2026-06']);

        const ofSegment = await list({
          level: 'ACCOUNT',
          periodFrom: '2026-03',
          periodTo: '2026-06',
          segmentId: toGlobalId('Segment', c.segment.id),
        });
        expect(
          ofSegment.nodes.map((n: any) => [n.metric.code, n.account.name, n.value, n.sampleSize]),
        ).toEqual(
          expect.arrayContaining([
            [onTime.code, c.name, 50, null],
            [claims.code, c.name, 3, 5],
          ]),
        );
        expect(ofSegment.totalCount).toBe(2);

        const ofAccount = await list({
          level: 'ACCOUNT',
          periodFrom: '2026-06',
          periodTo: '2026-06',
          accountId: toGlobalId('ClientAccount', a.id),
        });
        expect(ofAccount.nodes).toEqual([
          {
            period: '2026-06',
            level: 'ACCOUNT',
            value: 70,
            accounts: 1,
            sampleSize: 4,
            metric: { code: onTime.code },
            account: { name: a.name },
            segment: { id: toGlobalId('Segment', a.segment.id) },
          },
        ]);

        const company = await list({
          level: 'COMPANY',
          periodFrom: '2026-05',
          periodTo: '2026-05',
          metricIds: [toGlobalId('MetricDefinition', claims.id)],
        });
        expect(company.nodes).toEqual([
          {
            period: '2026-05',
            level: 'COMPANY',
            value: 3,
            accounts: 1,
            sampleSize: 5,
            metric: { code: claims.code },
            account: null,
            segment: null,
          },
        ]);

        const figures = await api.execute(
          `{ periodFigures(first: 5, filter: { level: COMPANY, periodFrom: "2026-05", periodTo: "2026-05" }) {
          nodes { orderCount orderRegularity shareOfWallet } } }`,
        );
        expect(figures.errors).toBeUndefined();
        const [row] = figures.data!.periodFigures.nodes;
        expect(row.orderCount).toBe(12);
        expect(row.shareOfWallet).toBeCloseTo(0.6, 10);

        const reversed = await api.execute(
          `{ periodMetricFigures(first: 5, filter: { level: COMPANY, periodFrom: "2026-06", periodTo: "2026-05" }) {
          totalCount } }`,
        );
        expect(reversed.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_PERIOD',
        });
      } finally {
        await api.stop();
      }
    });

    it('recomputes in place: a second run writes the same rows', async () => {
      const before = await getOrm().em.fork().count(PeriodMetricFigure, {});
      await recomputePeriodFigures(getOrm().em.fork(), '2026-03', '2026-06', AT);
      expect(await getOrm().em.fork().count(PeriodMetricFigure, {})).toBe(before);
    });

    it("is recomputed by the monitor's run for the months it covers", async () => {
      await addObservations(getOrm(), claims, [
        { account: a, period: '2026-04', value: 2 },
        { account: b, period: '2026-04', value: 5, sampleSize: 1 },
      ]);
      const em = getOrm().em.fork();
      em.create(Department, { code: 'CX_OFFICE', name: 'CX office', isCxOffice: true });
      await em.flush();
      await domainContext(getOrm(), { viewer: { actor: 'workflow:period-monitor' }, at: AT })
        .service(MonitorService)
        .run();
      // a and b, one segment: (2 + 5) / 2 over 2 accounts.
      expect(await metricRow(`S:${a.segment.id}:${claims.id}:2026-04`)).toEqual({
        value: 3.5,
        accounts: 2,
        sampleSize: 1,
      });
      expect(await metricRow(`ALL:${claims.id}:2026-04`)).toEqual({
        value: 3.5,
        accounts: 2,
        sampleSize: 1,
      });
      expect(await metricRow(`ALL:${onTime.id}:2026-05`)).toMatchObject({ accounts: 3 });
    });
  },
);
