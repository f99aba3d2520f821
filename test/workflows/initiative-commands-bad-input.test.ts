import { afterAll, beforeAll, describe, it } from 'vitest';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { createInitiativeWorld, createUser } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { runRefusalCase, type RefusalCase } from '../helpers/refusals.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

type Arranged = { initiative: string; task?: string; other?: string };
const INVALID_ID = { code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: 'id' } as const;
const CONFLICT = (reason: string) => ({ code: 'CONFLICT', reason }) as const;
const BAD = (reason: string, field?: string) =>
  ({ code: 'BAD_USER_INPUT', reason, ...(field ? { field } : {}) }) as const;

describeEachDatabase('Initiative commands given bad input', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  let councilUser: string;
  let formerStaff: string;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
    const [member, former] = [
      await createUser(getOrm(), null, 'Carla Council', { role: UserRole.COUNCIL_MEMBER }),
      await createUser(getOrm(), world.logistics.department, 'Fred Former', { active: false }),
    ];
    [councilUser, formerStaff] = [member.gid, former.gid];
  });
  afterAll(async () => h?.stop());

  const owned = (input: Record<string, unknown> = {}) =>
    drive.initiative({ ownerId: world.planner.gid, ...input });
  const analysing = async (): Promise<Arranged> => ({ initiative: (await owned()).id });
  const implementing = async (): Promise<Arranged> => {
    const { id } = await owned();
    await drive.move(id, 'IMPLEMENT');
    return { initiative: id };
  };
  const correcting = async (): Promise<Arranged> => {
    const { id } = await owned();
    await drive.moveThrough(id, 'IMPLEMENT', 'MONITOR', 'CORRECT');
    return { initiative: id };
  };
  const onHold = async (): Promise<Arranged> => {
    const arranged = await implementing();
    await drive.hold(arranged.initiative);
    return arranged;
  };
  const task = (initiative: string) =>
    drive.task(initiative, { departmentId: world.logistics.gid }).then((t) => t.id);

  const cases: RefusalCase<Arranged>[] = [
    // updateInitiative
    {
      name: 'updating with the id of a task',
      arrange: async () => {
        const { initiative } = await implementing();
        return { initiative, task: await task(initiative) };
      },
      send: (a) => [DOCS.updateInitiative, { id: a.task, input: { title: 'x' } }],
      error: INVALID_ID,
      message: /id is not a valid Initiative id/,
    },
    {
      name: 'updating to a blank title',
      arrange: analysing,
      send: (a) => [DOCS.updateInitiative, { id: a.initiative, input: { title: '   ' } }],
      error: BAD('TITLE_REQUIRED', 'title'),
      message: /The title cannot be blank/,
    },
    {
      name: 'updating to an unknown owner',
      arrange: analysing,
      send: (a) => [
        DOCS.updateInitiative,
        { id: a.initiative, input: { ownerId: unknownId('User') } },
      ],
      error: { code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', field: 'ownerId' },
      message: /^No user matches ownerId\.$/,
    },
    {
      name: 'updating to a council member as owner',
      arrange: analysing,
      send: (a) => [DOCS.updateInitiative, { id: a.initiative, input: { ownerId: councilUser } }],
      error: BAD('OWNER_NOT_ELIGIBLE', 'ownerId'),
      message:
        /Carla Council cannot own an initiative: owners are active staff, not council members/,
    },
    {
      name: 'updating with an unknown feedback item',
      arrange: analysing,
      send: (a) => [
        DOCS.updateInitiative,
        { id: a.initiative, input: { feedbackIds: [unknownId('FeedbackItem')] } },
      ],
      error: { code: 'NOT_FOUND', reason: 'FEEDBACK_NOT_FOUND', field: 'feedbackIds' },
      message: /^No feedback item matches feedbackIds\[0\]\.$/,
    },
    // moveInitiative
    {
      name: 'moving from ANALYSE straight to MONITOR',
      arrange: analysing,
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'MONITOR' }],
      error: { ...CONFLICT('INVALID_TRANSITION'), field: 'processGroup' },
      message: /cannot move from ANALYSE to MONITOR; from ANALYSE it can move to IMPLEMENT/,
    },
    {
      name: 'finishing IMPLEMENT cancelling a task of another initiative',
      arrange: async () => {
        const { initiative } = await implementing();
        const other = await implementing();
        return { initiative, other: await task(other.initiative) };
      },
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'MONITOR', cancel: [a.other] }],
      error: BAD('TASK_NOT_IN_INITIATIVE', 'cancelTaskIds'),
      message: /The task is not a task of initiative INI-\d+\./,
    },
    {
      name: 'finishing IMPLEMENT cancelling a task that is already done',
      arrange: async () => {
        const { initiative } = await implementing();
        const done = await task(initiative);
        await drive.complete(done);
        return { initiative, task: done };
      },
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'MONITOR', cancel: [a.task] }],
      error: { ...CONFLICT('TASK_FINISHED'), field: 'cancelTaskIds' },
      message: /The task "Re-plan routes" is already done; a finished task cannot be changed/,
    },
    {
      name: 'finishing IMPLEMENT cancelling a malformed task id',
      arrange: implementing,
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'MONITOR', cancel: ['x'] }],
      error: BAD('INVALID_ID', 'cancelTaskIds'),
      message: /cancelTaskIds is not a valid InitiativeTask id/,
    },
    {
      name: 'opening a new revision from CORRECT with a blank brief',
      arrange: correcting,
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'IMPLEMENT', brief: ' \n ' }],
      error: BAD('BRIEF_REQUIRED', 'brief'),
      message: /A new revision of INI-\d+ needs a brief saying what changes this time/,
    },
    {
      name: 'opening a new revision from CORRECT without a brief',
      arrange: correcting,
      send: (a) => [DOCS.moveInitiative, { id: a.initiative, to: 'IMPLEMENT' }],
      error: BAD('BRIEF_REQUIRED', 'brief'),
      message: /needs a brief/,
    },
    // closeInitiative
    {
      name: 'closing while implementing',
      arrange: implementing,
      send: (a) => [DOCS.closeInitiative, { id: a.initiative, note: 'Done' }],
      error: CONFLICT('INVALID_TRANSITION'),
      message: /is in IMPLEMENT; it can be closed only from MONITOR or CORRECT/,
    },
    {
      name: 'closing while on hold',
      arrange: onHold,
      send: (a) => [DOCS.closeInitiative, { id: a.initiative }],
      error: CONFLICT('ON_HOLD'),
      message: /is on hold; resume it before you close it/,
    },
    // holdInitiative, resumeInitiative, cancelInitiative
    {
      name: 'holding with a blank reason',
      arrange: implementing,
      send: (a) => [DOCS.holdInitiative, { id: a.initiative, reason: '  ' }],
      error: BAD('REASON_REQUIRED', 'reason'),
      message: /Putting an initiative on hold needs a reason/,
    },
    {
      name: 'holding an initiative already on hold',
      arrange: onHold,
      send: (a) => [DOCS.holdInitiative, { id: a.initiative, reason: 'Again' }],
      error: CONFLICT('ON_HOLD'),
      message: /is already on hold/,
    },
    {
      name: 'resuming an initiative that is not on hold',
      arrange: implementing,
      send: (a) => [DOCS.resumeInitiative, { id: a.initiative }],
      error: CONFLICT('NOT_ON_HOLD'),
      message: /is not on hold, so there is nothing to resume/,
    },
    {
      name: 'cancelling with a blank reason',
      arrange: implementing,
      send: (a) => [DOCS.cancelInitiative, { id: a.initiative, reason: '' }],
      error: BAD('REASON_REQUIRED', 'reason'),
      message: /Cancelling an initiative needs a reason/,
    },
    // assignInitiativeOwner
    {
      name: 'assigning a council member as owner',
      arrange: implementing,
      send: (a) => [DOCS.assignInitiativeOwner, { id: a.initiative, ownerId: councilUser }],
      error: BAD('OWNER_NOT_ELIGIBLE', 'ownerId'),
      message:
        /Carla Council cannot own an initiative: owners are active staff, not council members/,
    },
    {
      name: 'assigning a deactivated user as owner',
      arrange: implementing,
      send: (a) => [DOCS.assignInitiativeOwner, { id: a.initiative, ownerId: formerStaff }],
      error: BAD('OWNER_NOT_ELIGIBLE', 'ownerId'),
      message:
        /Fred Former cannot own an initiative: owners are active staff, not deactivated users/,
    },
    {
      name: 'assigning an unknown user as owner',
      arrange: implementing,
      send: (a) => [DOCS.assignInitiativeOwner, { id: a.initiative, ownerId: unknownId('User') }],
      error: { code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', field: 'ownerId' },
      message: /^No user matches ownerId\.$/,
    },
    {
      name: 'assigning a department as owner',
      arrange: implementing,
      send: (a) => [DOCS.assignInitiativeOwner, { id: a.initiative, ownerId: world.logistics.gid }],
      error: BAD('INVALID_ID', 'ownerId'),
      message: /ownerId is not a valid User id/,
    },
  ];

  describe('refuses it with a typed error, a readable message, and changes nothing', () => {
    for (const c of cases) it(`such as ${c.name}`, () => runRefusalCase(h.api, getOrm(), c));
  });
});
