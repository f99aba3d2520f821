import { expect, it } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import { EffectStatus } from '../../server/src/modules/analytics/effect/did.js';
import { InitiativeEffect } from '../../server/src/modules/analytics/effect/initiative-effect.entity.js';
import { InitiativeEffectService } from '../../server/src/modules/analytics/effect/initiative-effect.service.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { InitiativeTarget } from '../../server/src/modules/initiative/initiative-target.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import {
  InitiativeStatus,
  ProcessGroup,
} from '../../server/src/modules/initiative/initiative.enums.js';
import { MetricDefinition } from '../../server/src/modules/metric/metric-definition.entity.js';
import {
  addFeedback,
  addObservations,
  createAccounts,
  createMetricDefinition,
  type FeedbackSpec,
} from '../fixtures/maturity-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';

/** Implementation started 10 April 2026; with the default 6 months, "before" is 2025-10 … 2026-03. */
const STARTED = new Date('2026-04-10T09:00:00.000Z');
/** The monitor looks on 5 July 2026: "after" is 2026-04 … 2026-06 (July is not complete). */
const NOW = new Date('2026-07-05T00:00:00.000Z');
const AS_MONITOR = { actor: 'workflow:period-monitor' };

/** Four NPS answers whose NPS is `nps` (a multiple of 25): promoters 10, passives 8, detractors 3. */
function scores(nps: number): number[] {
  const k = nps / 25;
  const fill = (n: number, v: number) => Array<number>(n).fill(v);
  return k >= 0 ? [...fill(k, 10), ...fill(4 - k, 8)] : [...fill(-k, 3), ...fill(4 + k, 8)];
}

function answers(account: ClientAccount, at: Date, nps: number, csi: number): FeedbackSpec[] {
  return scores(nps).map((npsScore, i) => ({
    account,
    receivedAt: new Date(at.getTime() + i * 3_600_000),
    npsScore,
    csiScore: csi,
  }));
}

async function createInitiative(
  orm: Orm,
  affected: ClientAccount[],
  opts: { group?: ProcessGroup; startedAt?: Date } = {},
): Promise<Initiative> {
  const em = orm.em.fork();
  const initiative = em.create(Initiative, {
    code: `EFF-${Math.random().toString(36).slice(2, 10)}`,
    title: 'Faster deliveries',
    problem: 'Deliveries are late.',
    processGroup: opts.group ?? ProcessGroup.MONITOR,
    status: InitiativeStatus.ACTIVE,
    startedAt: opts.startedAt ?? STARTED,
  });
  for (const account of affected)
    initiative.affectedAccounts.add(em.getReference(ClientAccount, account.id));
  await em.flush();
  return initiative;
}

async function recompute(orm: Orm, initiative: Initiative, at = NOW): Promise<number> {
  const ctx = domainContext(orm, { viewer: AS_MONITOR, at });
  return ctx.em.transactional(async (em) =>
    ctx
      .service(InitiativeEffectService)
      .recompute(em, await em.findOneOrFail(Initiative, { id: initiative.id })),
  );
}

const effects = (orm: Orm, initiative: Initiative) =>
  orm.em
    .fork()
    .find(InitiativeEffect, { initiative: initiative.id }, { orderBy: { measure: 'asc' } });

describeEachDatabase('initiative effect against a control group', (getOrm) => {
  it('recovers a known rise of the affected accounts over the control (NPS, CSI, a target metric)', async () => {
    const orm = getOrm();
    const [t1, t2, t3, c1, c2, c3, late] = (await createAccounts(orm, 7)) as ClientAccount[] as [
      ClientAccount,
      ClientAccount,
      ClientAccount,
      ClientAccount,
      ClientAccount,
      ClientAccount,
      ClientAccount,
    ];
    const [other] = (await createAccounts(orm, 1)) as [ClientAccount];
    const before = new Date('2026-02-12T10:00:00.000Z');
    const after = new Date('2026-05-14T10:00:00.000Z');
    await addFeedback(orm, [
      // Treated: NPS 0 → 50, 25 → 75, −25 → 50 (changes 50, 50, 75; mean 58⅓);
      // CSI 70 → 80, 60 → 72, 80 → 88 (changes 10, 12, 8; mean 10).
      ...answers(t1, before, 0, 70),
      ...answers(t1, after, 50, 80),
      ...answers(t2, before, 25, 60),
      ...answers(t2, after, 75, 72),
      ...answers(t3, before, -25, 80),
      ...answers(t3, after, 50, 88),
      // Control (same segment, not affected): NPS 0 → 0, 25 → 50, 50 → 50 (changes 0, 25, 0;
      // mean 8⅓); CSI 70 → 71, 60 → 61, 50 → 52 (changes 1, 1, 2; mean 4/3).
      ...answers(c1, before, 0, 70),
      ...answers(c1, after, 0, 71),
      ...answers(c2, before, 25, 60),
      ...answers(c2, after, 50, 61),
      ...answers(c3, before, 50, 50),
      ...answers(c3, after, 50, 52),
      // Same segment but seen only after the start: not paired, not counted.
      ...answers(late, after, -100, 10),
      // Another segment: never a control, whatever it does.
      ...answers(other, before, -100, 10),
      ...answers(other, after, 100, 100),
      // Outside the windows: September 2025 (before "before") and July 2026 (incomplete).
      ...answers(t1, new Date('2025-09-20T10:00:00.000Z'), -100, 0),
      ...answers(c1, new Date('2026-07-02T10:00:00.000Z'), 100, 100),
    ]);
    const metric: MetricDefinition = await createMetricDefinition(
      orm,
      `ON_TIME_${Math.random().toString(36).slice(2, 8)}`,
    );
    // On-time share: treated 0.81 → 0.91 and 0.70 → 0.82 (changes 0.10, 0.12); control
    // 0.80 → 0.81 and 0.75 → 0.78 (changes 0.01, 0.03): DiD = 0.11 − 0.02 = 0.09.
    await addObservations(orm, metric, [
      { account: t1, period: '2026-02', value: 0.8 },
      { account: t1, period: '2026-03', value: 0.82 },
      { account: t1, period: '2026-05', value: 0.91 },
      { account: t2, period: '2026-03', value: 0.7 },
      { account: t2, period: '2026-06', value: 0.82 },
      { account: c1, period: '2026-01', value: 0.8 },
      { account: c1, period: '2026-04', value: 0.81 },
      { account: c2, period: '2026-03', value: 0.75 },
      { account: c2, period: '2026-05', value: 0.78 },
      { account: other, period: '2026-03', value: 0.1 },
      { account: other, period: '2026-05', value: 0.9 },
    ]);
    const initiative = await createInitiative(orm, [t1, t2, t3]);
    const em = orm.em.fork();
    em.create(InitiativeTarget, {
      initiative: initiative.id,
      metric: metric.id,
      baseline: 0.75,
      targetValue: 0.9,
      expectedDelta: 0.05,
    });
    await em.flush();

    expect(await recompute(orm, initiative)).toBe(3);
    // Recomputing (a retried step) replaces the rows: still one per measure.
    expect(await recompute(orm, initiative)).toBe(3);
    const rows = await effects(orm, initiative);
    expect(rows.map((r) => r.measure)).toEqual(['CSI', 'NPS', metric.code].sort());
    const by = (m: string) => rows.find((r) => r.measure === m)!;

    const nps = by('NPS');
    expect(nps).toMatchObject({
      status: EffectStatus.ESTIMATED,
      treatedN: 3,
      controlN: 3,
      targeted: false,
      beforeFrom: '2025-10',
      beforeTo: '2026-03',
      afterFrom: '2026-04',
      afterTo: '2026-06',
    });
    expect(nps.treatedBefore).toBeCloseTo(0, 9);
    expect(nps.treatedAfter).toBeCloseTo(175 / 3, 9);
    expect(nps.controlBefore).toBeCloseTo(25, 9);
    expect(nps.controlAfter).toBeCloseTo(100 / 3, 9);
    // By hand: DiD = 58⅓ − 8⅓ = 50. Both groups' changes have variance 208⅓, so
    // SE = √(2 · 208⅓ / 3) = √138.89 = 11.785, Welch df = 4 exactly, t(0.975, 4) = 2.776445
    // (any t table): interval 50 ± 32.72 = [17.28, 82.72], which contains the planted 50 and not 0.
    const se = Math.sqrt((2 * (1250 / 6)) / 3);
    expect(nps.did).toBeCloseTo(50, 9);
    expect(nps.standardError).toBeCloseTo(se, 9);
    expect(nps.df).toBeCloseTo(4, 9);
    expect(nps.ciLow).toBeCloseTo(50 - 2.776445 * se, 4);
    expect(nps.ciHigh).toBeCloseTo(50 + 2.776445 * se, 4);

    const csi = by('CSI');
    expect([csi.treatedN, csi.controlN]).toEqual([3, 3]);
    expect(csi.did).toBeCloseTo(10 - 4 / 3, 9);

    const target = by(metric.code);
    expect(target).toMatchObject({
      targeted: true,
      metricId: metric.id,
      expectedDelta: 0.05,
      targetValue: 0.9,
      baseline: 0.75,
      treatedN: 2,
      controlN: 2,
      status: EffectStatus.ESTIMATED,
    });
    expect(target.did).toBeCloseTo(0.09, 9);
  });

  it('says so when there is no control account, or no complete month after the start', async () => {
    const orm = getOrm();
    const [a, b] = (await createAccounts(orm, 2)) as [ClientAccount, ClientAccount];
    await addFeedback(orm, [
      ...answers(a, new Date('2026-03-03T10:00:00.000Z'), 0, 50),
      ...answers(a, new Date('2026-05-03T10:00:00.000Z'), 25, 60),
      ...answers(b, new Date('2026-03-03T10:00:00.000Z'), 0, 50),
      ...answers(b, new Date('2026-05-03T10:00:00.000Z'), 50, 60),
    ]);
    // Every account of the segment is affected: nobody to compare with.
    const all = await createInitiative(orm, [a, b]);
    await recompute(orm, all);
    const rows = await effects(orm, all);
    expect(rows.map((r) => [r.measure, r.status, r.treatedN, r.controlN, r.did])).toEqual([
      ['CSI', EffectStatus.NO_CONTROL, 2, 0, null],
      ['NPS', EffectStatus.NO_CONTROL, 2, 0, null],
    ]);
    expect(rows[1]!.treatedBefore).toBe(0);
    expect(rows[1]!.treatedAfter).toBeCloseTo(37.5, 9);

    // One affected, one control: a point estimate (50 − 25 = 25) but no spread for an interval.
    const one = await createInitiative(orm, [b]);
    await recompute(orm, one);
    const npsOne = (await effects(orm, one)).find((r) => r.measure === 'NPS')!;
    expect([npsOne.status, npsOne.did, npsOne.ciLow]).toEqual([EffectStatus.NO_INTERVAL, 25, null]);

    // Reaching MONITOR in the month it started: no complete month after the start yet.
    const early = await createInitiative(orm, [a], { startedAt: new Date('2026-07-01T08:00:00Z') });
    await recompute(orm, early);
    expect((await effects(orm, early)).map((r) => r.status)).toEqual([
      EffectStatus.NO_POST_PERIOD,
      EffectStatus.NO_POST_PERIOD,
    ]);
  });

  it('reports a target on NPS itself on the NPS row, from the answers, with its expected change', async () => {
    const orm = getOrm();
    const [t, c1, c2] = (await createAccounts(orm, 3)) as [
      ClientAccount,
      ClientAccount,
      ClientAccount,
    ];
    await addFeedback(orm, [
      ...answers(t, new Date('2026-03-03T10:00:00.000Z'), 0, 50),
      ...answers(t, new Date('2026-05-03T10:00:00.000Z'), 50, 50),
      ...answers(c1, new Date('2026-03-03T10:00:00.000Z'), 0, 50),
      ...answers(c1, new Date('2026-05-03T10:00:00.000Z'), 25, 50),
      ...answers(c2, new Date('2026-03-03T10:00:00.000Z'), 25, 50),
      ...answers(c2, new Date('2026-05-03T10:00:00.000Z'), 25, 50),
    ]);
    const em = orm.em.fork();
    const nps =
      (await em.findOne(MetricDefinition, { code: 'NPS' })) ??
      (await createMetricDefinition(orm, 'NPS'));
    const initiative = await createInitiative(orm, [t]);
    em.create(InitiativeTarget, {
      initiative: initiative.id,
      metric: nps.id,
      baseline: 0,
      targetValue: 40,
      expectedDelta: 30,
    });
    await em.flush();
    expect(await recompute(orm, initiative)).toBe(2);
    const row = (await effects(orm, initiative)).find((r) => r.measure === 'NPS')!;
    // Treated change 50, control changes 25 and 0 (mean 12.5): DiD 37.5, one treated account.
    expect(row).toMatchObject({
      targeted: true,
      metricId: nps.id,
      expectedDelta: 30,
      targetValue: 40,
      status: EffectStatus.NO_INTERVAL,
      treatedN: 1,
      controlN: 2,
    });
    expect(row.did).toBeCloseTo(37.5, 9);
  });

  it("the monitor's step recomputes monitored and recently closed initiatives, not others", async () => {
    const orm = getOrm();
    const [a, b] = (await createAccounts(orm, 2)) as [ClientAccount, ClientAccount];
    const monitored = await createInitiative(orm, [a]);
    const implementing = await createInitiative(orm, [a], { group: ProcessGroup.IMPLEMENT });
    const closedLongAgo = await createInitiative(orm, [b], { group: ProcessGroup.CORRECT });
    const em = orm.em.fork();
    const closed = await em.findOneOrFail(Initiative, { id: closedLongAgo.id });
    closed.status = InitiativeStatus.CLOSED;
    closed.closedAt = new Date('2026-01-01T00:00:00Z'); // > 90 days before NOW
    await em.flush();
    await domainContext(orm, { viewer: AS_MONITOR, at: NOW })
      .service(InitiativeEffectService)
      .recomputeDue();
    expect((await effects(orm, monitored)).length).toBe(2);
    expect((await effects(orm, implementing)).length).toBe(0);
    expect((await effects(orm, closedLongAgo)).length).toBe(0);
  });
});
