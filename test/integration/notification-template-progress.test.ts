import { afterAll, beforeAll, expect, it } from 'vitest';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../../server/src/db/orm.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackChannel } from '../../server/src/modules/feedback/feedback.enums.js';
import { noticeCouncil } from '../../server/src/modules/initiative/council-notices.js';
import { CouncilReview } from '../../server/src/modules/initiative/council-review.entity.js';
import { InitiativeTask } from '../../server/src/modules/initiative/initiative-task.entity.js';
import { Initiative } from '../../server/src/modules/initiative/initiative.entity.js';
import { Milestone, ProcessGroup } from '../../server/src/modules/initiative/initiative.enums.js';
import { MilestoneService } from '../../server/src/modules/initiative/milestone.service.js';
import { TaskService } from '../../server/src/modules/initiative/task.service.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { NotificationTemplate } from '../../server/src/modules/notification/notification-template.entity.js';
import { NotificationKind } from '../../server/src/modules/notification/notification.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { createCouncil, createDepartment } from '../fixtures/initiative-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const SET = /* GraphQL */ `
  mutation ($input: SetNotificationTemplateInput!) {
    setNotificationTemplate(input: $input) {
      kind
      milestone
      locale
      placeholders
    }
  }
`;
const RESET = /* GraphQL */ `
  mutation ($input: ResetNotificationTemplateInput!) {
    resetNotificationTemplate(input: $input) {
      kind
      milestone
      locale
    }
  }
`;
const LIST = /* GraphQL */ `
  {
    notificationTemplates {
      kind
      milestone
      locale
      subject
    }
  }
`;

let seq = 0;

/**
 * A client-visible initiative affecting an account with a Russian and an English contact; the
 * Russian contact's feedback is linked to it (so the initiative started from their feedback).
 */
async function visibleInitiative(orm: Orm) {
  const { account, contacts } = await createAccount(orm, {
    contacts: [
      { respondentClass: RespondentClass.OPERATOR, locale: 'ru' },
      { respondentClass: RespondentClass.OPERATOR, locale: 'en' },
    ],
  });
  const em = orm.em.fork();
  const feedback = em.create(FeedbackItem, {
    account: account.id,
    contact: contacts[0]!.id,
    channel: FeedbackChannel.COMPLAINT,
    text: 'Trucks are late',
    npsScore: 3,
  });
  seq += 1;
  const initiative = em.create(Initiative, {
    code: `INI-T${seq}-${Date.now() % 100_000}`,
    title: 'Fix late deliveries',
    problem: 'Trucks arrive late',
    expectedEffect: 'Nine in ten deliveries on time',
    processGroup: ProcessGroup.IMPLEMENT,
    clientVisible: true,
    affectedAccounts: [account.id],
    feedback: [feedback],
  });
  await em.flush();
  return { initiative, ru: contacts[0]!, en: contacts[1]!, account };
}

/** Announces a milestone the way the initiative services do, in one transaction. */
async function announce(
  orm: Orm,
  initiativeId: string,
  milestone: Milestone,
  taskId?: string,
): Promise<ClientNotification[]> {
  const ctx = domainContext(orm, { viewer: { actor: 'test' } });
  return ctx.em.transactional(async (em) => {
    const initiative = await em.findOneOrFail(Initiative, { id: initiativeId });
    const task = taskId ? await em.findOneOrFail(InitiativeTask, { id: taskId }) : undefined;
    return ctx.service(MilestoneService).announce(em, initiative, milestone, { task });
  });
}

describeEachDatabase('Templates of progress messages and council requests', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  const rowOf = (rows: ClientNotification[], contactId: string) => {
    const row = rows.find((r) => r.contact?.id === contactId);
    if (!row) throw new Error(`no row for contact ${contactId}`);
    return row;
  };

  it("writes a STARTED milestone from each contact's language's template, TASK_DONE without one from the built-in text, and STARTED from the built-in text once reset", async () => {
    const en = await api.execute(SET, {
      input: {
        kind: 'INITIATIVE_PROGRESS',
        milestone: 'STARTED',
        locale: 'en',
        subject: '{{code}} has started',
        body: '{{because}}\n{{title}}: {{expectedEffect}} (ref {{code}}, revision {{revision}})',
      },
    });
    expect(en.errors).toBeUndefined();
    expect(en.data!.setNotificationTemplate).toEqual({
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'STARTED',
      locale: 'en',
      placeholders: [
        'contactName',
        'code',
        'title',
        'expectedEffect',
        'revision',
        'brief',
        'because',
      ],
    });
    const ru = await api.execute(SET, {
      input: {
        kind: 'INITIATIVE_PROGRESS',
        milestone: 'STARTED',
        locale: 'ru',
        subject: 'Начали: {{title}}',
        body: '{{contactName}}, {{because}}\nПроект {{code}}',
      },
    });
    expect(ru.errors).toBeUndefined();
    const listed = await api.execute(LIST);
    expect(listed.data!.notificationTemplates).toContainEqual({
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'STARTED',
      locale: 'ru',
      subject: 'Начали: {{title}}',
    });

    const world = await visibleInitiative(getOrm());
    const code = world.initiative.code;
    const started = await announce(getOrm(), world.initiative.id, Milestone.STARTED);
    expect(started).toHaveLength(2);
    const ruRow = rowOf(started, world.ru.id);
    expect(ruRow.locale).toBe('ru');
    expect(ruRow.subject).toBe('Начали: Fix late deliveries');
    expect(ruRow.body).toBe(
      `${world.ru.name}, Вы рассказали нам об этой проблеме — спасибо: ваш отзыв стал одной из причин этих изменений.\nПроект ${code}`,
    );
    const enRow = rowOf(started, world.en.id);
    expect(enRow.locale).toBe('en');
    expect(enRow.subject).toBe(`${code} has started`);
    expect(enRow.body).toBe(
      `We are letting you know because it concerns your company.\nFix late deliveries: Nine in ten deliveries on time (ref ${code}, revision 1)`,
    );
    // Written once: the rows are in the outbox with the unchanged dedupe keys.
    const stored = await getOrm()
      .em.fork()
      .find(
        ClientNotification,
        { initiative: world.initiative.id },
        { orderBy: { locale: 'asc' } },
      );
    expect(stored.map((r) => [r.dedupeKey, r.subject])).toEqual([
      [`progress:${world.initiative.id}:STARTED:r1:${world.en.id}`, `${code} has started`],
      [`progress:${world.initiative.id}:STARTED:r1:${world.ru.id}`, 'Начали: Fix late deliveries'],
    ]);

    // No TASK_DONE template: the built-in text.
    const { department } = await createDepartment(getOrm());
    const em = getOrm().em.fork();
    const task = em.create(InitiativeTask, {
      initiative: world.initiative.id,
      department: department.id,
      title: 'Re-plan routes',
      clientVisible: true,
      outcomeNote: 'Routes re-planned',
    });
    await em.flush();
    const done = await announce(getOrm(), world.initiative.id, Milestone.TASK_DONE, task.id);
    expect(rowOf(done, world.en.id).subject).toBe('Step completed: Re-plan routes');
    expect(rowOf(done, world.ru.id).subject).toBe('Сделан шаг: Re-plan routes');

    const reset = await api.execute(RESET, {
      input: { kind: 'INITIATIVE_PROGRESS', milestone: 'STARTED', locale: 'ru' },
    });
    expect(reset.data!.resetNotificationTemplate).toEqual({
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'STARTED',
      locale: 'ru',
    });
    const next = await visibleInitiative(getOrm());
    const again = await announce(getOrm(), next.initiative.id, Milestone.STARTED);
    expect(rowOf(again, next.ru.id).subject).toBe('Мы начали работу: Fix late deliveries');
    expect(rowOf(again, next.en.id).subject).toBe(`${next.initiative.code} has started`);
  });

  it('writes a completed step from the TASK_DONE template when the task is completed, the other language from the built-in text', async () => {
    const set = await api.execute(SET, {
      input: {
        kind: 'INITIATIVE_PROGRESS',
        milestone: 'TASK_DONE',
        locale: 'en',
        subject: 'Done: {{taskTitle}}',
        body: '{{code}}: {{taskTitle}} — {{outcomeNote}}',
      },
    });
    expect(set.errors).toBeUndefined();
    const world = await visibleInitiative(getOrm());
    const { department } = await createDepartment(getOrm());
    const em = getOrm().em.fork();
    const task = em.create(InitiativeTask, {
      initiative: world.initiative.id,
      department: department.id,
      title: 'Book slots online',
      clientVisible: true,
    });
    await em.flush();
    // As the initiative workflow's activity applies a completeTask command: as the system.
    await domainContext(getOrm(), { viewer: { actor: 'workflow' } })
      .service(TaskService)
      .complete(world.initiative.id, {
        actor: 'user:someone',
        taskId: task.id,
        outcomeNote: 'Slots open online',
      });
    const rows = await getOrm().em.fork().find(ClientNotification, {
      initiative: world.initiative.id,
      milestone: Milestone.TASK_DONE,
    });
    const code = world.initiative.code;
    expect(rowOf(rows, world.en.id)).toMatchObject({
      subject: 'Done: Book slots online',
      body: `${code}: Book slots online — Slots open online`,
    });
    // No ru TASK_DONE template: the built-in text in Russian.
    expect(rowOf(rows, world.ru.id).subject).toBe('Сделан шаг: Book slots online');
  });

  it("writes a council's review request and reminders from the template, a reminder saying so", async () => {
    const set = await api.execute(SET, {
      input: {
        kind: 'COUNCIL_REVIEW_REQUEST',
        locale: 'en',
        subject: '{{council}}: please review {{title}}',
        body: 'Dear {{contactName}}, revision {{revision}} of {{code}} awaits you.{{reminder}}',
      },
    });
    expect(set.errors).toBeUndefined();
    const world = await visibleInitiative(getOrm());
    const { council } = await createCouncil(getOrm(), [world.account], [world.en]);
    const em = getOrm().em.fork();
    const review = em.create(CouncilReview, {
      initiative: world.initiative.id,
      council: council.id,
      revision: 1,
    });
    await em.flush();
    const ctx = domainContext(getOrm(), { viewer: { actor: 'test' } });
    const notice = (reminder: number) =>
      ctx.em.transactional(async (tx) => {
        const r = await tx.findOneOrFail(
          CouncilReview,
          { id: review.id },
          { populate: ['council'] },
        );
        const i = await tx.findOneOrFail(Initiative, { id: world.initiative.id });
        return noticeCouncil(ctx, tx, r, i, reminder, new Date());
      });
    const [request] = await notice(0);
    const code = world.initiative.code;
    expect(request!.subject).toBe(`${council.name}: please review Fix late deliveries`);
    expect(request!.body).toBe(`Dear ${world.en.name}, revision 1 of ${code} awaits you.`);
    const [reminder] = await notice(2);
    expect(reminder!.subject).toBe(`Reminder: ${council.name}: please review Fix late deliveries`);
    expect(reminder!.body).toBe(`Dear ${world.en.name}, revision 1 of ${code} awaits you.2`);
    expect(reminder!.dedupeKey.startsWith(`review:${review.id}:reminder-2:`)).toBe(true);
  });

  it.each([
    [
      'a progress template without a milestone',
      { kind: 'INITIATIVE_PROGRESS', subject: '{{code}}', body: 'x' },
      'TEMPLATE_MILESTONE_REQUIRED',
      'milestone',
      'An INITIATIVE_PROGRESS template is set per milestone: give STARTED, TASK_DONE, MONITORING or CLOSED.',
    ],
    [
      'a milestone on another kind',
      {
        kind: 'CASE_RESOLUTION',
        milestone: 'STARTED',
        subject: 'x',
        body: '{{reference}} {{note}}',
      },
      'TEMPLATE_MILESTONE_NOT_APPLICABLE',
      'milestone',
      'Only INITIATIVE_PROGRESS templates have a milestone; leave it out for CASE_RESOLUTION.',
    ],
    [
      'a placeholder the milestone does not have',
      {
        kind: 'INITIATIVE_PROGRESS',
        milestone: 'STARTED',
        subject: '{{code}}',
        body: 'Step {{taskTitle}}',
      },
      'TEMPLATE_PLACEHOLDER_UNKNOWN',
      'body',
      '{{taskTitle}} is not a placeholder of INITIATIVE_PROGRESS STARTED; it may use {{contactName}}, {{code}}, {{title}}, {{expectedEffect}}, {{revision}}, {{brief}}, {{because}}.',
    ],
    [
      'a progress template without the code',
      {
        kind: 'INITIATIVE_PROGRESS',
        milestone: 'MONITORING',
        subject: 'In place',
        body: '{{title}}',
      },
      'TEMPLATE_PLACEHOLDER_MISSING',
      'body',
      'An INITIATIVE_PROGRESS MONITORING template must contain {{code}}, the project reference the client quotes when replying.',
    ],
    [
      'a completed step without its title',
      { kind: 'INITIATIVE_PROGRESS', milestone: 'TASK_DONE', subject: 'Done', body: '{{code}}' },
      'TEMPLATE_PLACEHOLDER_MISSING',
      'body',
      'An INITIATIVE_PROGRESS TASK_DONE template must contain {{taskTitle}}, the step that was completed.',
    ],
    [
      'a council request without the code',
      { kind: 'COUNCIL_REVIEW_REQUEST', subject: 'Review', body: '{{title}}' },
      'TEMPLATE_PLACEHOLDER_MISSING',
      'body',
      'A COUNCIL_REVIEW_REQUEST template must contain {{code}}, the project reference the client quotes when replying.',
    ],
  ])('refuses %s, typed, and writes nothing', async (_name, text, reason, field, message) => {
    const before = await getOrm().em.fork().count(NotificationTemplate, {});
    const res = await api.execute(SET, { input: { locale: 'ru', ...text } });
    expect(res.errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', reason, field },
    });
    expect(res.data?.setNotificationTemplate ?? null).toBeNull();
    expect(await getOrm().em.fork().count(NotificationTemplate, {})).toBe(before);
  });

  it('keeps one template per kind, language and milestone in the database, a missing milestone included', async () => {
    const row = (milestone: Milestone | null) =>
      getOrm()
        .em.fork()
        .create(NotificationTemplate, {
          kind: milestone ? NotificationKind.INITIATIVE_PROGRESS : NotificationKind.CASE_RESOLUTION,
          locale: 'ru',
          milestone,
          subject: 'x',
          body: '{{reference}} {{note}} {{code}}',
        });
    const save = async (milestone: Milestone | null) => {
      const em = getOrm().em.fork();
      em.persist(row(milestone));
      await em.flush();
    };
    await save(Milestone.MONITORING);
    await save(Milestone.CLOSED);
    await expect(save(Milestone.CLOSED)).rejects.toThrow(UniqueConstraintViolationException);
    await save(null);
    await expect(save(null)).rejects.toThrow(UniqueConstraintViolationException);
  });

  it('refuses resetting a progress template without a milestone, and one never set', async () => {
    const missing = await api.execute(RESET, {
      input: { kind: 'INITIATIVE_PROGRESS', locale: 'en' },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEMPLATE_MILESTONE_REQUIRED',
    });
    const never = await api.execute(RESET, {
      input: { kind: 'INITIATIVE_PROGRESS', milestone: 'CLOSED', locale: 'en' },
    });
    expect(never.errors?.[0]).toMatchObject({
      message:
        'There is no en template for INITIATIVE_PROGRESS CLOSED; the built-in text is already used.',
      extensions: { code: 'NOT_FOUND', reason: 'TEMPLATE_NOT_FOUND' },
    });
  });
});
