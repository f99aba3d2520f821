import {
  DEFAULT_MAIL_TIMINGS,
  type MailDeliveryTimings,
} from '../../../../workflows/contracts/mail.contract.js';

/** Where the outbox is sent: an SMTP server, and the sender every message carries. */
export interface MailSettings {
  /**
   * The SMTP server, or null when none is configured: then nothing is delivered and the
   * outbox keeps its rows PENDING until one is.
   */
  smtp: SmtpSettings | null;
  /** The From address (CX_MAIL_FROM). */
  from: string;
  /** How often the outbox is swept and how delivery is retried (CX_MAIL_*). */
  timings: MailDeliveryTimings;
  /**
   * Where the unsubscribe links of messages point and the secret that signs them
   * (CX_PUBLIC_URL, CX_UNSUBSCRIBE_SECRET); null when unset: messages then carry no link.
   */
  unsubscribe: { publicUrl: string; secret: string } | null;
}

/** Either a URL (`smtp://user:pass@host:587`, `smtps://…`) or its parts. */
export type SmtpSettings =
  | { url: string }
  | { host: string; port: number; secure: boolean; user?: string; password?: string };

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return Number(raw);
}

function smtpOf(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const url = text(env, 'CX_SMTP_URL');
  const host = text(env, 'CX_SMTP_HOST');
  if (url && host) {
    throw new Error('Set either CX_SMTP_URL or CX_SMTP_HOST (with its port and user), not both');
  }
  if (url) {
    if (!/^smtps?:\/\/[^/]/i.test(url)) {
      throw new Error(`CX_SMTP_URL must start with smtp:// or smtps://, got "${url}"`);
    }
    return { url };
  }
  if (!host) return null;
  const secureRaw = text(env, 'CX_SMTP_SECURE') ?? 'false';
  if (!['true', 'false'].includes(secureRaw)) {
    throw new Error(`CX_SMTP_SECURE must be true or false, got "${secureRaw}"`);
  }
  const secure = secureRaw === 'true';
  const port = whole(env, 'CX_SMTP_PORT', secure ? 465 : 587, 1);
  if (port > 65535) throw new Error(`CX_SMTP_PORT must be a port number, got "${port}"`);
  const user = text(env, 'CX_SMTP_USER');
  const password = env.CX_SMTP_PASSWORD;
  if ((user === undefined) !== (password === undefined || password === '')) {
    throw new Error('Set both CX_SMTP_USER and CX_SMTP_PASSWORD, or neither');
  }
  return { host, port, secure, ...(user ? { user, password: password as string } : {}) };
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/;

function unsubscribeOf(env: NodeJS.ProcessEnv): MailSettings['unsubscribe'] {
  const publicUrl = text(env, 'CX_PUBLIC_URL');
  const secret = text(env, 'CX_UNSUBSCRIBE_SECRET');
  if ((publicUrl === undefined) !== (secret === undefined)) {
    throw new Error('Set both CX_PUBLIC_URL and CX_UNSUBSCRIBE_SECRET, or neither');
  }
  if (!publicUrl || !secret) return null;
  if (!/^https?:\/\/[^/]/i.test(publicUrl)) {
    throw new Error(`CX_PUBLIC_URL must start with http:// or https://, got "${publicUrl}"`);
  }
  if (secret.length < 32) {
    throw new Error('CX_UNSUBSCRIBE_SECRET must be at least 32 characters long');
  }
  return { publicUrl: publicUrl.replace(/\/+$/, ''), secret };
}

export function loadMailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const from = text(env, 'CX_MAIL_FROM') ?? 'CX Ops Hub <cx-hub@localhost>';
  if (!ADDRESS.test(from)) {
    throw new Error(
      `CX_MAIL_FROM must be an address such as "CX office <cx@example.com>", got "${from}"`,
    );
  }
  return {
    smtp: smtpOf(env),
    from,
    unsubscribe: unsubscribeOf(env),
    timings: {
      ...DEFAULT_MAIL_TIMINGS,
      intervalMs: whole(env, 'CX_MAIL_INTERVAL_MS', DEFAULT_MAIL_TIMINGS.intervalMs, 1),
      maxAttempts: whole(env, 'CX_MAIL_MAX_ATTEMPTS', DEFAULT_MAIL_TIMINGS.maxAttempts, 1),
      retryInitialMs: whole(
        env,
        'CX_MAIL_RETRY_INITIAL_MS',
        DEFAULT_MAIL_TIMINGS.retryInitialMs,
        1,
      ),
    },
  };
}
