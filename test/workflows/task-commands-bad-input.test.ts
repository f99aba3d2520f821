import { afterAll, beforeAll, describe, it } from 'vitest';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { unknownId } from '../helpers/crud.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DAY, DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { runRefusalCase, type RefusalCase } from '../helpers/refusals.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

type Arranged = { initiative: string; task: string };
const INVALID_TASK_ID = { code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: 'id' } as const;
const FINISHED = { code: 'CONFLICT', reason: 'TASK_FINISHED', field: 'id' } as const;
const BAD = (reason: string, field: string) => ({ code: 'BAD_USER_INPUT', reason, field }) as const;

describeEachDatabase('Task commands given bad input', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
  });
  afterAll(async () => h?.stop());

  /** An initiative in IMPLEMENT with one open Logistics task, due in ten days. */
  const withTask = async (): Promise<Arranged> => {
    const { id } = await drive.implementing(world.planner.gid);
    const task = await drive.task(id, { departmentId: world.logistics.gid });
    return { initiative: id, task: task.id };
  };
  const withTaskThen =
    (step: (task: string, initiative: string) => Promise<void>) => async (): Promise<Arranged> => {
      const arranged = await withTask();
      await step(arranged.task, arranged.initiative);
      return arranged;
    };
  const withDoneTask = withTaskThen((task) => drive.complete(task));
  const withCancelledTask = withTaskThen((task) => drive.cancelTask(task));
  const onHold = withTaskThen((_task, initiative) => drive.hold(initiative));
  const newTask = (
    a: Arranged,
    input: Record<string, unknown>,
  ): [string, Record<string, unknown>] => [
    DOCS.createInitiativeTask,
    {
      input: {
        initiativeId: a.initiative,
        title: 'Extra',
        departmentId: world.logistics.gid,
        ...input,
      },
    },
  ];
  const yesterday = () => drive.dueIn(-DAY);

  const cases: RefusalCase<Arranged & { past?: string }>[] = [
    // createInitiativeTask
    {
      name: 'adding a task for an unknown department',
      arrange: withTask,
      send: (a) => newTask(a, { departmentId: unknownId('Department') }),
      error: { code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND', field: 'departmentId' },
      message: /^No department matches departmentId\.$/,
    },
    {
      name: 'adding a task for someone outside its department',
      arrange: withTask,
      send: (a) => newTask(a, { assigneeId: world.seller.gid }),
      error: BAD('ASSIGNEE_NOT_IN_DEPARTMENT', 'assigneeId'),
      message: /Boris Seller is not a member of the department Logistics/,
    },
    {
      name: 'adding a task for an unknown person',
      arrange: withTask,
      send: (a) => newTask(a, { assigneeId: unknownId('User') }),
      error: { code: 'NOT_FOUND', reason: 'USER_NOT_FOUND', field: 'assigneeId' },
      message: /^No user matches assigneeId\.$/,
    },
    {
      name: 'adding a task due in the past',
      arrange: async () => ({ ...(await withTask()), past: await yesterday() }),
      send: (a) => newTask(a, { dueAt: a.past }),
      error: BAD('DUE_IN_PAST', 'dueAt'),
      message: /The due date .* is in the past; choose a date to come/,
    },
    {
      name: 'adding a task with a blank title',
      arrange: withTask,
      send: (a) => newTask(a, { title: '   ' }),
      error: BAD('TITLE_REQUIRED', 'title'),
      message: /A task needs a title/,
    },
    {
      name: 'adding a task while the initiative is on hold',
      arrange: onHold,
      send: (a) => newTask(a, {}),
      error: { code: 'CONFLICT', reason: 'ON_HOLD' },
      message: /is on hold; resume it before you add tasks/,
    },
    // updateInitiativeTask
    {
      name: 'updating a task by the id of its initiative',
      arrange: withTask,
      send: (a) => [DOCS.updateInitiativeTask, { id: a.initiative, input: { title: 'x' } }],
      error: INVALID_TASK_ID,
      message: /id is not a valid InitiativeTask id/,
    },
    {
      name: 'setting a task DONE through an update',
      arrange: withTask,
      send: (a) => [DOCS.updateInitiativeTask, { id: a.task, input: { status: 'DONE' } }],
      error: BAD('INVALID_TASK_STATUS', 'status'),
      message: /use completeTask for DONE/,
    },
    {
      name: 'setting a task REJECTED through an update',
      arrange: withTask,
      send: (a) => [DOCS.updateInitiativeTask, { id: a.task, input: { status: 'REJECTED' } }],
      error: BAD('INVALID_TASK_STATUS', 'status'),
      message: /use rejectTask for REJECTED/,
    },
    {
      name: 'moving a task’s due date into the past',
      arrange: async () => ({ ...(await withTask()), past: await yesterday() }),
      send: (a) => [DOCS.updateInitiativeTask, { id: a.task, input: { dueAt: a.past } }],
      error: BAD('DUE_IN_PAST', 'dueAt'),
      message: /is in the past; choose a date to come/,
    },
    {
      name: 'giving a task to someone outside its department',
      arrange: withTask,
      send: (a) => [
        DOCS.updateInitiativeTask,
        { id: a.task, input: { assigneeId: world.seller.gid } },
      ],
      error: BAD('ASSIGNEE_NOT_IN_DEPARTMENT', 'assigneeId'),
      message: /Boris Seller is not a member of the department Logistics/,
    },
    {
      name: 'blanking a task’s title',
      arrange: withTask,
      send: (a) => [DOCS.updateInitiativeTask, { id: a.task, input: { title: ' ' } }],
      error: BAD('TITLE_REQUIRED', 'title'),
      message: /A task needs a title/,
    },
    {
      name: 'updating a done task',
      arrange: withDoneTask,
      send: (a) => [DOCS.updateInitiativeTask, { id: a.task, input: { title: 'Again' } }],
      error: FINISHED,
      message: /The task "Re-plan routes" is already done; a finished task cannot be changed/,
    },
    // completeTask
    {
      name: 'completing a task that is already done',
      arrange: withDoneTask,
      send: (a) => [DOCS.completeTask, { id: a.task, note: 'Twice' }],
      error: FINISHED,
      message: /is already done; a finished task cannot be changed/,
    },
    {
      name: 'completing a cancelled task',
      arrange: withCancelledTask,
      send: (a) => [DOCS.completeTask, { id: a.task }],
      error: FINISHED,
      message: /is already cancelled; a finished task cannot be changed/,
    },
    // rejectTask
    {
      name: 'rejecting a task with a blank note',
      arrange: withTask,
      send: (a) => [DOCS.rejectTask, { id: a.task, note: ' \t ' }],
      error: BAD('NOTE_REQUIRED', 'note'),
      message: /Rejecting a task needs a note saying why/,
    },
    {
      name: 'rejecting a done task',
      arrange: withDoneTask,
      send: (a) => [DOCS.rejectTask, { id: a.task, note: 'Not ours' }],
      error: FINISHED,
      message: /is already done/,
    },
    // reassignTask
    {
      name: 'reassigning a cancelled task',
      arrange: withCancelledTask,
      send: (a) => [DOCS.reassignTask, { id: a.task, input: { departmentId: world.sales.gid } }],
      error: FINISHED,
      message:
        /The task "Re-plan routes" is cancelled; only open or rejected tasks can be reassigned/,
    },
    {
      name: 'reassigning a done task',
      arrange: withDoneTask,
      send: (a) => [DOCS.reassignTask, { id: a.task, input: { departmentId: world.sales.gid } }],
      error: FINISHED,
      message: /is done; only open or rejected tasks can be reassigned/,
    },
    {
      name: 'reassigning to an unknown department',
      arrange: withTask,
      send: (a) => [
        DOCS.reassignTask,
        { id: a.task, input: { departmentId: unknownId('Department') } },
      ],
      error: { code: 'NOT_FOUND', reason: 'DEPARTMENT_NOT_FOUND', field: 'departmentId' },
      message: /^No department matches departmentId\.$/,
    },
    {
      name: 'reassigning to someone outside the new department',
      arrange: withTask,
      send: (a) => [
        DOCS.reassignTask,
        { id: a.task, input: { departmentId: world.sales.gid, assigneeId: world.planner.gid } },
      ],
      error: BAD('ASSIGNEE_NOT_IN_DEPARTMENT', 'assigneeId'),
      message: /Anna Planner is not a member of the department Sales/,
    },
    {
      name: 'reassigning with a due date in the past',
      arrange: async () => ({ ...(await withTask()), past: await yesterday() }),
      send: (a) => [
        DOCS.reassignTask,
        { id: a.task, input: { departmentId: world.sales.gid, dueAt: a.past } },
      ],
      error: BAD('DUE_IN_PAST', 'dueAt'),
      message: /is in the past; choose a date to come/,
    },
    {
      name: 'reassigning while the initiative is on hold',
      arrange: onHold,
      send: (a) => [DOCS.reassignTask, { id: a.task, input: { departmentId: world.sales.gid } }],
      error: { code: 'CONFLICT', reason: 'ON_HOLD' },
      message: /is on hold; resume it before you reassign tasks/,
    },
    // cancelTask
    {
      name: 'cancelling a task with a blank reason',
      arrange: withTask,
      send: (a) => [DOCS.cancelTask, { id: a.task, reason: '' }],
      error: BAD('REASON_REQUIRED', 'reason'),
      message: /Cancelling a task needs a reason/,
    },
    {
      name: 'cancelling a done task',
      arrange: withDoneTask,
      send: (a) => [DOCS.cancelTask, { id: a.task, reason: 'Gone' }],
      error: FINISHED,
      message: /is already done/,
    },
  ];

  describe('refuses it with a typed error, a readable message, and changes nothing', () => {
    for (const c of cases) it(`such as ${c.name}`, () => runRefusalCase(h.api, getOrm(), c));
  });
});
