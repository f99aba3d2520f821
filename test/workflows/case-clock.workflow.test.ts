import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { fromGlobalId, toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackCase } from '../../server/src/modules/case/case.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { TemporalCollectStarter } from '../../server/src/temporal/temporal-collect-starter.js';
import { caseWorkflowId, type CaseClockResult } from '../../workflows/contracts/case.contract.js';
import { createWorker } from '../../workflows/worker.js';
import { createCaseWorld } from '../fixtures/case-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { eventually } from '../helpers/workflow-harness.js';

const HOUR = 3_600_000;
const temporal = useTimeSkippingEnv();

// Short, distinct SLAs so each assertion can only hold for the rule it names.
const config = loadConfig({
  CX_CASE_SLA_HOURS: '{"DEFAULT":30,"DELIVERY_DISCIPLINE":20}',
  CX_CASE_SPECIAL_SLA_HOURS: '6',
  CX_CASE_REMINDER_HOURS: '5',
});

const SUBMIT = `mutation($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { feedbackItem { id } }
}`;
const CASE = `query($id: ID!) { case(id: $id) {
  id status reason slaHours specialRequirementInPlay openedAt responseDueAt remindedAt escalatedAt
  firstResponseAt resolvedAt timeToFirstResponseHours department { id }
} }`;

describeEachDatabase('The case clock on the time-skipping server', (getOrm) => {
  let api: TestApi;
  let worker: Worker;
  let running: Promise<void>;
  const started: string[] = [];

  beforeAll(async () => {
    const taskQueue = `cases-${randomUUID()}`;
    const collect = new TemporalCollectStarter(temporal.env.client, { taskQueue });
    // The API reads "now" from the test server, as the workflows do.
    api = await createTestApi(
      getOrm(),
      { collect, config },
      { now: () => temporal.env.currentTimeMs() },
    );
    worker = await createWorker({
      orm: getOrm(),
      connection: temporal.env.nativeConnection,
      taskQueue,
      namespace: temporal.env.namespace ?? 'default',
      log: silentLogger,
      bundle: temporal.bundle,
      config,
    });
    running = worker.run();
  });

  afterAll(async () => {
    // A clock left waiting on its timer would hold the test server's time still.
    await Promise.all(
      started.map((id) =>
        temporal.env.client.workflow
          .getHandle(caseWorkflowId(id))
          .terminate('test finished')
          .catch(() => undefined),
      ),
    );
    await api?.stop();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
  });

  async function gql<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await api.execute<T>(query, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  }

  /**
   * Submits through GraphQL and polls until the collect workflow has opened the case. Polling,
   * not awaiting the collect result: awaiting lets the test server skip time, which would run
   * the new case's clock before the test could act.
   */
  async function submitAndCollect(input: Record<string, unknown>): Promise<string> {
    const data = await gql(SUBMIT, { input });
    const feedbackId = fromGlobalId(data.submitFeedback.feedbackItem.id, 'FeedbackItem');
    const kase = await eventually(
      () => getOrm().em.fork().findOne(FeedbackCase, { feedback: feedbackId }),
      (found) => found !== null,
    );
    expect(kase).not.toBeNull();
    started.push(kase!.id);
    // The case row commits before the collect workflow starts its clock.
    const clock = temporal.env.client.workflow.getHandle(caseWorkflowId(kase!.id));
    const running = await eventually(
      () =>
        clock.describe().then(
          () => true,
          () => false,
        ),
      (found) => found,
    );
    expect(running).toBe(true);
    return kase!.id;
  }

  it('opens a detractor’s case for the owning department, reminds, escalates when overdue and closes with a message to the client in Russian', async () => {
    const w = await createCaseWorld(getOrm(), { locale: 'ru' });
    const caseId = await submitAndCollect({
      accountId: w.gid.account,
      contactId: w.gid.contact,
      touchpointId: w.gid.touchpoint,
      channel: 'SURVEY',
      npsScore: 2,
      language: 'ru',
    });
    const caseGid = toGlobalId('Case', caseId);
    const opened = (await gql(CASE, { id: caseGid })).case;
    expect(opened).toMatchObject({
      status: 'OPEN',
      reason: 'DETRACTOR',
      slaHours: 30,
      specialRequirementInPlay: false,
      department: { id: toGlobalId('Department', w.logisticsId) },
    });

    // Time runs: reminded 5 hours before the 30-hour deadline, escalated when it passes.
    const stamps = () =>
      getOrm()
        .em.fork()
        .findOneOrFail(FeedbackCase, caseId)
        .then((c) => ({ reminded: !!c.remindedAt, escalated: !!c.escalatedAt }));
    await temporal.env.sleep(24 * HOUR);
    expect(await stamps()).toEqual({ reminded: false, escalated: false });
    await temporal.env.sleep(1 * HOUR + 60_000);
    expect(await eventually(stamps, (s) => s.reminded)).toEqual({
      reminded: true,
      escalated: false,
    });
    await temporal.env.sleep(5 * HOUR);
    expect(await eventually(stamps, (s) => s.escalated)).toEqual({
      reminded: true,
      escalated: true,
    });
    const clock: CaseClockResult = await temporal.env.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .result();
    expect(clock).toEqual({
      caseId,
      settledBeforeDeadline: false,
      reminded: true,
      escalated: true,
    });

    const em = getOrm().em.fork();
    const kase = await em.findOneOrFail(FeedbackCase, caseId);
    const openedAt = kase.openedAt.getTime();
    // Timers fire at their time; the step records when it ran, a moment later.
    const after = (t: Date | null | undefined, hours: number) => {
      expect(t!.getTime() - openedAt).toBeGreaterThanOrEqual(hours * HOUR);
      expect(t!.getTime() - openedAt).toBeLessThan(hours * HOUR + 60_000);
    };
    after(kase.remindedAt, 25);
    after(kase.escalatedAt, 30);
    const inbox = await em.find(
      InboxEntry,
      { dedupeKey: { $like: `case-%:${caseId}:%` } },
      { orderBy: { createdAt: 'asc', dedupeKey: 'asc' } },
    );
    const to = (kind: string) =>
      inbox.filter((e) => e.kind === kind).map((e) => e.recipientDepartment?.id);
    expect(to('CASE_OPENED')).toEqual([w.logisticsId]);
    expect(to('CASE_DUE_SOON')).toEqual([w.logisticsId]);
    expect(to('CASE_ESCALATED')).toContain(w.officeId);
    expect(to('CASE_ESCALATED')).toContain(w.logisticsId);
    const audit = await em.find(AuditEvent, { entityId: caseId }, { orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['openCase', expect.stringMatching(/^workflow:collect-feedback-/)],
      ['remindCaseOwner', `workflow:${caseWorkflowId(caseId)}`],
      ['escalateCase', `workflow:${caseWorkflowId(caseId)}`],
    ]);

    const resolved = await gql(
      `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { status timeToResolutionHours } }`,
      { input: { caseId: caseGid, note: 'Мы перенесли окно доставки на утро.' } },
    );
    expect(resolved.resolveCase.status).toBe('RESOLVED');
    expect(resolved.resolveCase.timeToResolutionHours).toBeGreaterThanOrEqual(30);
    const note = await em.fork().findOneOrFail(ClientNotification, {
      dedupeKey: `case-resolution:${caseId}`,
    });
    expect(note).toMatchObject({
      kind: 'CASE_RESOLUTION',
      locale: 'ru',
      subject: 'Ваше обращение решено',
      status: 'PENDING',
    });
    expect(note.body).toContain('Мы перенесли окно доставки на утро.');
  });

  it('gives a complaint on a special requirement the shorter SLA, and stops the clock once the owner answers', async () => {
    const w = await createCaseWorld(getOrm(), { specialRequirement: true });
    const caseId = await submitAndCollect({
      accountId: w.gid.account,
      contactId: w.gid.contact,
      touchpointId: w.gid.touchpoint,
      channel: 'COMPLAINT',
      text: 'The delivery arrived late in the afternoon again.',
    });
    const caseGid = toGlobalId('Case', caseId);
    const opened = (await gql(CASE, { id: caseGid })).case;
    expect(opened).toMatchObject({ slaHours: 6, specialRequirementInPlay: true });
    expect(Date.parse(opened.responseDueAt) - Date.parse(opened.openedAt)).toBe(6 * HOUR);

    await gql(`mutation($id: ID!) { respondToCase(id: $id) { id } }`, { id: caseGid });
    await temporal.env.sleep(7 * HOUR);
    const handle = temporal.env.client.workflow.getHandle(caseWorkflowId(caseId));
    const status = await eventually(
      () => handle.describe().then((d) => d.status.name),
      (name) => name === 'COMPLETED',
    );
    expect(status).toBe('COMPLETED');
    const clock: CaseClockResult = await handle.result();
    expect(clock).toEqual({
      caseId,
      settledBeforeDeadline: true,
      reminded: false,
      escalated: false,
    });
    const em = getOrm().em.fork();
    const kase = await em.findOneOrFail(FeedbackCase, caseId);
    expect(kase).toMatchObject({ remindedAt: null, escalatedAt: null, status: 'RESPONDED' });
    expect(await em.count(InboxEntry, { dedupeKey: { $like: `case-reminder:${caseId}:%` } })).toBe(
      0,
    );
  });
});
