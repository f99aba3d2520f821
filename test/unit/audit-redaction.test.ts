import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from '../../server/src/modules/audit/redact.js';
import { clip } from '../../server/src/modules/audit/security-event.js';

describe('redactSecrets', () => {
  it('replaces the values of secret fields at any depth and keeps everything else', () => {
    const input = {
      id: 'u1',
      email: 'ann@hub.example',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      profile: { tokenHash: 'abc', tokenId: 't1', scopes: ['READ'] },
      tokens: [{ token: 'cxh_live_123', lastUsedAt: '2026-11-30T00:00:00.000Z' }],
      secretKey: 'k',
      clientSecret: 's',
      csrfToken: 'c',
      api_key: 'a',
      password_hash: 'p',
    };
    expect(redactSecrets(input)).toEqual({
      id: 'u1',
      email: 'ann@hub.example',
      passwordHash: REDACTED,
      profile: { tokenHash: REDACTED, tokenId: 't1', scopes: ['READ'] },
      tokens: [{ token: REDACTED, lastUsedAt: '2026-11-30T00:00:00.000Z' }],
      secretKey: REDACTED,
      clientSecret: REDACTED,
      csrfToken: REDACTED,
      api_key: REDACTED,
      password_hash: REDACTED,
    });
  });

  it('redacts a password hash whatever its field is called', () => {
    expect(
      redactSecrets({ note: '$argon2id$v=19$m=65536,t=3,p=4$abc$def', other: '$5 off' }),
    ).toEqual({ note: REDACTED, other: '$5 off' });
  });

  it('keeps null and absent secrets as they are, and leaves the input untouched', () => {
    const input = { passwordHash: null, tokenHash: 'x' };
    expect(redactSecrets(input)).toEqual({ passwordHash: null, tokenHash: REDACTED });
    expect(input.tokenHash).toBe('x');
    expect(redactSecrets(null)).toBeNull();
  });

  it.each([
    ['passwordHash', true],
    ['newPassword', true],
    ['hash', true],
    ['tokenHash', true],
    ['secret', true],
    ['secretAnswer', true],
    ['sessionToken', true],
    ['salt', true],
    ['privateKey', true],
    ['sessionCookie', true],
    ['authorization', true],
    ['tokenId', false],
    ['dedupeKey', false],
    ['email', false],
    ['description', false],
    ['scopes', false],
    ['lastUsedAt', false],
  ])('treats a field named %s as secret: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });
});

describe('clip', () => {
  it('strips control characters and keeps at most 320 characters', () => {
    expect(clip('ann\u0000@hub\n.example')).toBe('ann@hub.example');
    expect(clip('x'.repeat(1000))).toHaveLength(320);
  });
});
