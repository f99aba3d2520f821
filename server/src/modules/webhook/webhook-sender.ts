import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookAttempt } from './webhook-delivery.entity.js';

/** A new secret in the Standard Webhooks form receivers' libraries accept as it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface OutgoingWebhook {
  url: string;
  secret: string;
  /** The `webhook-id`: the same on every attempt, so receivers dedupe by it. */
  eventId: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * Sends one signed POST and reports how it went; never throws for the receiver's failures
 * (they are recorded, not retried by the activity's own policy). Any 2xx is success.
 * `webhook-timestamp` is the time of sending (receivers reject old signatures), the body's
 * `timestamp` the time of the event.
 */
export async function sendWebhook(
  message: OutgoingWebhook,
  timeoutMs: number,
): Promise<WebhookAttempt> {
  const body = JSON.stringify({
    type: message.type,
    timestamp: message.occurredAt.toISOString(),
    data: message.data,
  });
  const sentAt = new Date();
  const signature = new Webhook(message.secret).sign(message.eventId, sentAt, body);
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): WebhookAttempt => ({
    at: sentAt.toISOString(),
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  try {
    const response = await fetch(message.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cx-ops-hub-webhooks',
        'webhook-id': message.eventId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    // The body is not needed; reading it frees the connection.
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return done(response.status, null);
    return done(response.status, `The receiver answered HTTP ${response.status}.`);
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `No answer within ${timeoutMs} ms.`
        : `The request failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
    return done(null, reason.slice(0, 500));
  }
}
