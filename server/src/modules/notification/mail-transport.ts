import nodemailer from 'nodemailer';
import type { SmtpSettings } from './mail.settings.js';

/** One e-mail as the outbox hands it to the transport. */
export interface OutgoingMail {
  /** The Message-ID header, `<…@…>`. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Extra headers (e.g. `X-CX-Notification`). */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** The server's answer to the message (e.g. `250 Ok: queued as 4F2A1`). */
  response: string;
}

/** The port the delivery service sends through; nodemailer's SMTP transport in the hub. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** Why a send failed, and whether trying again could help. */
export interface SendFailure {
  /** The server refused for good (an SMTP 5xx to the envelope or the message): a bounce. */
  permanent: boolean;
  reason: string;
}

/** Nodemailer over SMTP, pooled so a sweep's messages share connections. */
export function createSmtpSender(settings: SmtpSettings): MailSender {
  const transport =
    'url' in settings
      ? nodemailer.createTransport(settings.url)
      : nodemailer.createTransport({
          host: settings.host,
          port: settings.port,
          secure: settings.secure,
          ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
        });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return { messageId: info.messageId, response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

/**
 * Reads a nodemailer error. Only a refusal of the envelope or of the message itself (RCPT TO,
 * DATA) with a 5xx reply is a bounce; a 5xx to the sign-in (EAUTH) is the hub's configuration,
 * which a person can fix, so it is retried like a lost connection or a 4xx deferral.
 */
export function readSendFailure(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reply = typeof e.response === 'string' ? e.response : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const permanent =
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    responseCode !== undefined &&
    responseCode >= 500;
  return { permanent, reason: reply ? `The mail server answered: ${reply}` : message };
}
