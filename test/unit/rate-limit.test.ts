import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anonymousViewer, type Viewer } from '../../server/src/auth/viewer.js';
import { rateLimitKey, withRateLimit } from '../../server/src/http/rate-limit.js';

const user = (id: string): Viewer => ({ actor: `user:${id}`, kind: 'user', userId: id });
const token = (id: string): Viewer => ({ actor: `token:${id}`, kind: 'token', tokenId: id });

/** Only `req.ip` is read; the rest of Express's request and response is not needed here. */
const from = (ip: string) =>
  ({ req: { ip }, res: {} }) as unknown as ExpressContextFunctionArgument;

/** The context function as the HTTP app would wrap it, for a request made by `viewer`. */
function limited(points: number, anonymousPoints: number) {
  let viewer: Viewer = anonymousViewer;
  const context = withRateLimit({ points, anonymousPoints, windowSeconds: 60 }, async () => ({
    viewer,
  }));
  return async (as: Viewer, ip = '203.0.113.7') => {
    viewer = as;
    try {
      await context(from(ip));
      return 'ok';
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return error;
    }
  };
}

describe('rate limits', () => {
  it('keys a signed-in user and an API token on the viewer, anyone else on the address', () => {
    expect(rateLimitKey(user('u1'), '10.0.0.1')).toBe('user:u1');
    expect(rateLimitKey(token('t1'), '10.0.0.1')).toBe('token:t1');
    expect(rateLimitKey(anonymousViewer, '10.0.0.1')).toBe('address:10.0.0.1');
  });

  it('refuses a user over the allowance with RATE_LIMITED, HTTP 429 and Retry-After, and no one else', async () => {
    const request = limited(2, 100);
    expect([await request(user('u1')), await request(user('u1'))]).toEqual(['ok', 'ok']);
    const refused = await request(user('u1'));
    expect(refused).toBeInstanceOf(GraphQLError);
    const { message, originalError, extensions } = refused as GraphQLError;
    expect(message).toMatch(/^Too many requests: .* Try again in \d+ s\.$/);
    expect(originalError).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
    const http = extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another user, a token and anonymous requests from the same address each have their own.
    expect(await request(user('u2'))).toBe('ok');
    expect(await request(token('t1'))).toBe('ok');
    expect(await request(anonymousViewer)).toBe('ok');
  });

  it('gives every API token an allowance of its own', async () => {
    const request = limited(1, 100);
    expect(await request(token('t1'))).toBe('ok');
    expect(await request(token('t1'))).toBeInstanceOf(GraphQLError);
    expect(await request(token('t2'))).toBe('ok');
  });

  it('limits anonymous requests per client address with their own allowance', async () => {
    const request = limited(100, 1);
    expect(await request(anonymousViewer, '198.51.100.1')).toBe('ok');
    expect(await request(anonymousViewer, '198.51.100.1')).toBeInstanceOf(GraphQLError);
    expect(await request(anonymousViewer, '198.51.100.2')).toBe('ok');
  });

  it('turns a limit off with 0 points', async () => {
    const request = limited(0, 0);
    for (let i = 0; i < 50; i++)
      expect(await request(i % 2 ? user('u1') : anonymousViewer)).toBe('ok');
  });
});
