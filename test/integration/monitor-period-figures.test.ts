import { beforeAll, expect, it } from 'vitest';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { PeriodFigure } from '../../server/src/modules/monitor/period-figure.entity.js';
import { recomputePeriodFigures } from '../../server/src/modules/monitor/period-figures.js';
import { addFeedback, addFigures, createAccounts } from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi } from '../helpers/graphql.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';

const AT = new Date('2026-06-10T00:00:00.000Z');

describeEachDatabase('the period figures the monitor recomputes', (getOrm) => {
  let a: ClientAccount, b: ClientAccount, c: ClientAccount;

  beforeAll(async () => {
    [a, b] = (await createAccounts(getOrm(), 2)) as [ClientAccount, ClientAccount];
    [c] = (await createAccounts(getOrm(), 1)) as [ClientAccount];
    const may = (day: number) => new Date(Date.UTC(2026, 4, day, 12));
    await addFeedback(getOrm(), [
      // a, May: NPS 10, 9, 6 → 2 promoters, 1 detractor of 3 → +33.3; CSI 80 and 70 → 75.
      { account: a, receivedAt: may(2), npsScore: 10, csiScore: 80 },
      { account: a, receivedAt: may(3), npsScore: 9 },
      { account: a, receivedAt: may(4), npsScore: 6, csiScore: 70 },
      // b, May: NPS 7 (passive) → 0; no CSI; one text-only item still counts as a response.
      { account: b, receivedAt: may(5), npsScore: 7 },
      { account: b, receivedAt: may(6) },
      // c (another segment), May: NPS 3 → −100; CSI 40.
      { account: c, receivedAt: may(7), npsScore: 3, csiScore: 40 },
      // a, April: outside May's rows.
      { account: a, receivedAt: new Date(Date.UTC(2026, 3, 30, 23)), npsScore: 0 },
    ]);
    await addFigures(getOrm(), [
      { account: a, period: '2026-05', revenue: 100, grossMargin: 20, avgDaysLate: 10 },
      { account: b, period: '2026-05', revenue: 300, grossMargin: 30, avgDaysLate: 2 },
      // c has figures in March only: a row without feedback.
      { account: c, period: '2026-03', revenue: 50, grossMargin: 5, avgDaysLate: 4 },
    ]);
    await recomputePeriodFigures(getOrm().em.fork(), '2026-03', '2026-06', AT);
  });

  const row = async (key: string) => {
    const f = await getOrm().em.fork().findOneOrFail(PeriodFigure, { id: key });
    return {
      responses: f.responses,
      npsResponses: f.npsResponses,
      nps: f.nps == null ? null : Math.round(Number(f.nps) * 10) / 10,
      csiResponses: f.csiResponses,
      csi: f.csi ?? null,
      revenue: f.revenue ?? null,
      avgDaysLate: f.avgDaysLate ?? null,
    };
  };

  it('computes NPS, CSI and payments per account and month', async () => {
    expect(await row(`A:${a.id}:2026-05`)).toEqual({
      responses: 3,
      npsResponses: 3,
      nps: 33.3,
      csiResponses: 2,
      csi: 75,
      revenue: 100,
      avgDaysLate: 10,
    });
    expect(await row(`A:${a.id}:2026-04`)).toMatchObject({
      responses: 1,
      nps: -100,
      revenue: null,
    });
    expect(await row(`A:${c.id}:2026-03`)).toEqual({
      responses: 0,
      npsResponses: 0,
      nps: null,
      csiResponses: 0,
      csi: null,
      revenue: 50,
      avgDaysLate: 4,
    });
  });

  it('adds a segment up from its accounts: NPS over all answers, days late weighted by revenue', async () => {
    // a and b: NPS answers 10, 9, 6, 7 → 2 promoters, 1 detractor of 4 → +25; CSI (80+70)/2;
    // days late (10·100 + 2·300) / 400 = 4.
    expect(await row(`S:${a.segment.id}:2026-05`)).toEqual({
      responses: 5,
      npsResponses: 4,
      nps: 25,
      csiResponses: 2,
      csi: 75,
      revenue: 400,
      avgDaysLate: 4,
    });
  });

  it('adds the company up from every account', async () => {
    // + c: NPS 3 → 2 promoters, 2 detractors of 5 → 0; CSI (80+70+40)/3.
    expect(await row('ALL:2026-05')).toEqual({
      responses: 6,
      npsResponses: 5,
      nps: 0,
      csiResponses: 3,
      csi: 190 / 3,
      revenue: 400,
      avgDaysLate: 4,
    });
  });

  it('lists the rows through the API by level, month and segment', async () => {
    const api = await createTestApi(getOrm());
    try {
      const res = await api.execute(
        `query($filter: PeriodFigureFilter!) {
          periodFigures(first: 10, filter: $filter) {
            totalCount
            nodes { period level nps revenue account { name } segment { id } }
          }
        }`,
        {
          filter: {
            level: 'ACCOUNT',
            periodFrom: '2026-04',
            periodTo: '2026-05',
            segmentId: toGlobalId('Segment', a.segment.id),
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const rows = res.data!.periodFigures;
      expect(rows.totalCount).toBe(3);
      expect(rows.nodes.map((n: any) => [n.period, n.level, n.account.name, n.revenue])).toEqual(
        expect.arrayContaining([
          ['2026-04', 'ACCOUNT', a.name, null],
          ['2026-05', 'ACCOUNT', a.name, 100],
          ['2026-05', 'ACCOUNT', b.name, 300],
        ]),
      );
      expect(rows.nodes[0].period).toBe('2026-04');
      const company = await api.execute(
        `{ periodFigures(first: 10, filter: { level: COMPANY, periodFrom: "2026-05", periodTo: "2026-05" }) {
          nodes { level nps account { id } segment { id } } } }`,
      );
      expect(company.data!.periodFigures.nodes).toEqual([
        { level: 'COMPANY', nps: 0, account: null, segment: null },
      ]);
    } finally {
      await api.stop();
    }
  });

  it('recomputes in place: a second run writes the same rows', async () => {
    const em = getOrm().em.fork();
    const before = await em.count(PeriodFigure, {});
    await recomputePeriodFigures(getOrm().em.fork(), '2026-03', '2026-06', AT);
    expect(await getOrm().em.fork().count(PeriodFigure, {})).toBe(before);
  });
});
