import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../server/src/graphql/relay.js';
import { EffectStatus } from '../../server/src/modules/analytics/effect/did.js';
import { InitiativeEffect } from '../../server/src/modules/analytics/effect/initiative-effect.entity.js';
import type { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import { shiftMonth } from '../../server/src/modules/maturity/maturity.evidence.js';
import { monthOf, monthStart } from '../../server/src/modules/monitor/monitor.window.js';
import { createInitiativeActivities } from '../../workflows/activities/initiative.activities.js';
import { silentLogger } from '../helpers/graphql.js';
import { addFeedback, createAccounts, type FeedbackSpec } from '../fixtures/maturity-factories.js';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { InitiativeDriver } from '../helpers/initiative-driver.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

/** Four NPS answers with NPS `nps` (0, 25, 50 or 75): promoters 10, passives 8. */
const scores = (nps: number) => [10, 10, 10, 10].map((s, i) => (i < nps / 25 ? s : 8));

const READ = `query($id: ID!) { initiative(id: $id) { processGroup effects {
  measure status treatedN controlN differenceInDifferences afterFrom afterTo } } }`;

describeEachDatabase('An initiative reaching MONITOR gets its measured effect', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(async () => h?.stop());

  it('writes the effect rows in the move to MONITOR, once, however often the command is repeated or its activity retried', async () => {
    const orm = getOrm();
    // Months relative to the workflows' clock (the test server's): the implementation started
    // two months ago, "before" answers four months ago, "after" answers last month.
    const now = new Date(await temporal.env.currentTimeMs());
    const thisMonth = monthOf(now);
    const at = (month: string, day: number) =>
      new Date(monthStart(month).getTime() + (day - 1) * 86_400_000 + 12 * 3_600_000);
    const startMonth = shiftMonth(thisMonth, -2);
    const [t1, t2, c1, c2] = (await createAccounts(orm, 4)) as [
      ClientAccount,
      ClientAccount,
      ClientAccount,
      ClientAccount,
    ];
    const answers = (account: ClientAccount, month: string, nps: number): FeedbackSpec[] =>
      scores(nps).map((npsScore, i) => ({ account, receivedAt: at(month, 10 + i), npsScore }));
    // Treated: NPS 0 → 50 and 25 → 75 (mean change 50); control: 0 → 0 and 25 → 50 (12.5).
    // By hand: DiD = 50 − 12.5 = 37.5.
    const before = shiftMonth(thisMonth, -4);
    const after = shiftMonth(thisMonth, -1);
    await addFeedback(orm, [
      ...answers(t1, before, 0),
      ...answers(t1, after, 50),
      ...answers(t2, before, 25),
      ...answers(t2, after, 75),
      ...answers(c1, before, 0),
      ...answers(c1, after, 0),
      ...answers(c2, before, 25),
      ...answers(c2, after, 50),
    ]);

    const { id } = await drive.implementing(world.planner.gid, {
      affectedAccountIds: [t1, t2].map((a) => toGlobalId('ClientAccount', a.id)),
    });
    const initiativeId = fromGlobalId(id, 'Initiative');
    // The implementation started on the 5th of two months ago (set in the rows: the workflow's
    // clock cannot go back); IMPLEMENT wrote no effect.
    const em = orm.em.fork();
    const row = await em.findOneOrFail(Initiative, { id: initiativeId });
    row.startedAt = at(startMonth, 5);
    await em.flush();
    expect(await orm.em.fork().count(InitiativeEffect, { initiative: initiativeId })).toBe(0);

    // The move to MONITOR, sent twice with the same Update id (a client retrying).
    const command = { actor: 'user:test', to: ProcessGroup.MONITOR };
    const first = await h.workflows.execute(initiativeId, 'move', command, { updateId: 'fx' });
    const repeat = await h.workflows.execute(initiativeId, 'move', command, { updateId: 'fx' });
    expect(repeat).toEqual(first);

    const rows = async () =>
      (
        await orm.em
          .fork()
          .find(InitiativeEffect, { initiative: initiativeId }, { orderBy: { measure: 'asc' } })
      ).map((r) => ({ id: r.id, measure: r.measure, computedAt: r.computedAt.getTime() }));
    const written = await rows();
    expect(written.map((r) => r.measure)).toEqual(['CSI', 'NPS']);

    // Temporal retrying the activity after its first attempt committed (lost completion): the
    // same idempotency key finds the command's receipt and writes nothing again.
    const activities = createInitiativeActivities({ orm, log: silentLogger });
    await activities.applyInitiativeCommand({
      initiativeId,
      name: 'move',
      command,
      key: 'update:fx',
      at: new Date(now.getTime() + 60_000).toISOString(),
    });
    expect(await rows()).toEqual(written);

    const read = await drive.ok(READ, { id });
    expect(read.initiative.processGroup).toBe('MONITOR');
    expect(read.initiative.effects).toEqual([
      {
        measure: 'CSI',
        status: EffectStatus.NO_TREATED_DATA,
        treatedN: 0,
        controlN: 0,
        differenceInDifferences: null,
        afterFrom: startMonth,
        afterTo: after,
      },
      {
        measure: 'NPS',
        status: EffectStatus.ESTIMATED,
        treatedN: 2,
        controlN: 2,
        differenceInDifferences: 37.5,
        afterFrom: startMonth,
        afterTo: after,
      },
    ]);
  });
});
