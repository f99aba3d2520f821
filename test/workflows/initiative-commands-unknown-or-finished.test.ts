import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { expectRefusedUnchanged } from '../helpers/refusals.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

type Ids = { initiative: string; task: string; review: string; entry: string };
type Subject = keyof Ids;
const SUBJECTS: Record<Subject, { type: string; what: string; reason: string }> = {
  initiative: { type: 'Initiative', what: 'initiative', reason: 'INITIATIVE_NOT_FOUND' },
  task: { type: 'InitiativeTask', what: 'initiative task', reason: 'TASK_NOT_FOUND' },
  review: { type: 'CouncilReview', what: 'council review', reason: 'REVIEW_NOT_FOUND' },
  entry: { type: 'InboxEntry', what: 'inbox entry', reason: 'ENTRY_NOT_FOUND' },
};

describeEachDatabase('Commands on unknown rows and on finished initiatives', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(async () => h?.stop());

  /** Every mutation of the initiative workflows and inboxes, the row it acts on, and that row's argument. */
  const mutations: {
    name: string;
    subject: Subject;
    field: string;
    send: (ids: Ids) => [string, Record<string, unknown>];
  }[] = [
    {
      name: 'updateInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.updateInitiative, { id: ids.initiative, input: { title: 'New' } }],
    },
    {
      name: 'moveInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.moveInitiative, { id: ids.initiative, to: 'CORRECT' }],
    },
    {
      name: 'closeInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.closeInitiative, { id: ids.initiative }],
    },
    {
      name: 'holdInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.holdInitiative, { id: ids.initiative, reason: 'Budget' }],
    },
    {
      name: 'resumeInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.resumeInitiative, { id: ids.initiative }],
    },
    {
      name: 'cancelInitiative',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [DOCS.cancelInitiative, { id: ids.initiative, reason: 'Again' }],
    },
    {
      name: 'assignInitiativeOwner',
      subject: 'initiative',
      field: 'id',
      send: (ids) => [
        DOCS.assignInitiativeOwner,
        { id: ids.initiative, ownerId: world.seller.gid },
      ],
    },
    {
      name: 'createInitiativeTask',
      subject: 'initiative',
      field: 'initiativeId',
      send: (ids) => [
        DOCS.createInitiativeTask,
        { input: { initiativeId: ids.initiative, title: 'More', departmentId: world.sales.gid } },
      ],
    },
    {
      name: 'updateInitiativeTask',
      subject: 'task',
      field: 'id',
      send: (ids) => [DOCS.updateInitiativeTask, { id: ids.task, input: { title: 'x' } }],
    },
    {
      name: 'completeTask',
      subject: 'task',
      field: 'id',
      send: (ids) => [DOCS.completeTask, { id: ids.task }],
    },
    {
      name: 'rejectTask',
      subject: 'task',
      field: 'id',
      send: (ids) => [DOCS.rejectTask, { id: ids.task, note: 'Not ours' }],
    },
    {
      name: 'reassignTask',
      subject: 'task',
      field: 'id',
      send: (ids) => [
        DOCS.reassignTask,
        { id: ids.task, input: { departmentId: world.sales.gid } },
      ],
    },
    {
      name: 'cancelTask',
      subject: 'task',
      field: 'id',
      send: (ids) => [DOCS.cancelTask, { id: ids.task, reason: 'No longer needed' }],
    },
    {
      name: 'requestCouncilReview',
      subject: 'initiative',
      field: 'initiativeId',
      send: (ids) => [DOCS.requestCouncilReview, { i: ids.initiative, c: world.council.gid }],
    },
    {
      name: 'decideCouncilReview',
      subject: 'review',
      field: 'id',
      send: (ids) => [
        DOCS.decideCouncilReview,
        {
          id: ids.review,
          input: { decision: 'APPROVED', decidedByMemberId: world.council.memberGids[0] },
        },
      ],
    },
    {
      name: 'markInboxEntryRead',
      subject: 'entry',
      field: 'id',
      send: (ids) => [DOCS.markInboxEntryRead, { id: ids.entry }],
    },
  ];

  for (const m of mutations) {
    const { type, what, reason } = SUBJECTS[m.subject];
    it(`refuses ${m.name} of an unknown ${what} as NOT_FOUND, and of a malformed id as INVALID_ID, changing nothing`, async () => {
      const { id } = await drive.initiative({ ownerId: world.planner.gid });
      const ids = (value: (type: string) => string): Ids => ({
        initiative: value('Initiative'),
        task: value('InitiativeTask'),
        review: value('CouncilReview'),
        entry: value('InboxEntry'),
      });
      const refused = (value: (type: string) => string, error: object, message: RegExp) =>
        expectRefusedUnchanged(h.api, getOrm(), id, m.send(ids(value)), {
          error: { code: 'NOT_FOUND', reason, field: m.field, ...error },
          message,
        });
      await refused(unknownId, {}, new RegExp(`^No ${what} matches ${m.field}\\.$`));
      const invalid = { code: 'BAD_USER_INPUT', reason: 'INVALID_ID' };
      const notValid = new RegExp(`${m.field} is not a valid ${type} id`);
      await refused(() => 'nope', invalid, notValid);
      // Of the right type, but naming no uuid.
      await refused((t) => Buffer.from(`${t}:42`).toString('base64url'), invalid, notValid);
    });
  }
  const visible = () =>
    drive.initiative({
      ownerId: world.planner.gid,
      clientVisible: true,
      affectedAccountIds: [world.acme.accountGid],
    });
  const task = async (initiative: string) =>
    (await drive.task(initiative, { departmentId: world.logistics.gid })).id;
  /** Sends every initiative, task and review command about these rows; each must be refused. */
  const refuseAll = async (ids: Ids, message: RegExp) => {
    for (const m of mutations.filter((m) => m.subject !== 'entry')) {
      await expectRefusedUnchanged(
        h.api,
        getOrm(),
        ids.initiative,
        m.send(ids),
        { error: { code: 'CONFLICT', reason: 'INITIATIVE_FINISHED' }, message },
        m.name,
      );
    }
  };

  it('refuses every initiative, task and review command on a CLOSED initiative, changing nothing', async () => {
    const { id, code } = await visible();
    await drive.move(id, 'IMPLEMENT');
    const done = await task(id);
    await drive.complete(done);
    await drive.move(id, 'MONITOR');
    const review = await drive.pendingReview(id);
    await drive.decide(review.id, world.council.memberGids[0]!);
    await drive.close(id);
    await refuseAll(
      { initiative: id, task: done, review: review.id, entry: '' },
      new RegExp(`^Initiative ${code} is closed and can no longer be changed\\.$`),
    );
  });

  it('refuses every initiative, task and review command on a CANCELLED initiative, even about its open task and pending review, changing nothing', async () => {
    const { id, code } = await visible();
    await drive.move(id, 'IMPLEMENT');
    const open = await task(id);
    const review = await drive.requestReview(id, world.council.gid);
    await drive.cancel(id);
    expect((await drive.pendingReview(id)).id).toBe(review.id);
    await refuseAll(
      { initiative: id, task: open, review: review.id, entry: '' },
      new RegExp(`^Initiative ${code} is cancelled and can no longer be changed\\.$`),
    );
  });
});
