import { randomUUID } from 'node:crypto';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { FeedbackAcknowledgementService } from '../../server/src/modules/feedback/feedback-acknowledgement.service.js';
import { NotificationService } from '../../server/src/modules/notification/notification.service.js';
import { MailDeliveryService } from '../../server/src/modules/notification/mail-delivery.service.js';
import { createSmtpSender } from '../../server/src/modules/notification/mail-transport.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { ensureMailDeliveryWorkflow } from '../../server/src/temporal/mail-starter.js';
import { MAIL_DELIVERY_WORKFLOW_ID } from '../../workflows/contracts/mail.contract.js';
import { createWorker } from '../../workflows/worker.js';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { silentLogger } from '../helpers/graphql.js';
import { readMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { createFeedbackFixture } from './feedback-fixture.js';
import { useTimeSkippingEnv } from '../helpers/time-skipping-suite.js';
import { eventually } from '../helpers/workflow-harness.js';

const temporal = useTimeSkippingEnv();
const FROM = 'CX office <cx@hub.example>';

describeEachDatabase('E-mail delivery of the outbox', (getOrm) => {
  let worker: Worker;
  let running: Promise<void>;
  let sink: SmtpSink;
  const taskQueue = `mail-${randomUUID()}`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    worker = await createWorker({
      orm: getOrm(),
      connection: temporal.env.nativeConnection,
      taskQueue,
      namespace: temporal.env.namespace ?? 'default',
      log: silentLogger,
      bundle: temporal.bundle,
      config: loadConfig({ CX_SMTP_URL: sink.url, CX_MAIL_FROM: FROM }),
    });
    running = worker.run();
    // Short waits, so the retries of a deferred message happen within the test.
    await ensureMailDeliveryWorkflow(temporal.env.client, {
      taskQueue,
      timings: {
        intervalMs: 100,
        retryInitialMs: 100,
        retryMaximumMs: 400,
        maxAttempts: 3,
        // Continues as new every few sweeps, so the tests cross that boundary too.
        sweepsPerExecution: 4,
      },
    });
  });
  afterAll(async () => {
    await temporal.env.client.workflow
      .getHandle(MAIL_DELIVERY_WORKFLOW_ID)
      .terminate('test finished')
      .catch(() => undefined);
    worker?.shutdown();
    await running;
    await sink?.close();
  });

  /** A PENDING outbox row to `email`, as the workflows' activities write them. */
  async function queue(email: string | null, subject: string, body: string) {
    const { account, contacts } = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.TECHNICAL_BUYER, email }],
    });
    const em = getOrm().em.fork();
    const row = em.create(ClientNotification, {
      dedupeKey: `test:${randomUUID()}`,
      kind: NotificationKind.INITIATIVE_PROGRESS,
      account,
      contact: contacts[0]!,
      recipient: email,
      subject,
      body,
      status: email ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
    });
    await em.flush();
    return row.id;
  }

  const settled = (id: string) =>
    eventually(
      () => getOrm().em.fork().findOneOrFail(ClientNotification, { id }),
      (row) => row.status !== DeliveryStatus.PENDING,
    );

  it('delivers a pending notification to its recipient with its subject and body, and records SENT with the message id', async () => {
    const to = `buyer-${randomUUID()}@client.example`;
    const id = await queue(to, 'We fixed the delivery slots', 'You said, we did: slots now hold.');
    const row = await settled(id);
    expect(row.status).toBe(DeliveryStatus.SENT);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.messageId).toBe(`<${id}@hub.example>`);
    expect(row.serverResponse).toMatch(/queued as SINK\d+/);
    expect(row.attempts).toBe(1);
    const mails = sink.arrived.filter((m) => m.to.includes(to));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('cx@hub.example');
    expect(mails[0]!.raw).toMatch(new RegExp(`^To: ${to}\\r?$`, 'm'));
    expect(mails[0]!.raw).toMatch(/^Subject: We fixed the delivery slots\r?$/m);
    expect(mails[0]!.raw).toMatch(new RegExp(`^Message-ID: <${id}@hub\\.example>\\r?$`, 'mi'));
    expect(mails[0]!.raw).toContain('You said, we did: slots now hold.');

    // Delivering it again (a retried activity, a second sweep) sends nothing and changes nothing.
    const again = await domainContext(getOrm(), { viewer: { actor: 'test' } })
      .service(MailDeliveryService)
      .deliver(id, createSmtpSender({ url: sink.url }), { from: FROM, unsubscribe: null });
    expect(again).toBe('NOT_PENDING');
    expect(sink.rcptCount(to)).toBe(1);
    const after = await getOrm().em.fork().findOneOrFail(ClientNotification, { id });
    expect(after.attempts).toBe(1);
    expect(after.sentAt).toEqual(row.sentAt);
  });

  it('delivers the acknowledgement and a "you said, we did" message in the contact\'s language', async () => {
    const to = `anna-${randomUUID()}@client.example`;
    const { feedbackId, accountId, contactId } = await createFeedbackFixture(getOrm(), {
      locale: 'ru',
      email: to,
    });
    const system = () => domainContext(getOrm(), { viewer: { actor: 'test' } });
    const { notificationId } = await system()
      .service(FeedbackAcknowledgementService)
      .acknowledge(feedbackId);
    const progress = await system().service(NotificationService).queue({
      accountId,
      contactId,
      subject: 'Вы сказали — мы сделали',
      body: 'Теперь счета приходят вместе с товаром.',
    });
    expect((await settled(notificationId)).status).toBe(DeliveryStatus.SENT);
    expect((await settled(progress.id)).status).toBe(DeliveryStatus.SENT);

    const mails = sink.arrived.filter((m) => m.to.includes(to)).map((m) => readMail(m.raw));
    const subjects = mails.map((m) => m.headers.get('subject'));
    expect(subjects).toEqual(
      expect.arrayContaining(['Мы получили ваш отзыв', 'Вы сказали — мы сделали']),
    );
    const ack = mails.find((m) => m.headers.get('subject') === 'Мы получили ваш отзыв')!;
    expect(ack.text).toContain('Здравствуйте, Anna Petrova!');
    expect(ack.text).toContain(`Номер обращения: ${feedbackId.slice(-12)}`);
    expect(
      mails.find((m) => m.text.includes('Теперь счета приходят вместе с товаром.')),
    ).toBeTruthy();
  });

  it('retries a message the server defers (4xx) and delivers it once when the server accepts', async () => {
    const to = `deferred-${randomUUID()}@client.example`;
    sink.script(to, [{ code: 451, text: 'Try again later' }, 'accept']);
    const id = await queue(to, 'Your feedback was received', 'Thank you.');
    const row = await settled(id);
    expect(row.status).toBe(DeliveryStatus.SENT);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    expect(sink.rcptCount(to)).toBe(2);
    expect(sink.arrived.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('records BOUNCED with the reason, without retrying, when the server refuses the recipient for good (5xx)', async () => {
    const to = `gone-${randomUUID()}@client.example`;
    sink.script(to, [{ code: 550, text: 'No such mailbox' }]);
    const id = await queue(to, 'Invitation', 'Please answer our survey.');
    const row = await settled(id);
    expect(row.status).toBe(DeliveryStatus.BOUNCED);
    expect(row.lastError).toMatch(/550.*No such mailbox/);
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(sink.rcptCount(to)).toBe(1);
  });

  it('records FAILED with the last reason once every attempt was deferred', async () => {
    const to = `busy-${randomUUID()}@client.example`;
    sink.script(to, [{ code: 452, text: 'Mailbox full, try later' }]);
    const id = await queue(to, 'Invitation', 'Please answer our survey.');
    const row = await settled(id);
    expect(row.status).toBe(DeliveryStatus.FAILED);
    expect(row.lastError).toMatch(/452.*Mailbox full/);
    expect(row.attempts).toBe(3);
    expect(sink.rcptCount(to)).toBe(3);
    expect(sink.arrived.filter((m) => m.to.includes(to))).toHaveLength(0);
  });
});
