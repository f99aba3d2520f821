import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Milestone } from '../../server/src/modules/initiative/initiative.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { createAccount } from '../fixtures/factories.js';
import { createInitiativeWorld } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { DAY, DOCS, InitiativeDriver } from '../helpers/initiative-driver.js';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();

describeEachDatabase('Initiative commands sent more than once', (getOrm) => {
  let h: WorkflowHarness;
  let drive: InitiativeDriver;
  let world: Awaited<ReturnType<typeof createInitiativeWorld>>;
  /** An account with two contacts: each client-visible step is one message to each. */
  let client: Awaited<ReturnType<typeof createAccount>>;

  beforeAll(async () => {
    h = await startWorkflowHarness(temporal.env, getOrm(), temporal.bundle);
    drive = new InitiativeDriver(h.api, temporal.env);
    world = await createInitiativeWorld(getOrm());
    client = await createAccount(getOrm(), {
      name: 'Gamma Resins',
      contacts: [
        { respondentClass: RespondentClass.OPERATOR },
        { respondentClass: RespondentClass.TECHNICAL_BUYER, locale: 'ru' },
      ],
    });
  });
  afterAll(async () => h?.stop());

  /** A client-visible initiative in IMPLEMENT with one client-visible open task. */
  const visibleTask = async () => {
    const { id } = await drive.implementing(world.planner.gid, {
      clientVisible: true,
      affectedAccountIds: [client.accountGid],
    });
    const task = await drive.task(id, { departmentId: world.logistics.gid });
    return {
      initiative: id,
      task: task.id,
      initiativeId: fromGlobalId(id, 'Initiative'),
      taskId: fromGlobalId(task.id, 'InitiativeTask'),
    };
  };
  const effects = async (initiativeId: string, taskId: string) => {
    const em = getOrm().em.fork();
    const task = await em.findOneOrFail(InitiativeTask, { id: taskId });
    const audits = await em.count(AuditEvent, { entityId: taskId, action: 'completeTask' });
    const messages = await em.find(ClientNotification, {
      initiative: initiativeId,
      milestone: Milestone.TASK_DONE,
    });
    return {
      status: task.status,
      outcomeNote: task.outcomeNote,
      audits,
      messagesTo: messages.map((m) => m.contact!.id).sort(),
    };
  };
  const contactIds = () => client.contacts.map((c) => c.id).sort();

  it('completes a task sent twice at once exactly once: one DONE task, one audit row, one TASK_DONE message per contact', async () => {
    const t = await visibleTask();
    const answers = await Promise.all([
      h.api.execute(DOCS.completeTask, { id: t.task, note: 'First' }),
      h.api.execute(DOCS.completeTask, { id: t.task, note: 'Second' }),
    ]);
    const done = answers.filter((a) => !a.errors);
    const refused = answers.filter((a) => a.errors);
    expect(done).toHaveLength(1);
    expect(done[0]!.data!.completeTask.status).toBe('DONE');
    // The other one is refused like any command on a finished task, never an internal error.
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'TASK_FINISHED',
      field: 'id',
    });
    expect(refused[0]!.errors![0]!.message).toMatch(/is already done/);

    expect(await effects(t.initiativeId, t.taskId)).toEqual({
      status: 'DONE',
      outcomeNote: expect.stringMatching(/^(First|Second)$/),
      audits: 1,
      messagesTo: contactIds(),
    });
    const live = await drive.ok(`query($id: ID!) { initiative(id: $id) { live { openTasks } } }`, {
      id: t.initiative,
    });
    expect(live.initiative.live.openTasks).toBe(0);
  });

  it('applies an Update repeated with the same update id once, and answers the repeat with the first outcome', async () => {
    const t = await visibleTask();
    const command = { actor: 'user:test', taskId: t.taskId, outcomeNote: 'Printed at dispatch' };
    const first = await h.workflows.execute(t.initiativeId, 'completeTask', command, {
      updateId: 'x',
    });
    // Applied again, this would be refused: the task is done by now.
    const repeat = await h.workflows.execute(t.initiativeId, 'completeTask', command, {
      updateId: 'x',
    });
    expect(repeat).toEqual(first);
    expect(first.state.tasks.map((task) => task.status)).toEqual(['DONE']);
    expect(await effects(t.initiativeId, t.taskId)).toEqual({
      status: 'DONE',
      outcomeNote: 'Printed at dispatch',
      audits: 1,
      messagesTo: contactIds(),
    });
  });

  it('creates one task for an addTask Update repeated with the same update id', async () => {
    const { id } = await drive.implementing(world.planner.gid);
    const initiativeId = fromGlobalId(id, 'Initiative');
    const command = {
      actor: 'user:test',
      title: 'Print the invoice with the waybill',
      departmentId: world.logistics.department.id,
      dueAt: await drive.dueIn(10 * DAY),
    };
    const first = await h.workflows.execute(initiativeId, 'addTask', command, { updateId: 'y' });
    const repeat = await h.workflows.execute(initiativeId, 'addTask', command, { updateId: 'y' });
    expect(repeat.subjectId).toBe(first.subjectId);
    expect(await getOrm().em.fork().count(InitiativeTask, { initiative: initiativeId })).toBe(1);
  });
});
