import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { EffectStatus } from '../../server/src/modules/analytics/effect/did.js';
import { InitiativeEffect } from '../../server/src/modules/analytics/effect/initiative-effect.entity.js';
import { createTenantWorlds, gidsOf } from '../fixtures/tenant-worlds.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { viewers } from '../helpers/viewers.js';

const codes = (res: { errors?: { extensions?: Record<string, any> }[] }) =>
  (res.errors ?? []).map((e) => `${e.extensions?.code}/${e.extensions?.reason}`);

describeEachDatabase('initiative effects in the API', (getOrm) => {
  let api: TestApi;
  let a: ReturnType<typeof gidsOf>;
  let council: Viewer;
  let department: Viewer;

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    const world = await createTenantWorlds(getOrm());
    a = gidsOf(world.a);
    council = viewers.council([world.a.council], [world.a.member], world.a.memberUser);
    department = viewers.department(world.logistics, world.planner);
    // A stored effect of client A's (client-visible) initiative, as the service would write it.
    const em = getOrm().em.fork();
    em.create(InitiativeEffect, {
      initiative: world.a.initiative,
      measure: 'NPS',
      targeted: true,
      baseline: 20,
      targetValue: 40,
      expectedDelta: 10,
      startedAt: new Date('2026-03-10T00:00:00Z'),
      beforeFrom: '2025-09',
      beforeTo: '2026-02',
      afterFrom: '2026-03',
      afterTo: '2026-05',
      status: EffectStatus.ESTIMATED,
      treatedN: 4,
      controlN: 30,
      treatedBefore: 22,
      treatedAfter: 35,
      controlBefore: 25,
      controlAfter: 26,
      did: 12,
      standardError: 3.1,
      df: 5.2,
      pValue: 0.01,
      ciLow: 5,
      ciHigh: 19,
      computedAt: new Date('2026-06-01T00:00:00Z'),
    });
    await em.flush();
  });
  afterAll(() => api.stop());

  const EFFECTS = `query ($id: ID!) { initiative(id: $id) { title effects { measure status
    treatedN controlN differenceInDifferences intervalLow intervalHigh level expectedDelta
    measuredMinusExpected expectedWithinInterval treatedAfterMinusTarget } } }`;

  it('shows the CX office the effect with expected vs measured', async () => {
    const res = await api.execute(EFFECTS, { id: a.initiative });
    expect(res.errors).toBeUndefined();
    // By hand: measured 12 − expected 10 = 2; 10 lies in [5, 19]; treated after 35 − target 40 = −5.
    expect(res.data!.initiative.effects).toEqual([
      {
        measure: 'NPS',
        status: 'ESTIMATED',
        treatedN: 4,
        controlN: 30,
        differenceInDifferences: 12,
        intervalLow: 5,
        intervalHigh: 19,
        level: 0.95,
        expectedDelta: 10,
        measuredMinusExpected: 2,
        expectedWithinInterval: true,
        treatedAfterMinusTarget: -5,
      },
    ]);
    const list = await api.execute(
      `query ($f: InitiativeEffectFilter) { initiativeEffects(first: 10, filter: $f) {
        nodes { measure initiative { id } } } }`,
      { f: { initiativeId: a.initiative, status: 'ESTIMATED' } },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.initiativeEffects.nodes).toEqual([
      { measure: 'NPS', initiative: { id: a.initiative } },
    ]);
  });

  it('hides effects from council and department members (other clients are the control group)', async () => {
    const mine = await api.execute(EFFECTS, { id: a.initiative }, council);
    expect(codes(mine)).toEqual(['FORBIDDEN/FIELD_NOT_ALLOWED']);
    expect(mine.errors![0]!.message).toBe('You may not read Initiative.effects.');
    for (const viewer of [council, department]) {
      const list = await api.execute(
        `{ initiativeEffects(first: 5) { nodes { measure } } }`,
        {},
        viewer,
      );
      expect(codes(list)[0]).toMatch(/^FORBIDDEN\//);
    }
  });
});
