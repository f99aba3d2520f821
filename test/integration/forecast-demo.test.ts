import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import {
  evaluateHoldout,
  type HoldoutReport,
} from '../../server/src/modules/analytics/forecast/forecast.evaluation.js';
import { loadPanel } from '../../server/src/modules/analytics/forecast/panel.query.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { createTestOrm } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };
const SEEDS = [11, 12];

const reports: HoldoutReport[] = [];
const dbs: Awaited<ReturnType<typeof createTestOrm>>[] = [];

beforeAll(async () => {
  for (const seed of SEEDS) {
    const db = await createTestOrm('sqlite');
    dbs.push(db);
    await loadDemo(db.orm, { seed, scale: 1, now: NOW });
    await domainContext(db.orm, AS_MONITOR).service(MonitorService).run();
    const panel = await loadPanel(db.orm.em.fork(), '2024-06', '2026-05');
    // Train on 2025-06…2025-12, score the five held-out months 2026-01…2026-05.
    reports.push(evaluateHoldout(panel, '2026-01', '2026-05'));
  }
}, 300_000);

afterAll(async () => {
  for (const db of dbs) await db.dispose();
});

it('forecasts next month’s account NPS closer than the naive last value', () => {
  console.info('forecast evaluation on the demo', JSON.stringify(reports, null, 1));
  for (const r of reports) {
    expect(r.nps!.n).toBeGreaterThan(500);
    expect(r.nps!.modelMae).toBeLessThan(r.nps!.naiveMae);
    expect(r.nps!.modelRmse).toBeLessThan(r.nps!.naiveRmse);
  }
});

it('scores churn risk better than the training base rate (Brier, log loss) and ranks churners first', () => {
  for (const r of reports) {
    expect(r.churn!.positives).toBeGreaterThan(0);
    expect(r.churn!.modelBrier).toBeLessThan(r.churn!.naiveBrier);
    expect(r.churn!.modelLogLoss).toBeLessThan(r.churn!.naiveLogLoss);
    expect(r.churn!.modelAuc!).toBeGreaterThan(0.7);
  }
});
