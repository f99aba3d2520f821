import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocateHubPorts,
  E2E_ADMIN,
  e2eAdminEnv,
  eventually,
  freshPostgresDatabase,
  graphqlOverHttp,
  signInOverHttp,
  startHubProcess,
  type HttpSession,
  type HubProcess,
} from '../helpers/hub-process.js';
import { readMail, startSmtpSink, type ReadMail, type SmtpSink } from '../helpers/smtp-sink.js';

// The whole path of issue 11's "Done when": the hub started as `npm start` runs it, an integrator
// driving it over GraphQL only, and a real SMTP server on loopback receiving what it sends.

const DOCS = {
  me: `{ me { userId } }`,
  segment: `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`,
  account: `mutation($input: CreateClientAccountInput!) { createClientAccount(input: $input) { id } }`,
  contact: `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`,
  submit: `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedbackItem { id } } }`,
  questionnaire: `mutation($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`,
  campaign: `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { id } }`,
  activate: `mutation($id: ID!) { updateSurveyCampaign(id: $id, input: { status: ACTIVE }) { status } }`,
  trigger: `mutation($input: RecordTriggerEventInput!) { recordTriggerEvent(input: $input) { id } }`,
  initiative: `mutation($input: CreateInitiativeInput!) { createInitiative(input: $input) { id processGroup } }`,
  live: `query($id: ID!) { initiative(id: $id) { live { status } } }`,
  move: `mutation($id: ID!, $to: ProcessGroup!) { moveInitiative(id: $id, processGroup: $to) { processGroup } }`,
  notifications: `query($filter: ClientNotificationFilter) { clientNotifications(first: 100, filter: $filter) {
    nodes { kind milestone status recipient locale subject messageId lastError contact { id } } } }`,
  optedOut: `query($id: ID!) { contact(id: $id) { mailOptedOutAt } }`,
} as const;

interface Notification {
  kind: string;
  milestone: string | null;
  status: string;
  recipient: string | null;
  locale: string;
  subject: string;
  messageId: string | null;
  lastError: string | null;
  contact: { id: string } | null;
}

const variants: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'on SQLite', env: async () => ({}) },
  {
    name: 'on PostgreSQL',
    env: async () => ({ DATABASE_URL: await freshPostgresDatabase('e2e_mail') }),
  },
];

// The expected texts are the built-in ones, copied from
// server/src/modules/{feedback/acknowledgement-message,survey/survey-invitation-message,
// initiative/initiative.messages}.ts as a reader of those files sees them.
const SURVEY_TITLE = 'Delivery pulse';
const INITIATIVE_TITLE = 'On-time deliveries';
const expected = {
  ru: {
    ack: { subject: 'Мы получили ваш отзыв', phrase: 'Мы получили ваш отзыв и взяли его в работу' },
    invitation: {
      subject: `Опрос: ${SURVEY_TITLE}`,
      phrase: `Пожалуйста, уделите несколько минут опросу «${SURVEY_TITLE}»`,
    },
    progress: {
      subject: `Мы начали работу: ${INITIATIVE_TITLE}`,
      phrase: `Мы запустили проект улучшений «${INITIATIVE_TITLE}».`,
    },
  },
  en: {
    ack: {
      subject: 'We have received your feedback',
      phrase: 'We have received your feedback and taken it into work',
    },
    invitation: {
      subject: `Survey: ${SURVEY_TITLE}`,
      phrase: `Please take a few minutes for the survey "${SURVEY_TITLE}"`,
    },
    progress: {
      subject: `We have started work on: ${INITIATIVE_TITLE}`,
      phrase: `We have started the improvement project "${INITIATIVE_TITLE}".`,
    },
  },
} as const;
const greeting = {
  ru: (name: string) => `Здравствуйте, ${name}!`,
  en: (name: string) => `Dear ${name},`,
};
// server/src/modules/notification/mail-delivery.service.ts, composeMail.
const unsubscribe = { ru: 'Отписаться от этих писем', en: 'Stop these e-mails' };

describe.each(variants)('client notifications reach a real SMTP server, $name', ({ env }) => {
  let dataDir: string | undefined;
  const contacts = {
    ru: { name: 'Ирина Смирнова', email: 'irina@client-ru.example', id: '' },
    en: { name: 'Jane Miller', email: 'jane@client-en.example', id: '' },
  };
  let sink: SmtpSink;
  let hub: HubProcess;
  let admin: HttpSession;
  let accountId: string;
  /** Where clients reach the hub: the unsubscribe links in the messages point there. */
  let publicUrl: string;
  const feedbackIds: string[] = [];
  let initiativeId: string;

  /** One GraphQL operation as the admin; any error fails the test with the server's words. */
  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await graphqlOverHttp<T>(hub.url, query, variables, admin);
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** The messages of one kind that arrived for `email`, read as its reader sees them. */
  const arrivedFor = (email: string, subjectStart: string): ReadMail[] =>
    sink.arrived
      .filter((m) => m.to.includes(email))
      .map((m) => readMail(m.raw))
      .filter((m) => (m.headers.get('subject') ?? '').startsWith(subjectStart));

  /** Waits until each contact got one message of the kind, then checks its language. */
  async function expectArrivedInTheirLanguage(kind: 'ack' | 'invitation' | 'progress') {
    // Either language's subject counts as arrived: one in the wrong language fails below.
    const anyLanguage = (email: string) => [
      ...arrivedFor(email, expected.ru[kind].subject),
      ...arrivedFor(email, expected.en[kind].subject),
    ];
    await eventually(
      async () =>
        anyLanguage(contacts.ru.email).length && anyLanguage(contacts.en.email).length
          ? true
          : undefined,
      60_000,
      100,
    );
    for (const locale of ['ru', 'en'] as const) {
      const mails = anyLanguage(contacts[locale].email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.headers.get('subject')).toBe(expected[locale][kind].subject);
      const { headers, text } = mails[0]!;
      expect(text).toContain(greeting[locale](contacts[locale].name));
      expect(text).toContain(expected[locale][kind].phrase);
      expect(text).toContain(`${unsubscribe[locale]}: ${publicUrl}/unsubscribe?token=`);
      expect(headers.get('list-unsubscribe')).toContain(`<${publicUrl}/unsubscribe?token=`);
    }
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-mail-e2e-'));
    sink = await startSmtpSink();
    const ports = await allocateHubPorts();
    publicUrl = `http://127.0.0.1:${ports.port}`;
    hub = startHubProcess(
      {
        CX_DATA_DIR: dataDir,
        CX_PUBLIC_URL: publicUrl,
        CX_UNSUBSCRIBE_SECRET: 'e2e-unsubscribe-secret-of-at-least-32-characters',
        CX_SEED_DEMO: 'false',
        CX_SMTP_URL: sink.url,
        CX_MAIL_FROM: 'CX office <cx@hub.example>',
        CX_MAIL_INTERVAL_MS: '200',
        ...e2eAdminEnv,
        ...(await env()),
      },
      ports,
      180_000,
    );
    await hub.ready;
    admin = await signInOverHttp(hub.url, E2E_ADMIN.email, E2E_ADMIN.password);
    const segmentId = (
      await ok(DOCS.segment, {
        input: { code: 'LOGISTICS', name: 'Logistics', industry: 'Logistics', size: 'LARGE' },
      })
    ).createSegment.id;
    accountId = (
      await ok(DOCS.account, { input: { name: 'Northwind', segmentId, tier: 'ENTERPRISE' } })
    ).createClientAccount.id;
    for (const [locale, respondentClass] of [
      ['ru', 'ECONOMIC_BUYER'],
      ['en', 'OPERATOR'],
    ] as const) {
      const c = contacts[locale];
      c.id = (
        await ok(DOCS.contact, {
          input: { accountId, name: c.name, email: c.email, locale, respondentClass },
        })
      ).createContact.id;
    }
  }, 200_000);

  afterAll(async () => {
    await hub?.kill('SIGTERM');
    await sink?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Step: acknowledges the feedback of each contact by e-mail in the contact’s language. */
  async function acknowledgements() {
    for (const locale of ['ru', 'en'] as const) {
      const { submitFeedback } = await ok(DOCS.submit, {
        input: {
          accountId,
          contactId: contacts[locale].id,
          channel: 'COMPLAINT',
          complaintClass: 'DELIVERY_DISCIPLINE',
          text: 'The trucks keep arriving a day late.',
        },
      });
      feedbackIds.push(submitFeedback.feedbackItem.id);
    }
    await expectArrivedInTheirLanguage('ack');
  }

  /** Step: invites each contact to a survey triggered by an event of their account, in their language. */
  async function invitations() {
    const questionnaireId = (
      await ok(DOCS.questionnaire, {
        input: {
          code: 'delivery-pulse',
          title: SURVEY_TITLE,
          targetRespondentClasses: ['ECONOMIC_BUYER', 'OPERATOR'],
          questions: [{ key: 'nps', type: 'NPS', text: 'How likely are you to recommend us?' }],
        },
      })
    ).createQuestionnaire.id;
    const campaignId = (
      await ok(DOCS.campaign, {
        input: {
          name: 'After delivery',
          questionnaireId,
          scheduleKind: 'TRIGGER',
          triggerEvent: 'ORDER_DELIVERED',
          targetRespondentClasses: ['ECONOMIC_BUYER', 'OPERATOR'],
        },
      })
    ).createSurveyCampaign.id;
    await ok(DOCS.activate, { id: campaignId });
    await ok(DOCS.trigger, {
      input: {
        accountId,
        type: 'ORDER_DELIVERED',
        externalId: 'erp-order-1001',
        occurredAt: new Date().toISOString(),
      },
    });
    await expectArrivedInTheirLanguage('invitation');
  }

  /** Step: tells each contact that work started on what they said ("you said, we did"), in their language. */
  async function youSaidWeDid() {
    const { me } = await ok(DOCS.me);
    const { createInitiative } = await ok(DOCS.initiative, {
      input: {
        title: INITIATIVE_TITLE,
        problem: 'Deliveries arrive a day late',
        clientVisible: true,
        feedbackIds,
        affectedAccountIds: [accountId],
        ownerId: me.userId,
      },
    });
    const id = (initiativeId = createInitiative.id as string);
    // Moves are commands to the initiative's workflow: wait until it runs.
    await eventually(
      async () => ((await ok(DOCS.live, { id })).initiative.live ? true : undefined),
      30_000,
      100,
    );
    // Created from feedback it starts in ANALYSE (COLLECT otherwise); IMPLEMENT is where it starts.
    if (createInitiative.processGroup === 'COLLECT') await ok(DOCS.move, { id, to: 'ANALYSE' });
    await ok(DOCS.move, { id, to: 'IMPLEMENT' });
    await expectArrivedInTheirLanguage('progress');
  }

  /** Step: reads every notification SENT over GraphQL, with the Message-ID that arrived. */
  async function readBackSent() {
    const rows = await eventually(async () => {
      const { clientNotifications } = await ok<{
        clientNotifications: { nodes: Notification[] };
      }>(DOCS.notifications, { filter: { accountId } });
      const nodes = clientNotifications.nodes;
      return nodes.length === 6 && nodes.every((n) => n.status === 'SENT') ? nodes : undefined;
    }, 30_000);
    const arrivedIds = sink.arrived.map((m) => readMail(m.raw).headers.get('message-id'));
    expect(sink.arrived).toHaveLength(6);
    for (const row of rows) {
      const locale = row.contact?.id === contacts.ru.id ? 'ru' : 'en';
      expect(row.recipient).toBe(contacts[locale].email);
      expect(row.locale).toBe(locale);
      expect(row.messageId).toMatch(/^<.+@hub\.example>$/);
      const mail = sink.arrived.find(
        (m) => readMail(m.raw).headers.get('message-id') === row.messageId,
      );
      expect(mail?.to).toEqual([row.recipient]);
      expect(readMail(mail!.raw).headers.get('subject')).toBe(row.subject);
    }
    expect(new Set(arrivedIds).size).toBe(6);
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'FEEDBACK_ACKNOWLEDGEMENT',
      'FEEDBACK_ACKNOWLEDGEMENT',
      'INITIATIVE_PROGRESS',
      'INITIATIVE_PROGRESS',
      'SURVEY_INVITATION',
      'SURVEY_INVITATION',
    ]);
  }

  /** Step: honours the unsubscribe link of a message: the next one to that contact is SKIPPED, the other still arrives. */
  async function unsubscribeHonoured() {
    const [invitation] = sink.arrived
      .filter((m) => m.to.includes(contacts.en.email))
      .map((m) => readMail(m.raw))
      .filter((m) => m.headers.get('subject') === expected.en.invitation.subject);
    const link = /<([^>]+)>/.exec(invitation!.headers.get('list-unsubscribe') ?? '')?.[1];
    // A mail client's one-click unsubscribe (RFC 8058) posts to the link.
    const posted = await fetch(link!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    expect((await ok(DOCS.optedOut, { id: contacts.en.id })).contact.mailOptedOutAt).not.toBeNull();
    const before = sink.arrived.length;

    await ok(DOCS.move, { id: initiativeId, to: 'MONITOR' });
    const rows = await eventually(async () => {
      const { clientNotifications } = await ok<{
        clientNotifications: { nodes: Notification[] };
      }>(DOCS.notifications, { filter: { initiativeId } });
      const monitoring = clientNotifications.nodes.filter((n) => n.milestone === 'MONITORING');
      return monitoring.length === 2 && monitoring.every((n) => n.status !== 'PENDING')
        ? monitoring
        : undefined;
    }, 60_000);
    const of = (id: string) => rows.find((r) => r.contact?.id === id)!;
    expect(of(contacts.en.id)).toMatchObject({ status: 'SKIPPED', messageId: null });
    expect(of(contacts.en.id).lastError).toMatch(/^The contact unsubscribed from e-mail on /);
    expect(of(contacts.ru.id)).toMatchObject({
      status: 'SENT',
      subject: `Изменения внедрены: ${INITIATIVE_TITLE}`,
    });
    const arrived = sink.arrived.slice(before);
    expect(arrived.map((m) => m.to)).toEqual([[contacts.ru.email]]);
    expect(readMail(arrived[0]!.raw).text).toContain(
      `Все запланированные изменения по проекту «${INITIATIVE_TITLE}» внедрены.`,
    );
  }
  // One story on one hub, step by step: each step reads what the ones before it made.
  it('tells each contact by e-mail, in their language: the acknowledgement, a survey invitation and "you said, we did"; all read back SENT with the Message-ID that arrived; an unsubscribe is honoured', async () => {
    await acknowledgements();
    await invitations();
    await youSaidWeDid();
    await readBackSent();
    await unsubscribeHonoured();
  }, 420_000);
});
