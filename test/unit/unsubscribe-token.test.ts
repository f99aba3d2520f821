import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  unsubscribeToken,
  verifyUnsubscribeToken,
} from '../../server/src/modules/notification/unsubscribe-token.js';

const secret = 'a-test-secret-of-at-least-32-characters';

it('answers the contact of a token the hub made, and nothing for one altered, forged or malformed', () => {
  const contactId = randomUUID();
  const token = unsubscribeToken(secret, contactId);
  expect(verifyUnsubscribeToken(secret, token)).toBe(contactId);
  const [, mac] = token.split('.');
  expect(verifyUnsubscribeToken(secret, `${randomUUID()}.${mac}`)).toBeNull();
  expect(verifyUnsubscribeToken('another-secret-of-32-characters-or-more', token)).toBeNull();
  expect(verifyUnsubscribeToken(secret, `${token}.x`)).toBeNull();
  expect(verifyUnsubscribeToken(secret, 'not-a-token')).toBeNull();
  expect(verifyUnsubscribeToken(secret, '')).toBeNull();
});
