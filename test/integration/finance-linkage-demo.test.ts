import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { accountFinance } from '../../server/src/modules/analytics/finance/finance.query.js';
import { financeLinkage } from '../../server/src/modules/analytics/finance/finance.linkage.js';
import { SatisfactionMetric } from '../../server/src/modules/analytics/finance/finance.enums.js';
import { completeMonths } from '../../server/src/modules/monitor/monitor.window.js';
import { createTestOrm } from '../helpers/db.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let db: Awaited<ReturnType<typeof createTestOrm>>;

beforeAll(async () => {
  db = await createTestOrm('sqlite');
  await loadDemo(db.orm, { seed: 11, scale: 1, now: NOW });
}, 180_000);
afterAll(async () => db.dispose());

it('explores', async () => {
  const em = db.orm.em.fork();
  const w = completeMonths(NOW, 12);
  for (const m of [SatisfactionMetric.CSI, SatisfactionMetric.NPS]) {
    const acc = await accountFinance(em, w, m, 5, 3);
    const rows = financeLinkage(acc);
    console.log(m, acc.length, JSON.stringify(rows.filter((r) => r.segmentId === null), null, 1));
  }
  expect(1).toBe(1);
});
