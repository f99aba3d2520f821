import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { churnProbability } from '../../server/src/demo/model.js';
import { AccountForecast } from '../../server/src/modules/analytics/forecast/account-forecast.entity.js';
import type { HoldoutReport } from '../../server/src/modules/analytics/forecast/forecast.evaluation.js';
import { ForecastService } from '../../server/src/modules/analytics/forecast/forecast.service.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { AccountStatus } from '../../server/src/modules/client/client.enums.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import { evaluateMaturity } from '../../server/src/modules/maturity/maturity.evaluator.js';
import { DEFAULT_MATURITY_THRESHOLDS } from '../../server/src/modules/maturity/maturity.thresholds.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { createTestOrm } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
/** What the monitor's activity acts as: a workflow, which reads every row. */
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };
/** Two generations of the full-size demo company (300 accounts each). */
const SEEDS = [11, 12];

interface Outcome {
  report: HoldoutReport;
  forecasts: number;
  liveAccounts: number;
  criterion: { met: boolean; figure: string };
  marginShare: number | null;
  margin: { accounts: number; accountsAtRisk: number; margin: number; marginAtRisk: number };
  reasons: Record<string, number>;
  churned: number;
}

const outcomes: Outcome[] = [];
const dbs: Awaited<ReturnType<typeof createTestOrm>>[] = [];

beforeAll(async () => {
  for (const seed of SEEDS) {
    const db = await createTestOrm('sqlite');
    dbs.push(db);
    await loadDemo(db.orm, { seed, scale: 1, now: NOW });
    // The monitor recomputes the period figures, then the analytics steps (the forecasts).
    const run = await domainContext(db.orm, AS_MONITOR).service(MonitorService).run();
    const service = domainContext(db.orm, AS_MONITOR).service(ForecastService);
    // Train on 2025-06…2025-12, score the five held-out months 2026-01…2026-05.
    const report = await service.evaluation(5);
    const margin = await service.marginAtRisk();
    const groups = await evaluateMaturity(db.orm.em.fork(), NOW, DEFAULT_MATURITY_THRESHOLDS);
    const criterion = groups
      .find((g) => g.processGroup === ProcessGroup.ANALYSE)!
      .criteria.find((c) => c.code === 'ANALYSE_FORECASTS_BEAT_NAIVE')!;
    const em = db.orm.em.fork();
    outcomes.push({
      report,
      forecasts: run.analytics.forecasts ?? 0,
      liveAccounts: await em.count(AccountForecast, { period: '2026-06' }),
      criterion,
      marginShare: margin.total.shareAtRisk,
      margin: margin.total,
      reasons: margin.accounts
        .flatMap((a) => a.reasons.map((r) => r.rule))
        .reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {}),
      churned: await em.count(ClientAccount, { status: AccountStatus.CHURNED }),
    });
  }
}, 400_000);

afterAll(async () => {
  for (const db of dbs) await db.dispose();
});

it('plants churn that falls with satisfaction, about 8–10% of accounts', () => {
  // The planted probability at −1, 0 and +1 sd, from the formula in model.ts.
  expect(churnProbability(-1)).toBeCloseTo(1 / (1 + Math.exp(3.1 - 1.5)), 12);
  expect(churnProbability(-1)).toBeGreaterThan(3 * churnProbability(0));
  expect(churnProbability(1)).toBeLessThan(churnProbability(0) / 3);
  for (const o of outcomes) {
    expect(o.churned).toBeGreaterThanOrEqual(15);
    expect(o.churned).toBeLessThanOrEqual(40);
  }
});

it('forecasts next month’s account NPS closer than the naive last value on held-out months', () => {
  console.info('forecast evaluation on the demo', JSON.stringify(outcomes, null, 1));
  for (const { report } of outcomes) {
    expect(report.trainedUpTo).toBe('2025-12');
    expect(report.nps!.n).toBeGreaterThan(500);
    expect(report.nps!.modelMae).toBeLessThan(report.nps!.naiveMae);
    expect(report.nps!.modelRmse).toBeLessThan(report.nps!.naiveRmse);
    expect(report.nps!.modelMae).toBeLessThan(report.nps!.monthMeanMae);
  }
});

it('scores churn risk better than the training base rate and ranks churners first', () => {
  for (const { report } of outcomes) {
    expect(report.churn!.positives).toBeGreaterThan(0);
    expect(report.churn!.modelBrier).toBeLessThan(report.churn!.naiveBrier);
    expect(report.churn!.modelLogLoss).toBeLessThan(report.churn!.naiveLogLoss);
    // The base rate ranks nobody (AUC 0.5); the model puts churners ahead.
    expect(report.churn!.modelAuc!).toBeGreaterThan(0.7);
  }
});

it('keeps the read model current and feeds the maturity criterion with real forecasts', () => {
  for (const o of outcomes) {
    expect(o.forecasts).toBe(o.liveAccounts);
    expect(o.forecasts).toBeGreaterThan(250);
    expect(o.criterion.met).toBe(true);
    expect(o.marginShare).toBeGreaterThan(0);
    expect(o.marginShare).toBeLessThan(0.5);
    expect(o.margin.accountsAtRisk).toBeGreaterThan(0);
  }
});
