import { expect, it } from 'vitest';
import { ForecastService } from '../../server/src/modules/analytics/forecast/forecast.service.js';
import { SatisfactionIndex } from '../../server/src/modules/analytics/index/satisfaction-index.entity.js';
import { WeightSet } from '../../server/src/modules/value/weight-set.entity.js';
import { WeightSource } from '../../server/src/modules/value/value.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { seedIndexWorld } from '../fixtures/index-factories.js';
import { addFigures } from '../fixtures/maturity-factories.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };
/** The twelve months up to the last complete one before the forecast month 2026-06. */
const TRAILING = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 5 + i, 1));
  return d.toISOString().slice(0, 7);
});
/** Monthly gross margin per account A, B, C. */
const MONTHLY_MARGIN = [100, 200, 300];

describeEachDatabase('margin at risk: the satisfaction index as a danger rule', (getOrm) => {
  it('flags the accounts whose index-predicted NPS of the latest month before the forecast month is below CX_DANGER_NPS, and only under the current weight set', async () => {
    const orm = getOrm();
    const world = await seedIndexWorld(orm, ['2026-05'], { current: true });
    const [a, b, c] = world.accounts;
    await addFigures(
      orm,
      world.accounts.flatMap((account, i) =>
        TRAILING.map((period) => ({
          account,
          period,
          revenue: 1000,
          grossMargin: MONTHLY_MARGIN[i]!,
        })),
      ),
    );
    const em = orm.em.fork();
    const other = em.create(WeightSet, {
      version: 99_001,
      label: 'an older interview round',
      source: WeightSource.INTERVIEW,
      isCurrent: false,
    });
    const row = (
      weightSetId: string,
      accountId: string,
      period: string,
      predictedNps: number | null,
    ) =>
      em.create(SatisfactionIndex, {
        id: `${weightSetId}:${accountId}:${period}`,
        weightSet: weightSetId,
        account: accountId,
        segment: world.segment.id,
        period,
        value: 50,
        coverage: 1,
        predictedNps,
        measuredNps: null,
        npsResponses: 0,
        computedAt: NOW,
      });
    const current = world.weightSet.id;
    // A: in danger in the latest month (an older, happier month does not count).
    row(current, a.id, '2026-04', 50);
    row(current, a.id, '2026-05', -50);
    // B: above the threshold in the latest month; the forecast month itself is not "before" it.
    row(current, b.id, '2026-05', -10);
    row(current, b.id, '2026-06', -90);
    // C: no prediction under the current set; a low one under another set does not count.
    row(current, c.id, '2026-05', null);
    row(other.id, c.id, '2026-05', -80);
    await em.flush();

    const result = await domainContext(orm, AS_MONITOR)
      .service(ForecastService)
      .marginAtRisk('2026-06');

    const threshold = -30; // CX_DANGER_NPS default
    expect(result.accounts.map((x) => x.accountId)).toEqual([a.id]);
    expect(result.accounts[0]!.reasons).toEqual([
      {
        rule: 'INDEX_PREDICTED_NPS',
        label: 'NPS predicted by the satisfaction index',
        value: -50,
        threshold,
        direction: 'BELOW',
      },
    ]);
    // Twelve months of A's margin at risk, out of all three accounts' margins.
    expect(result.total.marginAtRisk).toBe(12 * 100);
    expect(result.total.margin).toBe(12 * (100 + 200 + 300));
    expect(result.total.accountsAtRisk).toBe(1);
  });
});
