import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { getSchema } from '../../server/src/graphql/schema.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { mutationCatalogue } from '../fixtures/mutation-catalogue.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';
import { CatalogueWorld } from '../helpers/mutation-world.js';

// Below every uuidv7: the first step's events all come after it.
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const auditor: Viewer = { actor: 'user:auditor', kind: 'user', role: UserRole.CX_ADMIN };

/**
 * Sign-in, sign-out and changing one's own password act as the person signing in (not as the
 * admin running this catalogue) and record security events; `sign-in-http.test.ts` checks them.
 */
const ACTING_AS_THEMSELVES = ['signIn', 'signOut', 'changePassword'];

it('the catalogue calls every mutation of the schema (add a step for a new one)', async () => {
  const schema = await getSchema();
  const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
  expect(
    [...new Set([...mutationCatalogue.map((s) => s.mutation), ...ACTING_AS_THEMSELVES])].sort(),
  ).toEqual(mutations);
});

const temporal = useTimeSkippingEnv();

describeEachDatabase('every mutation writes an audit event', (getOrm) => {
  let h: WorkflowHarness;
  let world: CatalogueWorld;
  beforeAll(async () => {
    // Initiative commands go through their real workflows, whose activities write the rows.
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    world = new CatalogueWorld(h.api, getOrm(), auditor);
  });
  afterAll(() => h?.stop());

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
