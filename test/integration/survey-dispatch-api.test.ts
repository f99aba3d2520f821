import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import type { Em } from '../../server/src/db/orm.js';
import { DomainContext } from '../../server/src/domain/context.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ClientAccount } from '../../server/src/modules/client/client-account.entity.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { SurveyCampaign } from '../../server/src/modules/survey/survey-campaign.entity.js';
import { SurveyDispatchService } from '../../server/src/modules/survey/survey-dispatch.service.js';
import { SurveyInvitation } from '../../server/src/modules/survey/survey-invitation.entity.js';
import { SurveyTriggerEvent } from '../../server/src/modules/survey/survey-trigger-event.entity.js';
import type {
  CampaignSchedule,
  SurveyWorkflows,
} from '../../server/src/modules/survey/survey-workflows.port.js';
import {
  CampaignScheduleKind,
  CampaignStatus,
  InvitationStatus,
  TriggerEventType,
} from '../../server/src/modules/survey/survey.enums.js';
import { WorkflowReconciler } from '../../server/src/temporal/workflow-reconciler.js';
import { accountIn, createCampaign, earlierInvitation } from '../fixtures/survey-factories.js';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import {
  createTestApi,
  RecordingCollectStarter,
  silentLogger,
  type TestApi,
} from '../helpers/graphql.js';

const DAY = 86_400_000;
const { ECONOMIC_BUYER, TECHNICAL_BUYER, OPERATOR } = RespondentClass;

/** Records what the survey module asked of Temporal; fails every call while `down`. */
class RecordingSurveyWorkflows implements SurveyWorkflows {
  readonly dispatched: string[] = [];
  readonly schedules: CampaignSchedule[] = [];
  down = false;

  async syncSchedule(s: CampaignSchedule): Promise<void> {
    if (this.down) throw new Error('Temporal is unreachable (test)');
    this.schedules.push(s);
  }

  async startTriggerDispatch(id: string): Promise<'started' | 'already-started'> {
    if (this.down) throw new Error('Temporal is unreachable (test)');
    if (this.dispatched.includes(id)) return 'already-started';
    this.dispatched.push(id);
    return 'started';
  }
}

const RECORD = `mutation($input: RecordTriggerEventInput!) { recordTriggerEvent(input: $input) { id type externalId duplicate account { id } } }`;
const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id campaign { id } contact { id } } } }`;
const RATES = `query($filter: SurveyResponseRateFilter) { surveyResponseRates(filter: $filter) { campaign { id } channel triggerEvent invited answered held rate } }`;

describeEachDatabase('surveys dispatched: events, answers, rates', (getOrm) => {
  let api: TestApi;
  const surveys = new RecordingSurveyWorkflows();

  beforeAll(async () => {
    api = await createTestApi(getOrm(), { surveys });
  });
  afterAll(() => api.stop());

  /** A service context acting as the system (the dispatch activities' view). */
  const system = () =>
    new DomainContext(
      {
        log: silentLogger,
        config: loadConfig({ CX_SURVEY_FATIGUE_DAYS: '14' }),
        collect: new RecordingCollectStarter(),
        initiatives: unreachableInitiativeWorkflows,
      },
      getOrm().em.fork() as Em,
      { actor: 'test:system' },
    );
  const counts = async () => {
    const em = getOrm().em.fork();
    return {
      events: await em.count(SurveyTriggerEvent, {}),
      invitations: await em.count(SurveyInvitation, {}),
      feedback: await em.count(FeedbackItem, {}),
      audit: await em.count(AuditEvent, {}),
    };
  };

  describe('recordTriggerEvent refuses bad input with a typed error and writes nothing', () => {
    let accountGid: string;
    let otherAccountGid: string;
    const takenId = `erp-${randomUUID()}`;
    beforeAll(async () => {
      accountGid = (await createAccount(getOrm())).accountGid;
      otherAccountGid = (await createAccount(getOrm())).accountGid;
      const taken = await api.execute(RECORD, {
        input: {
          accountId: otherAccountGid,
          type: 'CLAIM_CLOSED',
          externalId: takenId,
          occurredAt: '2026-01-01T00:00:00Z',
        },
      });
      expect(taken.errors).toBeUndefined();
    });

    const past = '2026-01-01T00:00:00Z';
    it.each([
      [
        'an unknown account',
        () => ({ accountId: toGlobalId('ClientAccount', randomUUID()) }),
        { code: 'NOT_FOUND', reason: 'ACCOUNT_NOT_FOUND', field: 'accountId' },
      ],
      [
        'an event in the future',
        () => ({ occurredAt: new Date(Date.now() + DAY).toISOString() }),
        { code: 'BAD_USER_INPUT', reason: 'EVENT_IN_FUTURE', field: 'occurredAt' },
      ],
      [
        'a blank external id',
        () => ({ externalId: '   ' }),
        { code: 'BAD_USER_INPUT', reason: 'EXTERNAL_ID_BLANK', field: 'externalId' },
      ],
      [
        'an external id longer than 200 characters',
        () => ({ externalId: 'x'.repeat(201) }),
        { code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' },
      ],
      [
        "another account's external id",
        () => ({ externalId: takenId }),
        { code: 'CONFLICT', reason: 'EXTERNAL_ID_REUSED', field: 'externalId' },
      ],
      [
        'an id of another type as accountId',
        () => ({ accountId: toGlobalId('Segment', randomUUID()) }),
        { code: 'BAD_USER_INPUT', reason: 'INVALID_ID' },
      ],
    ])('refuses %s', async (_name, change, expected) => {
      const before = await counts();
      const res = await api.execute(RECORD, {
        input: {
          accountId: accountGid,
          type: 'CLAIM_CLOSED',
          externalId: `erp-${randomUUID()}`,
          occurredAt: past,
          ...change(),
        },
      });
      expect(res.errors).toHaveLength(1);
      const ext = res.errors![0]!.extensions!;
      expect(ext.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(ext).toMatchObject(expected);
      expect(res.errors![0]!.message).toMatch(/\w+ \w+/);
      expect(await counts()).toEqual(before);
    });
  });

  it('records an event once per external id and asks for its dispatch once; the reconciler starts it when Temporal was down', async () => {
    const { accountGid, account } = await createAccount(getOrm());
    const input = {
      accountId: accountGid,
      type: 'INVOICE_PAID_LATE',
      externalId: `erp-${randomUUID()}`,
      occurredAt: '2026-02-01T10:00:00Z',
    };
    surveys.down = true;
    const first = await api.execute(RECORD, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordTriggerEvent).toMatchObject({
      type: 'INVOICE_PAID_LATE',
      duplicate: false,
      account: { id: accountGid },
    });
    const em = getOrm().em.fork();
    const [event] = await em.find(SurveyTriggerEvent, { account: account.id });
    expect(event!.workflowStartedAt).toBeNull();
    surveys.down = false;

    const audit = await em.count(AuditEvent, { action: 'recordTriggerEvent', entityId: event!.id });
    const again = await api.execute(RECORD, { input });
    expect(again.data!.recordTriggerEvent).toMatchObject({
      id: first.data!.recordTriggerEvent.id,
      duplicate: true,
    });
    expect(await em.count(SurveyTriggerEvent, { account: account.id })).toBe(1);
    expect(await em.count(AuditEvent, { action: 'recordTriggerEvent', entityId: event!.id })).toBe(
      audit,
    );
    // The repeated report found the dispatch not started, and started it.
    expect(surveys.dispatched.filter((id) => id === event!.id)).toHaveLength(1);
    const third = await api.execute(RECORD, { input });
    expect(third.data!.recordTriggerEvent.duplicate).toBe(true);
    expect(surveys.dispatched.filter((id) => id === event!.id)).toHaveLength(1);
  });

  it('the reconciler starts dispatches and syncs schedules that did not get through', async () => {
    const { accountGid } = await createAccount(getOrm());
    const { gid, campaign } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [OPERATOR],
      status: CampaignStatus.DRAFT,
    });
    surveys.down = true;
    const activated = await api.execute(
      `mutation($id: ID!) { updateSurveyCampaign(id: $id, input: { status: ACTIVE }) { status } }`,
      { id: gid },
    );
    expect(activated.data!.updateSurveyCampaign.status).toBe('ACTIVE');
    const recorded = await api.execute(RECORD, {
      input: {
        accountId: accountGid,
        type: 'ORDER_DELIVERED',
        externalId: `erp-${randomUUID()}`,
        occurredAt: '2026-02-01T10:00:00Z',
      },
    });
    expect(recorded.errors).toBeUndefined();
    surveys.down = false;
    const reconciler = new WorkflowReconciler({
      orm: getOrm(),
      collect: new RecordingCollectStarter(),
      surveys,
      log: silentLogger,
    });
    const pass = await reconciler.runOnce();
    expect(pass.failed).toBe(false);
    expect(surveys.schedules).toContainEqual({
      campaignId: campaign.id,
      cron: campaign.cron,
      status: CampaignStatus.ACTIVE,
      startsAt: null,
      endsAt: null,
    });
    const em = getOrm().em.fork();
    expect(await em.count(SurveyTriggerEvent, { workflowStartedAt: null })).toBe(0);
    expect((await em.findOneOrFail(SurveyCampaign, campaign.id)).scheduleSyncedStatus).toBe(
      CampaignStatus.ACTIVE,
    );
    // A second pass finds nothing left to do.
    const synced = surveys.schedules.length;
    await reconciler.runOnce();
    expect(surveys.schedules).toHaveLength(synced);
  });

  describe('answers linked to invitations', () => {
    let campaignGid: string;
    let accountGid: string;
    let sent: SurveyInvitation[];
    let held: SurveyInvitation;
    let otherGid: string;

    beforeAll(async () => {
      const { account: first } = await createAccount(getOrm(), { contacts: [] });
      const { account, contacts } = await accountIn(getOrm(), first.segment, [
        { respondentClass: TECHNICAL_BUYER },
        { respondentClass: TECHNICAL_BUYER, locale: 'ru' },
        { respondentClass: TECHNICAL_BUYER },
      ]);
      accountGid = toGlobalId('ClientAccount', account.id);
      otherGid = toGlobalId('Contact', contacts[1]!.id);
      const { campaign: before } = await createCampaign(getOrm(), {
        kind: CampaignScheduleKind.TRIGGER,
        triggerEvent: TriggerEventType.CONTRACT_SIGNED,
        targets: [TECHNICAL_BUYER],
      });
      await earlierInvitation(getOrm(), before, contacts[2]!, new Date(Date.now() - DAY));
      const { campaign, gid } = await createCampaign(getOrm(), {
        kind: CampaignScheduleKind.CALENDAR,
        targets: [TECHNICAL_BUYER],
      });
      campaignGid = gid;
      const result = await system()
        .service(SurveyDispatchService)
        .inviteAccount({ campaignId: campaign.id, accountId: account.id, runKey: 'run:test' });
      expect(result).toEqual({ sent: 2, held: 1, existing: 0 });
      const rows = await getOrm()
        .em.fork()
        .find(SurveyInvitation, { campaign: campaign.id }, { orderBy: { contact: 'asc' } });
      sent = rows.filter((r) => r.status === InvitationStatus.SENT);
      held = rows.find((r) => r.status === InvitationStatus.HELD)!;
    });

    const answer = (invitation: SurveyInvitation, extra: Record<string, unknown> = {}) => ({
      input: {
        accountId: accountGid,
        channel: 'SURVEY',
        npsScore: 9,
        invitationId: toGlobalId('SurveyInvitation', invitation.id),
        ...extra,
      },
    });

    it('refuses an answer that does not match its invitation, with a typed error, writing nothing', async () => {
      const { accountGid: strangerGid } = await createAccount(getOrm());
      const cases: [Record<string, unknown>, SurveyInvitation | null, Record<string, string>][] = [
        [
          { accountId: strangerGid },
          null,
          { code: 'BAD_USER_INPUT', reason: 'INVITATION_MISMATCH', field: 'accountId' },
        ],
        [
          { contactId: otherGid },
          sent[0]!.contact.id === otherGid ? sent[1]! : sent[0]!,
          { code: 'BAD_USER_INPUT', reason: 'INVITATION_MISMATCH', field: 'contactId' },
        ],
        [{}, held, { code: 'CONFLICT', reason: 'INVITATION_NOT_SENT', field: 'invitationId' }],
        [
          { invitationId: toGlobalId('SurveyInvitation', randomUUID()) },
          null,
          { code: 'NOT_FOUND', reason: 'INVITATION_NOT_FOUND', field: 'invitationId' },
        ],
      ];
      for (const [extra, invitation, expected] of cases) {
        const before = await counts();
        const res = await api.execute(SUBMIT, answer(invitation ?? sent[0]!, extra));
        expect(res.errors?.[0]?.extensions, JSON.stringify(extra)).toMatchObject(expected);
        expect(await counts()).toEqual(before);
      }
      const states = await getOrm()
        .em.fork()
        .find(SurveyInvitation, { id: { $in: [...sent, held].map((i) => i.id) } });
      expect(states.map((s) => s.status).sort()).toEqual(['HELD', 'SENT', 'SENT']);
    });

    it('links an answer to its invitation and campaign, and the response rate counts it', async () => {
      const target = sent[0]!;
      const res = await api.execute(SUBMIT, answer(target));
      expect(res.errors).toBeUndefined();
      expect(res.data!.submitFeedback.feedbackItem).toMatchObject({
        campaign: { id: campaignGid },
        contact: { id: toGlobalId('Contact', target.contact.id) },
      });
      const row = await getOrm().em.fork().findOneOrFail(SurveyInvitation, target.id);
      expect(row.status).toBe(InvitationStatus.ANSWERED);
      expect(row.feedback).not.toBeNull();

      const again = await api.execute(SUBMIT, answer(target));
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_ANSWERED',
      });

      const rates = await api.execute(RATES, { filter: { campaignId: campaignGid } });
      expect(rates.errors).toBeUndefined();
      // Two sent (one answered), one held back by the fatigue rule.
      expect(rates.data!.surveyResponseRates).toEqual([
        {
          campaign: { id: campaignGid },
          channel: 'SURVEY',
          triggerEvent: null,
          invited: 2,
          answered: 1,
          held: 1,
          rate: 0.5,
        },
      ]);
      const none = await api.execute(RATES, {
        filter: { campaignId: campaignGid, channel: 'POST_TRANSACTION_EMAIL' },
      });
      expect(none.data!.surveyResponseRates).toEqual([]);
      const period = await api.execute(RATES, {
        filter: { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      });
      expect(period.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_PERIOD',
        field: 'to',
      });
    });
  });

  it('imported feedback answers invitations by their reference, row by row', async () => {
    const { account: first } = await createAccount(getOrm(), { contacts: [] });
    const { account, contacts } = await accountIn(getOrm(), first.segment, [
      { respondentClass: OPERATOR },
      { respondentClass: OPERATOR },
    ]);
    const externalId = `acc-${randomUUID()}`;
    await getOrm().em.fork().nativeUpdate(ClientAccount, { id: account.id }, { externalId });
    const { campaign } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [OPERATOR],
    });
    await system()
      .service(SurveyDispatchService)
      .inviteAccount({ campaignId: campaign.id, accountId: account.id, runKey: 'run:import' });
    const [one, two] = await getOrm()
      .em.fork()
      .find(SurveyInvitation, { campaign: campaign.id }, { orderBy: { contact: 'asc' } });
    const row = (ref: string, extra: Record<string, unknown> = {}) => ({
      externalId: `fb-${randomUUID()}`,
      accountExternalId: externalId,
      channel: 'SURVEY',
      npsScore: 8,
      invitationReference: ref,
      ...extra,
    });
    const res = await api.execute(
      `mutation($rows: [FeedbackRow!]!) { importFeedback(rows: $rows) { created refused rows { outcome errors { field code } } } }`,
      {
        rows: [
          row(one!.id),
          row(one!.id),
          row(randomUUID()),
          row(two!.id, { contactEmail: 'nobody@elsewhere.example' }),
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.importFeedback.created).toBe(1);
    expect(res.data!.importFeedback.rows.map((r: { errors: unknown[] }) => r.errors)).toEqual([
      [],
      [{ field: 'invitationReference', code: 'INVITATION_MISMATCH' }],
      [{ field: 'invitationReference', code: 'INVITATION_NOT_FOUND' }],
      [{ field: 'contactEmail', code: 'CONTACT_NOT_FOUND' }],
    ]);
    const em = getOrm().em.fork();
    const answered = await em.findOneOrFail(SurveyInvitation, one!.id, { populate: ['feedback'] });
    expect(answered.status).toBe(InvitationStatus.ANSWERED);
    expect(answered.feedback!.campaign!.id).toBe(campaign.id);
    expect(answered.feedback!.contact!.id).toBe(contacts.find((c) => c.id === one!.contact.id)!.id);
    expect((await em.findOneOrFail(SurveyInvitation, two!.id)).status).toBe(InvitationStatus.SENT);
  });

  it('campaigns inviting one account at the same time invite each contact once (the fatigue rule holds under concurrency)', async () => {
    const { account: first } = await createAccount(getOrm(), { contacts: [] });
    const { account, contacts } = await accountIn(getOrm(), first.segment, [
      { respondentClass: TECHNICAL_BUYER },
      { respondentClass: TECHNICAL_BUYER },
      { respondentClass: TECHNICAL_BUYER },
    ]);
    const campaigns = await Promise.all(
      [1, 2, 3].map(() =>
        createCampaign(getOrm(), {
          kind: CampaignScheduleKind.CALENDAR,
          targets: [TECHNICAL_BUYER],
        }),
      ),
    );
    const results = await Promise.all(
      campaigns.map(({ campaign }) =>
        system()
          .service(SurveyDispatchService)
          .inviteAccount({ campaignId: campaign.id, accountId: account.id, runKey: 'run:race' }),
      ),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(contacts.length);
    expect(results.reduce((n, r) => n + r.held, 0)).toBe(contacts.length * 2);
    const sent = await getOrm()
      .em.fork()
      .find(SurveyInvitation, { account: account.id, status: InvitationStatus.SENT });
    expect(sent.map((i) => i.contact.id).sort()).toEqual(contacts.map((c) => c.id).sort());
  });

  it('invites for coverage only through a campaign that fits the class and the segment, once a day', async () => {
    const { account: first } = await createAccount(getOrm(), { contacts: [] });
    const { account, contacts } = await accountIn(getOrm(), first.segment, [
      { respondentClass: ECONOMIC_BUYER },
      { respondentClass: ECONOMIC_BUYER, locale: 'ru' },
      { respondentClass: OPERATOR },
    ]);
    const service = () => system().service(SurveyDispatchService);
    const nothing = await service().inviteForCoverage(account.id, ECONOMIC_BUYER);
    // Only campaigns made before this test exist: none of them targets economic buyers.
    expect(nothing).toMatchObject({ campaignId: null, sent: 0 });

    const { account: elsewhere } = await createAccount(getOrm(), { contacts: [] });
    await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [ECONOMIC_BUYER],
      segment: elsewhere.segment,
    });
    await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [ECONOMIC_BUYER],
      status: CampaignStatus.PAUSED,
    });
    const { campaign } = await createCampaign(getOrm(), {
      name: 'Executive pulse',
      kind: CampaignScheduleKind.CALENDAR,
      targets: [ECONOMIC_BUYER, OPERATOR],
      segment: account.segment,
    });
    const done = await service().inviteForCoverage(account.id, ECONOMIC_BUYER);
    expect(done).toMatchObject({ campaignId: campaign.id, sent: 2, held: 0, existing: 0 });
    expect(done.summary).toContain('Executive pulse');
    const invited = await getOrm()
      .em.fork()
      .find(SurveyInvitation, { account: account.id }, { orderBy: { contact: 'asc' } });
    expect(invited.map((i) => i.contact.id).sort()).toEqual(
      [contacts[0]!.id, contacts[1]!.id].sort(),
    );
    const repeat = await service().inviteForCoverage(account.id, ECONOMIC_BUYER);
    expect(repeat).toMatchObject({ sent: 0, held: 0, existing: 2 });

    // A subject-access export lists the invitation and its audit event.
    const exported = await api.execute(`query($id: ID!) { exportContactData(id: $id) }`, {
      id: toGlobalId('Contact', contacts[0]!.id),
    });
    const data = exported.data!.exportContactData;
    expect(data.surveyInvitations).toMatchObject([
      { campaign: { name: 'Executive pulse' }, status: 'SENT', channel: 'SURVEY' },
    ]);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain('inviteToSurvey');
  });
});
