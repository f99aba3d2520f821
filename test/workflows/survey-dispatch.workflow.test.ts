import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ScheduleNotFoundError, type ScheduleHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker, WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { fromGlobalId, toGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { NotificationKind } from '../../server/src/modules/notification/notification.enums.js';
import { SurveyInvitation } from '../../server/src/modules/survey/survey-invitation.entity.js';
import {
  CampaignScheduleKind,
  CampaignStatus,
  InvitationStatus,
  TriggerEventType,
} from '../../server/src/modules/survey/survey.enums.js';
import { TemporalSurveyWorkflows } from '../../server/src/temporal/temporal-survey-workflows.js';
import {
  surveyScheduleId,
  triggerDispatchWorkflowId,
} from '../../workflows/contracts/survey.contract.js';
import { createWorker } from '../../workflows/worker.js';
import { accountIn, createCampaign, earlierInvitation } from '../fixtures/survey-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';
import { createDevServerEnv } from '../helpers/temporal-env.js';
import { eventually, quietTemporalLogs, workflowBundle } from '../helpers/workflow-harness.js';

const DAY = 86_400_000;
const { ECONOMIC_BUYER, TECHNICAL_BUYER, OPERATOR } = RespondentClass;

// Temporal Schedules are not served by the Java time-skipping test server: these tests use the
// real dev server, with a cron that never comes due on its own and explicit triggers.
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;
beforeAll(async () => {
  quietTemporalLogs();
  [env, bundle] = await Promise.all([createDevServerEnv(), workflowBundle()]);
}, 60_000);
afterAll(async () => {
  await env?.teardown();
});

const UPDATE = `mutation($id: ID!, $status: CampaignStatus!) { updateSurveyCampaign(id: $id, input: { status: $status }) { status } }`;
const RECORD = `mutation($input: RecordTriggerEventInput!) { recordTriggerEvent(input: $input) { id duplicate } }`;

describeEachDatabase('surveys dispatched on the real Temporal server', (getOrm) => {
  let api: TestApi;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    const taskQueue = `surveys-${randomUUID()}`;
    // A generous deadline: on a loaded machine a slow answer is not what these tests are about.
    const surveys = new TemporalSurveyWorkflows(env.client, { taskQueue, timeoutMs: 20_000 });
    api = await createTestApi(getOrm(), { surveys });
    worker = await createWorker({
      orm: getOrm(),
      connection: env.nativeConnection,
      taskQueue,
      namespace: env.namespace ?? 'default',
      log: silentLogger,
      bundle,
      config: loadConfig({ CX_SURVEY_FATIGUE_DAYS: '14' }),
    });
    running = worker.run();
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
  });

  const invitationsOf = (where: Record<string, unknown>) =>
    getOrm()
      .em.fork()
      .find(SurveyInvitation, where, { populate: ['notification', 'contact'] });

  it("a calendar campaign's schedule firing invites its classes in its segment, in their language, and the fatigue rule holds one back saying why", async () => {
    const { campaign: other } = await createCampaign(getOrm(), {
      name: 'Spring pulse',
      kind: CampaignScheduleKind.TRIGGER,
      triggerEvent: TriggerEventType.CONTRACT_SIGNED,
      targets: [ECONOMIC_BUYER],
    });
    const { account, contacts } = await accountIn(getOrm(), await segmentOf(getOrm), [
      { respondentClass: ECONOMIC_BUYER, locale: 'ru' },
      { respondentClass: TECHNICAL_BUYER, locale: 'en' },
      { respondentClass: TECHNICAL_BUYER, locale: 'ru' },
      { respondentClass: OPERATOR },
      { respondentClass: TECHNICAL_BUYER, active: false },
    ]);
    const [economic, techEn, techRu] = contacts;
    // Another segment's account: not this campaign's audience.
    const elsewhere = await accountIn(getOrm(), await segmentOf(getOrm), [
      { respondentClass: TECHNICAL_BUYER },
    ]);
    await earlierInvitation(getOrm(), other, economic!, new Date(Date.now() - 3 * DAY));
    const { campaign, gid } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [ECONOMIC_BUYER, TECHNICAL_BUYER],
      segment: account.segment,
      status: CampaignStatus.DRAFT,
    });

    const activated = await api.execute(UPDATE, { id: gid, status: 'ACTIVE' });
    expect(activated.errors).toBeUndefined();
    const schedule = env.client.schedule.getHandle(surveyScheduleId(campaign.id));
    const described = await schedule.describe();
    expect(described.state.paused).toBe(false);
    expect(described.spec.calendars?.length ?? 0).toBeGreaterThan(0);

    await schedule.trigger();
    const rows = await eventually(
      () => invitationsOf({ campaign: campaign.id }),
      (r) => r.length >= 3,
    );
    expect(rows).toHaveLength(3);
    const byContact = new Map(rows.map((r) => [r.contact.id, r]));
    expect([...byContact.keys()].sort()).toEqual([economic!.id, techEn!.id, techRu!.id].sort());
    expect(rows.every((r) => r.account.id === account.id)).toBe(true);
    expect(await invitationsOf({ account: elsewhere.account.id })).toEqual([]);

    const held = byContact.get(economic!.id)!;
    expect(held.status).toBe(InvitationStatus.HELD);
    expect(held.notification).toBeNull();
    expect(held.heldReason).toMatch(/invited 3 days ago .*"Spring pulse".*14 days/);

    const en = byContact.get(techEn!.id)!;
    const ru = byContact.get(techRu!.id)!;
    for (const sent of [en, ru]) expect(sent.status).toBe(InvitationStatus.SENT);
    expect(en.notification).toMatchObject({ kind: 'SURVEY_INVITATION', locale: 'en' });
    expect(en.notification!.subject).toMatch(/^Survey: /);
    expect(en.notification!.body).toContain(en.id);
    expect(ru.notification).toMatchObject({ locale: 'ru', recipient: techRu!.email });
    expect(ru.notification!.subject).toMatch(/^Опрос: /);

    // The campaign finishes: its schedule is deleted.
    await api.execute(UPDATE, { id: gid, status: 'FINISHED' });
    expect(await gone(schedule)).toBe(true);
  });

  it('pausing and resuming a campaign pauses and resumes its schedule', async () => {
    const { account } = await accountIn(getOrm(), await segmentOf(getOrm), []);
    const { campaign, gid } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [OPERATOR],
      segment: account.segment,
      status: CampaignStatus.DRAFT,
    });
    const schedule = env.client.schedule.getHandle(surveyScheduleId(campaign.id));
    await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await api.execute(UPDATE, { id: gid, status: 'ACTIVE' });
    expect(await pausedState(schedule, false)).toBe(false);
    await api.execute(UPDATE, { id: gid, status: 'PAUSED' });
    expect(await pausedState(schedule, true)).toBe(true);
    await api.execute(UPDATE, { id: gid, status: 'ACTIVE' });
    expect(await pausedState(schedule, false)).toBe(false);
    const cron = await api.execute(
      `mutation($id: ID!) { updateSurveyCampaign(id: $id, input: { cron: "30 7 * * MON" }) { cron } }`,
      { id: gid },
    );
    expect(cron.errors).toBeUndefined();
    const hours = await eventually(
      async () => (await schedule.describe()).spec.calendars?.[0]?.hour,
      (h) => h?.[0]?.start === 7,
    );
    expect(hours).toEqual([{ start: 7, end: 7, step: 1 }]);
    // A new window: the schedule fires only inside it.
    const endsAt = '2030-06-30T00:00:00.000Z';
    const window = await api.execute(
      `mutation($id: ID!, $endsAt: DateTimeISO) { updateSurveyCampaign(id: $id, input: { endsAt: $endsAt }) { endsAt } }`,
      { id: gid, endsAt },
    );
    expect(window.errors).toBeUndefined();
    const endAt = await eventually(
      async () => (await schedule.describe()).spec.endAt?.toISOString(),
      (at) => at === endsAt,
    );
    expect(endAt).toBe(endsAt);
    await api.execute(UPDATE, { id: gid, status: 'FINISHED' });
    expect(await gone(schedule)).toBe(true);
  });

  it('a trigger event invites the bound campaign’s classes of its account once, however often it is reported, with the fatigue rule', async () => {
    const { account, contacts } = await accountIn(getOrm(), await segmentOf(getOrm), [
      { respondentClass: OPERATOR, locale: 'ru' },
      { respondentClass: OPERATOR },
      { respondentClass: OPERATOR },
      { respondentClass: ECONOMIC_BUYER },
    ]);
    const [opRu, opEn, opTired] = contacts;
    const { campaign: earlier } = await createCampaign(getOrm(), {
      name: 'Quarterly check',
      kind: CampaignScheduleKind.TRIGGER,
      triggerEvent: TriggerEventType.SPECIFICATION_CHANGED,
      targets: [OPERATOR],
      status: CampaignStatus.FINISHED,
    });
    await earlierInvitation(getOrm(), earlier, opTired!, new Date(Date.now() - 10 * DAY));
    const { campaign } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.TRIGGER,
      triggerEvent: TriggerEventType.ORDER_DELIVERED,
      targets: [OPERATOR],
    });
    // Bound to another event, or to another segment: not started by this one.
    const { campaign: otherEvent } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.TRIGGER,
      triggerEvent: TriggerEventType.CLAIM_CLOSED,
      targets: [OPERATOR],
    });
    const { campaign: otherSegment } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.TRIGGER,
      triggerEvent: TriggerEventType.ORDER_DELIVERED,
      targets: [OPERATOR],
      segment: await segmentOf(getOrm),
    });

    const input = {
      accountId: toGlobalId('ClientAccount', account.id),
      type: 'ORDER_DELIVERED',
      externalId: `erp-delivery-${randomUUID()}`,
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    };
    const first = await api.execute(RECORD, { input });
    const again = await api.execute(RECORD, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordTriggerEvent.duplicate).toBe(false);
    expect(again.data!.recordTriggerEvent).toEqual({
      id: first.data!.recordTriggerEvent.id,
      duplicate: true,
    });
    const eventId = first.data!.recordTriggerEvent.id as string;
    const dbEventId = fromGlobalId(eventId, 'SurveyTriggerEvent', 'id');
    const result = await env.client.workflow
      .getHandle(triggerDispatchWorkflowId(dbEventId))
      .result();
    expect(result).toMatchObject({ jobs: 1, sent: 2, held: 1, existing: 0 });

    const rows = await invitationsOf({ account: account.id, campaign: { $ne: earlier.id } });
    expect(rows.map((r) => r.campaign.id)).toEqual([campaign.id, campaign.id, campaign.id]);
    const status = Object.fromEntries(rows.map((r) => [r.contact.id, r.status]));
    expect(status).toEqual({
      [opRu!.id]: InvitationStatus.SENT,
      [opEn!.id]: InvitationStatus.SENT,
      [opTired!.id]: InvitationStatus.HELD,
    });
    expect(rows.find((r) => r.contact.id === opTired!.id)!.heldReason).toMatch(
      /invited 10 days ago .*"Quarterly check"/,
    );
    expect(rows.find((r) => r.contact.id === opRu!.id)!.notification!.locale).toBe('ru');
    const messages = await getOrm()
      .em.fork()
      .count(ClientNotification, { account: account.id, kind: NotificationKind.SURVEY_INVITATION });
    expect(messages).toBe(2);
    expect(await invitationsOf({ campaign: { $in: [otherEvent.id, otherSegment.id] } })).toEqual(
      [],
    );
  });
});

/** A schedule's paused flag, polled until it reads `want` (the scheduler applies changes as signals). */
function pausedState(schedule: ScheduleHandle, want: boolean): Promise<boolean> {
  return eventually(
    async () => (await schedule.describe()).state.paused,
    (paused) => paused === want,
  );
}

/** True once the schedule no longer exists. */
function gone(schedule: ScheduleHandle): Promise<boolean> {
  return eventually(
    () =>
      schedule.describe().then(
        () => false,
        (err: unknown) => err instanceof ScheduleNotFoundError,
      ),
    (isGone) => isGone,
  );
}

async function segmentOf(getOrm: () => import('../../server/src/db/orm.js').Orm) {
  const { createAccount } = await import('../fixtures/factories.js');
  const { account } = await createAccount(getOrm(), { contacts: [] });
  return account.segment;
}
