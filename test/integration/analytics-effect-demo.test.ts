import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../server/src/demo/load.js';
import { EffectStatus } from '../../server/src/modules/analytics/effect/did.js';
import { InitiativeEffect } from '../../server/src/modules/analytics/effect/initiative-effect.entity.js';
import { InitiativeEffectService } from '../../server/src/modules/analytics/effect/initiative-effect.service.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import { shiftMonth } from '../../server/src/modules/maturity/maturity.evidence.js';
import { monthStart } from '../../server/src/modules/monitor/monitor.window.js';
import { createTestOrm } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const AS_MONITOR = { viewer: { actor: 'workflow:period-monitor' }, at: NOW };

let db: Awaited<ReturnType<typeof createTestOrm>>;
beforeAll(async () => {
  db = await createTestOrm('sqlite');
  await loadDemo(db.orm, { seed: 11, scale: 1, now: NOW });
  await domainContext(db.orm, AS_MONITOR).service(InitiativeEffectService).recomputeDue();
}, 600_000);
afterAll(async () => db?.dispose());

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * A second method on the demo company: the feedback rows themselves, loaded and counted in the
 * test (what production must never do), against the stored effect the SQL aggregates produced.
 */
it('agrees on the demo data with NPS counted answer by answer in the test', async () => {
  const em = db.orm.em.fork();
  const monitored = await em.find(
    Initiative,
    { processGroup: { $in: [ProcessGroup.MONITOR, ProcessGroup.CORRECT] } },
    { populate: ['affectedAccounts'] },
  );
  expect(monitored.length).toBeGreaterThanOrEqual(3);
  let checked = 0;
  for (const initiative of monitored) {
    const row = await em.findOneOrFail(InitiativeEffect, { initiative, measure: 'NPS' });
    const affected = new Set(initiative.affectedAccounts.getItems().map((a) => a.id));
    const segments = [...new Set(initiative.affectedAccounts.getItems().map((a) => a.segment.id))];
    const accounts = await em.find(ClientAccount, { segment: { $in: segments } });
    const cut = monthStart(row.afterFrom);
    const items = await em.find(FeedbackItem, {
      account: { $in: accounts.map((a) => a.id) },
      npsScore: { $ne: null },
      receivedAt: { $gte: monthStart(row.beforeFrom), $lt: monthStart(shiftMonth(row.afterTo, 1)) },
    });
    const tally = new Map<string, { b: number[]; a: number[] }>();
    for (const f of items) {
      const t = tally.get(f.account.id) ?? { b: [], a: [] };
      const score = f.npsScore! >= 9 ? 100 : f.npsScore! <= 6 ? -100 : 0;
      (f.receivedAt < cut ? t.b : t.a).push(score);
      tally.set(f.account.id, t);
    }
    const changes = { treated: [] as number[], control: [] as number[] };
    for (const [account, t] of tally) {
      if (t.b.length && t.a.length)
        changes[affected.has(account) ? 'treated' : 'control'].push(mean(t.a) - mean(t.b));
    }
    expect([row.treatedN, row.controlN]).toEqual([changes.treated.length, changes.control.length]);
    if (row.status === EffectStatus.ESTIMATED) {
      expect(row.did).toBeCloseTo(mean(changes.treated) - mean(changes.control), 9);
      expect(Number(row.ciLow)).toBeLessThan(Number(row.did));
      expect(Number(row.ciHigh)).toBeGreaterThan(Number(row.did));
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(3);
}, 600_000);
