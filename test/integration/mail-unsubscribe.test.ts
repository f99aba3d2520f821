import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { RespondentClass } from '../../server/src/modules/client/client.enums.js';
import { Contact } from '../../server/src/modules/client/contact.entity.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  composeMail,
  MailDeliveryService,
} from '../../server/src/modules/notification/mail-delivery.service.js';
import { MailOptOut } from '../../server/src/modules/notification/mail-opt-out.entity.js';
import { MailOptOutService } from '../../server/src/modules/notification/mail-opt-out.service.js';
import { createSmtpSender } from '../../server/src/modules/notification/mail-transport.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import { createAccount } from '../fixtures/factories.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { startHttpHub, type HttpHub } from '../helpers/http-hub.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const PUBLIC_URL = 'https://hub.example';
const SECRET = 'a-test-secret-of-at-least-32-characters';
const envelope = {
  from: 'CX office <cx@hub.example>',
  unsubscribe: { publicUrl: PUBLIC_URL, secret: SECRET },
};

describeEachDatabase('Unsubscribing from e-mail', (getOrm) => {
  let hub: HttpHub;
  let api: TestApi;
  let sink: SmtpSink;
  beforeAll(async () => {
    hub = await startHttpHub(getOrm(), {
      CX_PUBLIC_URL: PUBLIC_URL,
      CX_UNSUBSCRIBE_SECRET: SECRET,
    });
    api = await createTestApi(getOrm());
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await hub?.close();
    await api?.stop();
    await sink?.close();
  });

  const system = () => domainContext(getOrm(), { viewer: { actor: 'test' } });

  async function pendingRow(locale: 'ru' | 'en' = 'ru') {
    const email = `buyer-${randomUUID()}@client.example`;
    const { account, contacts } = await createAccount(getOrm(), {
      contacts: [{ respondentClass: RespondentClass.TECHNICAL_BUYER, email, locale }],
    });
    const em = getOrm().em.fork();
    const row = em.create(ClientNotification, {
      dedupeKey: `test:${randomUUID()}`,
      kind: NotificationKind.INITIATIVE_PROGRESS,
      account,
      contact: contacts[0]!,
      recipient: email,
      locale,
      subject: 'Мы сделали',
      body: 'Слоты доставки теперь соблюдаются.',
    });
    await em.flush();
    return { row, contactId: contacts[0]!.id, email };
  }

  /** The link as the message carries it, pointed at this test's hub instead of the public URL. */
  const linkOf = (text: string) => {
    const link = /(https:\/\/hub\.example\/unsubscribe\?token=\S+)/.exec(text)?.[1];
    if (!link) throw new Error(`no unsubscribe link in: ${text}`);
    return link.replace(PUBLIC_URL, hub.baseUrl);
  };

  it("puts a signed link in each message, which asks before it unsubscribes, and then skips the contact's messages with the reason", async () => {
    const { row, contactId, email } = await pendingRow();
    const mail = composeMail(row, envelope);
    expect(mail.text).toMatch(
      /Отписаться от этих писем: https:\/\/hub\.example\/unsubscribe\?token=/,
    );
    expect(mail.headers).toMatchObject({
      'List-Unsubscribe': `<${/(https:\S+)/.exec(mail.text)![1]}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const link = linkOf(mail.text);

    // Opening the link (as a mail scanner would) only shows the button.
    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    const asked = await shown.text();
    expect(asked).toContain('<html lang="ru">');
    expect(asked).toContain('<form method="post"><button type="submit">Отписаться</button></form>');
    expect(await system().service(MailOptOutService).optedOutAt(contactId)).toBeNull();

    // The button (or a mail client's one-click unsubscribe) posts to it.
    const posted = await fetch(link, { method: 'POST' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('<h1>Вы отписались</h1>');
    expect(await system().service(MailOptOutService).optedOutAt(contactId)).toBeInstanceOf(Date);

    const outcome = await system()
      .service(MailDeliveryService)
      .deliver(row.id, createSmtpSender({ url: sink.url }), envelope);
    expect(outcome).toBe('SKIPPED');
    const after = await getOrm().em.fork().findOneOrFail(ClientNotification, { id: row.id });
    expect(after.status).toBe(DeliveryStatus.SKIPPED);
    expect(after.lastError).toMatch(
      /^The contact unsubscribed from e-mail on \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(sink.rcptCount(email)).toBe(0);
  });

  it("speaks the contact's language, and the browser's when the link is not valid", async () => {
    const { row, contactId } = await pendingRow('en');
    const link = linkOf(composeMail(row, envelope).text);
    const asked = await (await fetch(link)).text();
    expect(asked).toContain('<html lang="en">');
    expect(asked).toContain('<button type="submit">Unsubscribe</button>');
    const posted = await fetch(link, { method: 'POST' });
    expect(await posted.text()).toContain('<h1>You are unsubscribed</h1>');
    expect(await system().service(MailOptOutService).optedOutAt(contactId)).toBeInstanceOf(Date);

    const invalid = await fetch(`${hub.baseUrl}/unsubscribe?token=nothing`, {
      headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('<h1>Ссылка недействительна</h1>');
  });

  it('says there is nothing to unsubscribe when the contact is no longer held, recording nothing', async () => {
    const { row, contactId } = await pendingRow('ru');
    const link = linkOf(composeMail(row, envelope).text);
    const em = getOrm().em.fork();
    await em.nativeDelete(ClientNotification, { id: row.id });
    await em.nativeDelete(Contact, { id: contactId });
    const posted = await fetch(link, {
      method: 'POST',
      headers: { 'accept-language': 'ru' },
    });
    expect(posted.status).toBe(404);
    expect(await posted.text()).toContain('<h1>Этого адреса у нас больше нет</h1>');
    expect(await getOrm().em.fork().count(MailOptOut, { contact: contactId })).toBe(0);
  });

  it('refuses a link whose token was altered or made with another secret, recording nothing', async () => {
    const { row, contactId } = await pendingRow();
    const link = linkOf(composeMail(row, envelope).text);
    const tampered = `${link.slice(0, -2)}xx`;
    const forged = linkOf(
      composeMail(row, {
        ...envelope,
        unsubscribe: { publicUrl: PUBLIC_URL, secret: 'another-secret-of-32-characters-or-more' },
      }).text,
    );
    for (const url of [tampered, forged, `${hub.baseUrl}/unsubscribe`]) {
      const res = await fetch(url, { method: 'POST' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This link is not valid');
    }
    expect(await system().service(MailOptOutService).optedOutAt(contactId)).toBeNull();
  });

  it('lets the CX office record an opt-out and lift it through GraphQL, shown on the contact', async () => {
    const { contactId } = await pendingRow();
    const SET = `mutation ($id: ID!, $out: Boolean!) {
      setContactMailOptOut(contactId: $id, optedOut: $out) { id mailOptedOutAt }
    }`;
    const id = toGlobalId('Contact', contactId);
    const out = await api.execute(SET, { id, out: true });
    expect(out.errors).toBeUndefined();
    expect(out.data!.setContactMailOptOut.mailOptedOutAt).toEqual(expect.any(String));
    const again = await api.execute(SET, { id, out: false });
    expect(again.data!.setContactMailOptOut.mailOptedOutAt).toBeNull();
    const unknown = await api.execute(SET, { id: toGlobalId('Contact', randomUUID()), out: true });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CONTACT_NOT_FOUND',
    });
  });
});
