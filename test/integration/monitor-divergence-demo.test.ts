import { afterAll, beforeAll, expect, it } from 'vitest';
import { plantedAccountKinds } from '../../server/src/demo/generate.js';
import { loadDemo } from '../../server/src/demo/load.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Alert } from '../../server/src/modules/monitor/alert.entity.js';
import { AlertKind } from '../../server/src/modules/monitor/monitor.enums.js';
import { MonitorService } from '../../server/src/modules/monitor/monitor.service.js';
import { createTestOrm } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
/** What the monitor's activity acts as: a workflow, which reads every row. */
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };
/** Two generations of the full-size demo company (300 accounts each, about 5% planted divergent). */
const SEEDS = [11, 12];
const SCALE = 1;

interface Outcome {
  flagged: number;
  truePositives: number;
  planted: number;
}

const outcomes: Outcome[] = [];
const dbs: Awaited<ReturnType<typeof createTestOrm>>[] = [];

beforeAll(async () => {
  for (const seed of SEEDS) {
    const db = await createTestOrm('sqlite');
    dbs.push(db);
    await loadDemo(db.orm, { seed, scale: SCALE, now: NOW });
    await domainContext(db.orm, AS_MONITOR).service(MonitorService).run();
    const em = db.orm.em.fork();
    const kinds = plantedAccountKinds({ seed, scale: SCALE, now: NOW });
    const accounts = await em.find(ClientAccount, {}, { fields: ['externalId'] });
    const divergent = new Set(
      accounts.filter((a) => kinds.get(String(a.externalId)) === 'divergent').map((a) => a.id),
    );
    const alerts = await em.find(Alert, { kind: AlertKind.DIVERGENCE });
    outcomes.push({
      flagged: alerts.length,
      truePositives: alerts.filter((a) => divergent.has(a.account.id)).length,
      planted: divergent.size,
    });
  }
}, 180_000);

afterAll(async () => {
  for (const db of dbs) await db.dispose();
});

it('raises divergence alerts mostly for the accounts the demo planted as divergent (precision ≥ 0.75)', () => {
  const flagged = outcomes.reduce((s, o) => s + o.flagged, 0);
  const hits = outcomes.reduce((s, o) => s + o.truePositives, 0);
  console.info('divergence on the demo', outcomes);
  expect(flagged).toBeGreaterThan(0);
  expect(hits / flagged).toBeGreaterThanOrEqual(0.75);
});

it('finds at least 90% of the planted divergent accounts from one year of feedback', () => {
  const planted = outcomes.reduce((s, o) => s + o.planted, 0);
  const hits = outcomes.reduce((s, o) => s + o.truePositives, 0);
  // About 5% of 300 accounts are planted per generation: never none.
  expect(planted).toBeGreaterThanOrEqual(15);
  expect(hits / planted).toBeGreaterThanOrEqual(0.9);
});

it('runs again without raising a second alert for the same divergence', async () => {
  const em = dbs[0]!.orm.em.fork();
  const before = await em.count(Alert, {});
  const again = await domainContext(dbs[0]!.orm, AS_MONITOR).service(MonitorService).run();
  expect(again.raised).toEqual({ DIVERGENCE: 0, COVERAGE_GAP: 0, KEY_CONTACT_SILENT: 0 });
  expect(await em.count(Alert, {})).toBe(before);
});
