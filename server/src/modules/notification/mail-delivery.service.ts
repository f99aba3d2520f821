import type { EntityData } from '@mikro-orm/core';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientNotification } from './client-notification.entity.js';
import type { MailSettings } from './mail.settings.js';
import { MailOptOutService } from './mail-opt-out.service.js';
import { readSendFailure, type MailSender, type OutgoingMail } from './mail-transport.js';
import { DeliveryStatus } from './notification.enums.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** What every message shares: the sender, and where its unsubscribe link points (if anywhere). */
export type MailEnvelope = Pick<MailSettings, 'from' | 'unsubscribe'>;

export type DeliveryOutcome = 'SENT' | 'BOUNCED' | 'SKIPPED' | 'NOT_PENDING';

/** A send that may succeed later (a 4xx deferral, a lost connection): the caller retries. */
export class TemporaryDeliveryError extends Error {
  override readonly name = 'TemporaryDeliveryError';
}

/**
 * Sends outbox rows over a MailSender and records the outcome on the row. Every write is
 * guarded by the row still being PENDING, so a row an operator cancelled meanwhile, or one a
 * concurrent run finished, is never overwritten, and a row already SENT is never sent again.
 */
export class MailDeliveryService {
  constructor(private readonly ctx: DomainContext) {}

  /** The oldest PENDING rows first. */
  async pendingIds(limit: number): Promise<string[]> {
    const rows = await this.ctx.em.find(
      ClientNotification,
      { status: DeliveryStatus.PENDING },
      { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' }, limit },
    );
    return rows.map((r) => r.id);
  }

  /**
   * One attempt at one row. Returns what became of it; throws TemporaryDeliveryError when the
   * server deferred or could not be reached (the row keeps PENDING, with the reason).
   */
  async deliver(id: string, sender: MailSender, envelope: MailEnvelope): Promise<DeliveryOutcome> {
    const em = this.ctx.em;
    const row = await em.findOne(ClientNotification, { id });
    if (!row || row.status !== DeliveryStatus.PENDING) return 'NOT_PENDING';
    if (!row.recipient) {
      const done = await this.finish(row, {
        status: DeliveryStatus.SKIPPED,
        lastError: 'No e-mail address to deliver to.',
      });
      return done ? 'SKIPPED' : 'NOT_PENDING';
    }
    const optedOutAt = row.contact
      ? await this.ctx.service(MailOptOutService).optedOutAt(row.contact.id)
      : null;
    if (optedOutAt) {
      const day = optedOutAt.toISOString().slice(0, 10);
      const done = await this.finish(row, {
        status: DeliveryStatus.SKIPPED,
        lastError: `The contact unsubscribed from e-mail on ${day}.`,
      });
      return done ? 'SKIPPED' : 'NOT_PENDING';
    }
    await em.nativeUpdate(
      ClientNotification,
      { id, status: DeliveryStatus.PENDING },
      { attempts: row.attempts + 1, updatedAt: this.ctx.clock.now() },
    );
    const mail = composeMail(row, envelope);
    const messageId = mail.messageId;
    let response: string;
    try {
      ({ response } = await sender.send(mail));
    } catch (err) {
      const failure = readSendFailure(err);
      if (failure.permanent) {
        const done = await this.finish(row, {
          status: DeliveryStatus.BOUNCED,
          lastError: failure.reason,
        });
        return done ? 'BOUNCED' : 'NOT_PENDING';
      }
      await em.nativeUpdate(
        ClientNotification,
        { id, status: DeliveryStatus.PENDING },
        { lastError: failure.reason, updatedAt: this.ctx.clock.now() },
      );
      throw new TemporaryDeliveryError(failure.reason);
    }
    const done = await this.finish(row, {
      status: DeliveryStatus.SENT,
      sentAt: this.ctx.clock.now(),
      messageId,
      serverResponse: response.slice(0, 500),
      lastError: null,
    });
    return done ? 'SENT' : 'NOT_PENDING';
  }

  /** After the last attempt: FAILED with the reason (unless the row left PENDING meanwhile). */
  async recordFailure(id: string, reason: string): Promise<boolean> {
    const row = await this.ctx.em.findOne(ClientNotification, { id });
    if (!row) return false;
    return this.finish(row, { status: DeliveryStatus.FAILED, lastError: reason });
  }

  /** Moves a PENDING row to its outcome with an audit row, in one transaction. */
  private async finish(
    row: ClientNotification,
    patch: EntityData<ClientNotification>,
  ): Promise<boolean> {
    return this.ctx.em.transactional(async (em) => {
      const before = snapshot(row);
      const won =
        (await em.nativeUpdate(
          ClientNotification,
          { id: row.id, status: DeliveryStatus.PENDING },
          { ...patch, updatedAt: this.ctx.clock.now() },
        )) > 0;
      if (!won) return false;
      const after = await em.findOneOrFail(ClientNotification, { id: row.id }, { refresh: true });
      this.ctx.audit.record(
        em,
        'deliverClientNotification',
        'ClientNotification',
        row.id,
        before,
        snapshot(after),
      );
      return true;
    });
  }
}

/** The e-mail of a row: its text, and an unsubscribe link (body and headers) when configured. */
export function composeMail(row: ClientNotification, envelope: MailEnvelope): OutgoingMail {
  const headers: Record<string, string> = { 'X-CX-Notification': row.id };
  let text = row.body;
  if (envelope.unsubscribe && row.contact) {
    const { publicUrl, secret } = envelope.unsubscribe;
    const link = `${publicUrl}/unsubscribe?token=${unsubscribeToken(secret, row.contact.id)}`;
    const say = row.locale === 'ru' ? 'Отписаться от этих писем' : 'Stop these e-mails';
    text = `${text}\n\n--\n${say}: ${link}`;
    // RFC 8058: mail clients offer one-click unsubscribe, which POSTs to the link.
    headers['List-Unsubscribe'] = `<${link}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    messageId: messageIdOf(row.id, envelope.from),
    from: envelope.from,
    to: row.recipient ?? '',
    subject: row.subject,
    text,
    headers,
  };
}

/** `<row id@sender's domain>`: the same on every attempt, so a receiver can drop a repeat. */
export function messageIdOf(notificationId: string, from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim() || 'cx-ops-hub.invalid';
  return `<${notificationId}@${domain}>`;
}
