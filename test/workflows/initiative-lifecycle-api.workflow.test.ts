import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { initiativeWorkflowId } from '../../workflows/contracts/initiative.contract.js';
import { createFeedback, createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DAY, DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { initiativeState } from '../helpers/initiative-state.js';
import {
  eventually,
  startWorkflowHarness,
  type WorkflowHarness,
} from '../helpers/workflow-harness.js';

const READ = `query($id: ID!) { initiative(id: $id) { processGroup status revision startedAt closedAt
  holdReason cancelReason revisions { number origin brief } tasks { title status outcomeNote }
  feedback { status } live { status timers { kind } } } }`;

const temporal = useTimeSkippingEnv();

describeEachDatabase(
  'An initiative’s way through the process groups, by its workflow',
  (getOrm) => {
    let h: WorkflowHarness;
    let drive: InitiativeDriver;
    let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
    const read = async (id: string) => (await drive.ok(READ, { id })).initiative;
    /** Waits until the initiative's workflow has completed (it ends with the initiative). */
    const workflowEnded = (id: string) =>
      eventually(
        () =>
          temporal.env.client.workflow
            .getHandle(initiativeWorkflowId(fromGlobalId(id, 'Initiative')))
            .describe(),
        (d) => d.status.name === 'COMPLETED',
      );

    beforeAll(async () => {
      h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
      drive = new InitiativeDriver(h.api, temporal.env);
      world = await createInitiativeWorld(getOrm());
    });
    afterAll(async () => h?.stop());

    it('moves through the process groups, starting a new revision with its brief on CORRECT → IMPLEMENT, closes from MONITOR, and then refuses every change', async () => {
      const { id, code } = await drive.initiative({ ownerId: world.planner.gid });
      const steps: [string, string | undefined, Record<string, unknown>][] = [
        ['IMPLEMENT', undefined, { processGroup: 'IMPLEMENT', status: 'ACTIVE', revision: 1 }],
        ['MONITOR', undefined, { processGroup: 'MONITOR', status: 'ACTIVE', revision: 1 }],
        ['CORRECT', undefined, { processGroup: 'CORRECT', revision: 1 }],
        ['IMPLEMENT', 'Also cover the night shift', { processGroup: 'IMPLEMENT', revision: 2 }],
        ['MONITOR', undefined, { processGroup: 'MONITOR', revision: 2 }],
      ];
      for (const [to, brief, expected] of steps) {
        expect(await drive.move(id, to, { brief })).toMatchObject(expected);
        expect((await read(id)).startedAt).not.toBeNull();
      }
      expect((await read(id)).revisions).toEqual([
        { number: 1, origin: 'INITIAL', brief: 'Trucks arrive late' },
        { number: 2, origin: 'OWNER_CORRECTION', brief: 'Also cover the night shift' },
      ]);
      expect(await drive.close(id, 'Trucks now on time')).toMatchObject({
        status: 'CLOSED',
        revision: 2,
      });
      expect((await read(id)).closedAt).not.toBeNull();
      expect((await workflowEnded(id)).status.name).toBe('COMPLETED');
      expect((await read(id)).live).toBeNull();

      const again = await drive.refused(DOCS.moveInitiative, { id, to: 'CORRECT' });
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INITIATIVE_FINISHED' });
      expect(again.message).toBe(`Initiative ${code} is closed and can no longer be changed.`);
    });

    it('cancels the open tasks listed in cancelTaskIds when IMPLEMENT finishes, and keeps the done ones', async () => {
      const { id } = await drive.implementing(world.planner.gid);
      const done = await drive.task(id, { title: 'Done step', departmentId: world.logistics.gid });
      const dropped = await drive.task(id, { title: 'Dropped', departmentId: world.logistics.gid });
      await drive.complete(done.id, 'Done');
      expect(await drive.move(id, 'MONITOR', { cancel: [dropped.id] })).toMatchObject({
        processGroup: 'MONITOR',
      });
      expect((await read(id)).tasks).toEqual([
        { title: 'Done step', status: 'DONE', outcomeNote: 'Done' },
        { title: 'Dropped', status: 'CANCELLED', outcomeNote: 'Not needed: IMPLEMENT finished.' },
      ]);
    });

    describe('refuses invalid transitions with a typed error and changes nothing', () => {
      const cases: {
        name: string;
        owner?: false;
        path: string[];
        openTask?: true;
        act: 'move' | 'close';
        to?: string;
        error: { code: string; reason: string; field?: string };
        message: RegExp;
      }[] = [
        {
          name: 'skipping from ANALYSE to MONITOR',
          path: [],
          act: 'move',
          to: 'MONITOR',
          error: { code: 'CONFLICT', reason: 'INVALID_TRANSITION', field: 'processGroup' },
          message: /cannot move from ANALYSE to MONITOR; from ANALYSE it can move to IMPLEMENT/,
        },
        {
          name: 'going back from IMPLEMENT to ANALYSE',
          path: ['IMPLEMENT'],
          act: 'move',
          to: 'ANALYSE',
          error: { code: 'CONFLICT', reason: 'INVALID_TRANSITION', field: 'processGroup' },
          message: /cannot move from IMPLEMENT to ANALYSE/,
        },
        {
          name: 'closing while implementing',
          path: ['IMPLEMENT'],
          act: 'close',
          error: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
          message: /is in IMPLEMENT; it can be closed only from MONITOR or CORRECT/,
        },
        {
          name: 'closing while analysing',
          path: [],
          act: 'close',
          error: { code: 'CONFLICT', reason: 'INVALID_TRANSITION' },
          message: /is in ANALYSE/,
        },
        {
          name: 'starting implementation without an owner',
          owner: false,
          path: [],
          act: 'move',
          to: 'IMPLEMENT',
          error: { code: 'BAD_USER_INPUT', reason: 'OWNER_REQUIRED', field: 'ownerId' },
          message: /has no owner; assign one before implementation starts/,
        },
        {
          name: 'finishing IMPLEMENT with a task still open',
          path: ['IMPLEMENT'],
          openTask: true,
          act: 'move',
          to: 'MONITOR',
          error: { code: 'CONFLICT', reason: 'OPEN_TASKS', field: 'cancelTaskIds' },
          message:
            /still has 1 open task \("Re-plan routes"\); complete or cancel it to finish IMPLEMENT/,
        },
        {
          name: 'closing with a task still open',
          path: ['IMPLEMENT', 'MONITOR'],
          openTask: true,
          act: 'close',
          error: { code: 'CONFLICT', reason: 'OPEN_TASKS', field: 'cancelTaskIds' },
          message: /still has 1 open task \("Re-plan routes"\); complete or cancel it to close it/,
        },
      ];
      for (const c of cases) {
        it(`such as ${c.name}`, async () => {
          const { id } = await drive.initiative(
            c.owner === false ? {} : { ownerId: world.planner.gid },
          );
          for (const to of c.path) await drive.move(id, to);
          if (c.openTask) await drive.task(id, { departmentId: world.logistics.gid });
          const before = await initiativeState(h.api, getOrm(), id);
          const error =
            c.act === 'move'
              ? await drive.refused(DOCS.moveInitiative, { id, to: c.to })
              : await drive.refused(DOCS.closeInitiative, { id });
          expect(error.extensions).toEqual(c.error);
          expect(error.message).toMatch(c.message);
          expect(await initiativeState(h.api, getOrm(), id)).toEqual(before);
        });
      }
    });

    it('holds with a reason, pausing its timers and refusing moves, and resumes to where it was', async () => {
      const { id } = await drive.implementing(world.planner.gid);
      await drive.task(id, {
        departmentId: world.logistics.gid,
        dueAt: await drive.dueIn(5 * DAY),
      });
      await drive.hold(id, '  Waiting for the budget  ');
      expect(await read(id)).toMatchObject({
        status: 'ON_HOLD',
        holdReason: 'Waiting for the budget',
        live: { status: 'ON_HOLD', timers: [] },
      });
      const moving = await drive.refused(DOCS.moveInitiative, { id, to: 'MONITOR' });
      expect(moving.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ON_HOLD' });
      expect(moving.message).toMatch(/is on hold; resume it before you move it to MONITOR/);

      await drive.ok(DOCS.resumeInitiative, { id });
      expect(await read(id)).toMatchObject({
        processGroup: 'IMPLEMENT',
        status: 'ACTIVE',
        holdReason: null,
        live: { status: 'ACTIVE', timers: [{ kind: 'TASK_REMINDER' }] },
      });
    });

    it('cancels with a reason, cancelling its open tasks and releasing its feedback, and ends its workflow', async () => {
      const feedback = await createFeedback(getOrm(), world.acme.account);
      const { id, code } = await drive.implementing(world.planner.gid, {
        feedbackIds: [feedback.gid],
      });
      const done = await drive.task(id, { title: 'Done step', departmentId: world.logistics.gid });
      await drive.task(id, { title: 'Open step', departmentId: world.logistics.gid });
      await drive.complete(done.id);
      await drive.cancel(id, ' Merged into a wider initiative ');
      expect(await read(id)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'Merged into a wider initiative',
        tasks: [
          { title: 'Done step', status: 'DONE' },
          { title: 'Open step', status: 'CANCELLED', outcomeNote: 'The initiative was cancelled.' },
        ],
      });
      expect((await read(id)).closedAt).not.toBeNull();
      const item = await getOrm().em.fork().findOneOrFail(FeedbackItem, { id: feedback.item.id });
      expect(item.status).toBe('RECEIVED');
      await workflowEnded(id);
      expect((await read(id)).live).toBeNull();

      const again = await drive.refused(DOCS.resumeInitiative, { id });
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INITIATIVE_FINISHED' });
      expect(again.message).toBe(`Initiative ${code} is cancelled and can no longer be changed.`);
    });
  },
);
