import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(secret: string, contactId: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${contactId}`).digest('base64url');
}

/** `<contact id>.<HMAC>`: names the contact, and only the hub (holding the secret) can make it. */
export function unsubscribeToken(secret: string, contactId: string): string {
  return `${contactId}.${mac(secret, contactId)}`;
}

/** The contact a token was made for, or null when it was not made with this secret. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [contactId, given, extra] = token.split('.');
  if (!contactId || !given || extra !== undefined || !UUID.test(contactId)) return null;
  const expected = Buffer.from(mac(secret, contactId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? contactId : null;
}
