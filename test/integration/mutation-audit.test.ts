import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { getSchema } from '../../server/src/graphql/schema.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { mutationCatalogue } from '../fixtures/mutation-catalogue.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { inProcessInitiativeWorkflows } from '../helpers/in-process-workflows.js';
import { CatalogueWorld } from '../helpers/mutation-world.js';

// Below every uuidv7: the first step's events all come after it.
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const auditor: Viewer = { actor: 'user:auditor', kind: 'user' };

it('the catalogue calls every mutation of the schema (add a step for a new one)', async () => {
  const schema = await getSchema();
  const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
  expect([...new Set(mutationCatalogue.map((s) => s.mutation))].sort()).toEqual(mutations);
});

describeEachDatabase('every mutation writes an audit event', (getOrm) => {
  let api: TestApi;
  let world: CatalogueWorld;
  beforeAll(async () => {
    api = await createTestApi(getOrm(), { initiatives: inProcessInitiativeWorkflows(getOrm()) });
    world = new CatalogueWorld(api, getOrm(), auditor);
  });
  afterAll(() => api.stop());

  const newest = async () =>
    (
      await getOrm()
        .em.fork()
        .find(AuditEvent, {}, { orderBy: { id: 'desc' }, limit: 1 })
    )[0]?.id ?? NIL_UUID;

  for (const s of mutationCatalogue) {
    it(`${s.mutation} records who did it`, async () => {
      await s.prepare?.(world);
      const mark = await newest();
      await s.run(world);
      const written = await getOrm()
        .em.fork()
        .find(AuditEvent, { id: { $gt: mark } });
      expect(written.length, `${s.mutation} wrote no audit event`).toBeGreaterThan(0);
      expect(new Set(written.map((e) => e.actor))).toEqual(new Set([auditor.actor]));
    });
  }
});
