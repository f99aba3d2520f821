import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackCase } from '../../server/src/modules/case/case.entity.js';
import { InboxEntry } from '../../server/src/modules/inbox/inbox-entry.entity.js';
import {
  RequirementStatus,
  SpecialRequirement,
} from '../../server/src/modules/requirement/special-requirement.entity.js';
import { createCaseActivities } from '../../workflows/activities/case.activities.js';
import { createCaseWorld } from '../fixtures/case-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { feedbackItem { id } }
}`;
const ITEM = `query($id: ID!) {
  feedbackItem(id: $id) { complaintClass classificationSource sentiment sentimentSource }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateFeedbackInput!) {
  updateFeedback(id: $id, input: $input) { id }
}`;

describeEachDatabase('Classification and cases on intake', (getOrm) => {
  let api: TestApi;
  let intake: ReturnType<typeof createCaseActivities>;
  const at = '2026-03-02T09:00:00.000Z';

  beforeAll(async () => {
    api = await createTestApi(getOrm());
    intake = createCaseActivities({ orm: getOrm(), log: silentLogger });
  });
  afterAll(() => api.stop());

  /** Submits through GraphQL and returns the item's database id and global id. */
  async function submit(input: Record<string, unknown>): Promise<{ id: string; gid: string }> {
    const res = await api.execute(SUBMIT, { input: { channel: 'SURVEY', ...input } });
    expect(res.errors).toBeUndefined();
    const gid = res.data!.submitFeedback.feedbackItem.id as string;
    return { gid, id: Buffer.from(gid, 'base64').toString('utf8').split(':')[1]! };
  }

  /** What the collect workflow's new step does: classify, then open the case. */
  async function runIntake(feedbackId: string) {
    await intake.classifyFeedback({ feedbackId, at });
    return intake.openCaseForFeedback({ feedbackId, at });
  }

  const classificationOf = async (gid: string) =>
    (await api.execute(ITEM, { id: gid })).data!.feedbackItem;

  it('classifies a Russian text on intake with its source, deterioration included', async () => {
    const w = await createCaseWorld(getOrm());
    const { id, gid } = await submit({
      accountId: w.gid.account,
      text: 'Поставка опять опоздала, сроки стали хуже, чем раньше.',
      language: 'ru',
    });
    await intake.classifyFeedback({ feedbackId: id, at });
    expect(await classificationOf(gid)).toEqual({
      complaintClass: 'DETERIORATION',
      classificationSource: 'CLASSIFIER',
      sentiment: 'NEGATIVE',
      sentimentSource: 'CLASSIFIER',
    });
  });

  it('keeps a staff correction made after intake when the classifier runs again', async () => {
    const w = await createCaseWorld(getOrm());
    const { id, gid } = await submit({
      accountId: w.gid.account,
      text: 'The delivery was late again.',
    });
    await intake.classifyFeedback({ feedbackId: id, at });
    // The statistical classifier reads "late again" as a repeated delivery problem, not a regression.
    expect((await classificationOf(gid)).complaintClass).toBe('DELIVERY_DISCIPLINE');
    const corrected = await api.execute(UPDATE, {
      id: gid,
      input: { complaintClass: 'QUALITY', sentiment: 'NEUTRAL' },
    });
    expect(corrected.errors).toBeUndefined();
    const audits = () =>
      getOrm().em.fork().count(AuditEvent, { entityId: id, action: 'classifyFeedback' });
    const before = await audits();
    expect(await intake.classifyFeedback({ feedbackId: id, at })).toEqual({
      complaintClassWritten: false,
      sentimentWritten: false,
    });
    expect(await classificationOf(gid)).toEqual({
      complaintClass: 'QUALITY',
      classificationSource: 'STAFF',
      sentiment: 'NEUTRAL',
      sentimentSource: 'STAFF',
    });
    expect(await audits()).toBe(before);
  });

  it('keeps a class the client gave and a staff correction made before intake', async () => {
    const w = await createCaseWorld(getOrm());
    const { id, gid } = await submit({
      accountId: w.gid.account,
      text: 'Your manager never answers the phone.',
      complaintClass: 'DELIVERY_DISCIPLINE',
    });
    await api.execute(UPDATE, { id: gid, input: { sentiment: 'POSITIVE' } });
    await intake.classifyFeedback({ feedbackId: id, at });
    expect(await classificationOf(gid)).toEqual({
      complaintClass: 'DELIVERY_DISCIPLINE',
      classificationSource: 'CLIENT',
      sentiment: 'POSITIVE',
      sentimentSource: 'STAFF',
    });
  });

  it('opens one case for a detractor, owned by the department of the touchpoint’s process class', async () => {
    const w = await createCaseWorld(getOrm());
    const { id } = await submit({
      accountId: w.gid.account,
      contactId: w.gid.contact,
      touchpointId: w.gid.touchpoint,
      npsScore: 3,
    });
    const first = await runIntake(id);
    const second = await runIntake(id);
    expect(first).toMatchObject({ opened: true });
    expect(second).toEqual({ ...first, opened: false });
    const em = getOrm().em.fork();
    const cases = await em.find(FeedbackCase, { feedback: id });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      reason: 'DETRACTOR',
      status: 'OPEN',
      department: { id: w.logisticsId },
      owner: null,
      specialRequirement: null,
      slaHours: 48,
    });
    expect(cases[0]!.openedAt.toISOString()).toBe(at);
    expect(cases[0]!.responseDueAt.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    const notices = await em.find(InboxEntry, {
      dedupeKey: { $like: `case-opened:${first!.caseId}%` },
    });
    expect(notices.map((n) => [n.kind, n.recipientDepartment?.id])).toEqual([
      ['CASE_OPENED', w.logisticsId],
    ]);
    expect(await em.count(AuditEvent, { entityId: first!.caseId, action: 'openCase' })).toBe(1);
  });

  it('gives the case to the account’s owner when no process class owns the feedback', async () => {
    const w = await createCaseWorld(getOrm());
    const { id } = await submit({ accountId: w.gid.account, csiScore: 35 });
    const opened = await runIntake(id);
    const kase = await getOrm().em.fork().findOneOrFail(FeedbackCase, opened!.caseId);
    expect(kase).toMatchObject({
      reason: 'LOW_CSI',
      department: null,
      owner: { id: w.accountOwnerId },
    });
  });

  it('marks a complaint touching a special requirement and gives it the shorter SLA', async () => {
    const w = await createCaseWorld(getOrm(), { specialRequirement: true });
    const { id } = await submit({
      accountId: w.gid.account,
      touchpointId: w.gid.touchpoint,
      channel: 'COMPLAINT',
      text: 'The truck arrived at noon although we only accept deliveries in the morning.',
    });
    const opened = await runIntake(id);
    const res = await api.execute(
      `query($id: ID!) { case(id: $id) {
        reason complaintClass specialRequirementInPlay slaHours openedAt responseDueAt
        specialRequirement { title } department { id }
      } }`,
      { id: toGlobalId('Case', opened!.caseId) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.case).toMatchObject({
      reason: 'COMPLAINT',
      complaintClass: 'DELIVERY_DISCIPLINE',
      specialRequirementInPlay: true,
      slaHours: 8,
      responseDueAt: '2026-03-02T17:00:00.000Z',
      specialRequirement: { title: 'Deliveries only between 6 and 9 in the morning' },
      department: { id: toGlobalId('Department', w.logisticsId) },
    });
  });

  it('leaves the class SLA when the special requirement is retired or on another process class', async () => {
    const w = await createCaseWorld(getOrm(), { specialRequirement: true });
    const complaint = (touchpointId?: string) =>
      submit({
        accountId: w.gid.account,
        channel: 'COMPLAINT',
        text: 'The truck arrived late.',
        ...(touchpointId ? { touchpointId } : {}),
      });
    // No touchpoint: no process class, so the requirement is not in play.
    const elsewhere = await runIntake((await complaint()).id);
    const em = getOrm().em.fork();
    expect(await em.findOneOrFail(FeedbackCase, elsewhere!.caseId)).toMatchObject({
      specialRequirement: null,
      slaHours: 24,
    });
    await em.nativeUpdate(
      SpecialRequirement,
      { account: w.accountId },
      { status: RequirementStatus.RETIRED },
    );
    const retired = await runIntake((await complaint(w.gid.touchpoint)).id);
    expect(await em.fork().findOneOrFail(FeedbackCase, retired!.caseId)).toMatchObject({
      specialRequirement: null,
      slaHours: 24,
    });
  });

  it('opens no case for a promoter’s praise', async () => {
    const w = await createCaseWorld(getOrm());
    const { id } = await submit({
      accountId: w.gid.account,
      npsScore: 9,
      text: 'Great service, everything arrived on time, thank you.',
    });
    expect(await runIntake(id)).toBeNull();
    expect(await getOrm().em.fork().count(FeedbackCase, { feedback: id })).toBe(0);
  });
});
