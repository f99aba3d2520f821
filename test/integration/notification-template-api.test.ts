import { afterAll, beforeAll, expect, it } from 'vitest';
import { FeedbackAcknowledgementService } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import { createCaseActivities } from '../../workflows/activities/case.activities.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { SurveyDispatchService } from '../../server/src/modules/survey/survey-dispatch.service.js';
import { SurveyInvitation } from '../../server/src/modules/survey/survey-invitation.entity.js';
import { CampaignScheduleKind } from '../../server/src/modules/survey/survey.enums.js';
import { createCaseWorld } from '../fixtures/case-factories.js';
import { createAccount } from '../fixtures/factories.js';
import { accountIn, createCampaign } from '../fixtures/survey-factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { viewers } from '../helpers/viewers.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi, silentLogger, type TestApi } from '../helpers/graphql.js';
import { createFeedbackFixture } from '../workflows/feedback-fixture.js';

const SET = /* GraphQL */ `
  mutation ($input: SetNotificationTemplateInput!) {
    setNotificationTemplate(input: $input) {
      kind
      locale
      subject
      body
      placeholders
    }
  }
`;
const RESET = /* GraphQL */ `
  mutation ($input: ResetNotificationTemplateInput!) {
    resetNotificationTemplate(input: $input) {
      kind
      locale
    }
  }
`;
const LIST = /* GraphQL */ `
  {
    notificationTemplates {
      kind
      locale
      subject
    }
  }
`;

describeEachDatabase('Notification templates', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  const acknowledge = async (locale: 'ru' | 'en') => {
    const { feedbackId } = await createFeedbackFixture(getOrm(), { locale });
    const { notificationId } = await domainContext(getOrm(), { viewer: { actor: 'test' } })
      .service(FeedbackAcknowledgementService)
      .acknowledge(feedbackId);
    return getOrm().em.fork().findOneOrFail(ClientNotification, { id: notificationId });
  };

  it("writes acknowledgements from the CX admin's template of the contact's language, and from the built-in text again once it is reset", async () => {
    const set = await api.execute(SET, {
      input: {
        kind: 'FEEDBACK_ACKNOWLEDGEMENT',
        locale: 'ru',
        subject: 'Спасибо, {{contactName}}!',
        body: 'Мы получили ваш отзыв.\nНомер: {{ reference }}',
      },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setNotificationTemplate.placeholders).toEqual(['contactName', 'reference']);

    const ru = await acknowledge('ru');
    expect(ru.subject).toBe('Спасибо, Anna Petrova!');
    expect(ru.body).toBe(`Мы получили ваш отзыв.\nНомер: ${ru.feedbackItem!.id.slice(-12)}`);
    // English has no template: the built-in text.
    expect((await acknowledge('en')).subject).toBe('We have received your feedback');

    const listed = await api.execute(LIST);
    expect(listed.data!.notificationTemplates).toContainEqual({
      kind: 'FEEDBACK_ACKNOWLEDGEMENT',
      locale: 'ru',
      subject: 'Спасибо, {{contactName}}!',
    });

    const reset = await api.execute(RESET, {
      input: { kind: 'FEEDBACK_ACKNOWLEDGEMENT', locale: 'ru' },
    });
    expect(reset.errors).toBeUndefined();
    expect((await acknowledge('ru')).subject).toBe('Мы получили ваш отзыв');
  });

  it("writes a case resolution from the office's template even when a department member resolves it", async () => {
    await api.execute(SET, {
      input: {
        kind: 'CASE_RESOLUTION',
        locale: 'en',
        subject: 'Case {{reference}} is closed',
        body: 'What we did: {{note}}',
      },
    });
    const w = await createCaseWorld(getOrm());
    const submitted = await api.execute(
      `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id } } }`,
      {
        input: {
          accountId: w.gid.account,
          contactId: w.gid.contact,
          touchpointId: w.gid.touchpoint,
          channel: 'SURVEY',
          npsScore: 2,
        },
      },
    );
    const gid = submitted.data!.submitFeedback.feedbackItem.id as string;
    const feedbackId = Buffer.from(gid, 'base64').toString('utf8').split(':')[1]!;
    const kase = await createCaseActivities({
      orm: getOrm(),
      log: silentLogger,
    }).openCaseForFeedback({ feedbackId, at: new Date().toISOString() });
    const member = viewers.department(w.logisticsId, w.logisticsMemberId);
    const resolved = await api.execute(
      `mutation($input: ResolveCaseInput!) { resolveCase(input: $input) { status } }`,
      { input: { caseId: toGlobalId('Case', kase!.caseId), note: 'New delivery window.' } },
      member,
    );
    expect(resolved.errors).toBeUndefined();
    const note = await getOrm()
      .em.fork()
      .findOneOrFail(ClientNotification, { dedupeKey: `case-resolution:${kase!.caseId}` });
    expect(note.subject).toBe(`Case ${feedbackId.slice(-12)} is closed`);
    expect(note.body).toBe('What we did: New delivery window.');
  });

  it('writes survey invitations from the template with the account, the questionnaire and the invitation reference', async () => {
    await api.execute(SET, {
      input: {
        kind: 'SURVEY_INVITATION',
        locale: 'ru',
        subject: '{{accountName}}: {{title}}',
        body: 'Здравствуйте, {{contactName}}! Номер приглашения: {{reference}}',
      },
    });
    const { account: first } = await createAccount(getOrm(), { contacts: [] });
    const { account, contacts } = await accountIn(getOrm(), first.segment, [
      { respondentClass: RespondentClass.TECHNICAL_BUYER, locale: 'ru' },
    ]);
    const { campaign } = await createCampaign(getOrm(), {
      kind: CampaignScheduleKind.CALENDAR,
      targets: [RespondentClass.TECHNICAL_BUYER],
    });
    await domainContext(getOrm(), { viewer: { actor: 'test' } })
      .service(SurveyDispatchService)
      .inviteAccount({ campaignId: campaign.id, accountId: account.id, runKey: 'run:template' });
    const em = getOrm().em.fork();
    const invitation = await em.findOneOrFail(
      SurveyInvitation,
      { campaign: campaign.id },
      { populate: ['notification'] },
    );
    expect(invitation.notification!.subject).toBe(
      `${account.name}: ${campaign.questionnaire.title}`,
    );
    expect(invitation.notification!.body).toBe(
      `Здравствуйте, ${contacts[0]!.name}! Номер приглашения: ${invitation.id}`,
    );
  });

  it('replaces the template of a kind and language when it is set again', async () => {
    const input = { kind: 'SURVEY_INVITATION', locale: 'en', body: 'Ref {{reference}}' };
    await api.execute(SET, { input: { ...input, subject: 'First' } });
    await api.execute(SET, { input: { ...input, subject: 'Survey: {{title}}' } });
    const listed = await api.execute(LIST);
    const mine = listed.data!.notificationTemplates.filter(
      (t: { kind: string; locale: string }) => t.kind === 'SURVEY_INVITATION' && t.locale === 'en',
    );
    expect(mine).toEqual([
      { kind: 'SURVEY_INVITATION', locale: 'en', subject: 'Survey: {{title}}' },
    ]);
  });

  it.each([
    [
      'an unknown placeholder',
      { subject: 'Hi {{firstName}}', body: '{{reference}}' },
      'TEMPLATE_PLACEHOLDER_UNKNOWN',
      'subject',
      '{{firstName}} is not a placeholder of FEEDBACK_ACKNOWLEDGEMENT; it may use {{contactName}}, {{reference}}.',
    ],
    [
      'a missing reference',
      { subject: 'Hi', body: 'Thank you, {{contactName}}.' },
      'TEMPLATE_PLACEHOLDER_MISSING',
      'body',
      'A FEEDBACK_ACKNOWLEDGEMENT template must contain {{reference}}, which the client quotes when replying.',
    ],
    [
      'an unclosed placeholder',
      { subject: 'Hi', body: 'Ref {{reference}} for {{contactName' },
      'TEMPLATE_PLACEHOLDER_MALFORMED',
      'body',
      'The body has an unmatched "{{" or "}}" at character 23; write placeholders as {{name}}.',
    ],
  ])('refuses %s, naming it and the field', async (_name, text, reason, field, message) => {
    const res = await api.execute(SET, {
      input: { kind: 'FEEDBACK_ACKNOWLEDGEMENT', locale: 'en', ...text },
    });
    expect(res.errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', reason, field },
    });
  });

  it('refuses a language other than ru/en, and resetting what was never set', async () => {
    const locale = await api.execute(SET, {
      input: { kind: 'SURVEY_INVITATION', locale: 'de', subject: 'x', body: '{{reference}}' },
    });
    expect(locale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(locale.errors?.[0]?.message).toMatch(/locale must be ru or en/);
    const reset = await api.execute(RESET, {
      input: { kind: 'FEEDBACK_ACKNOWLEDGEMENT', locale: 'en' },
    });
    expect(reset.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TEMPLATE_NOT_FOUND',
    });
  });
});
