import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpServer, type HubHttpServer } from '../../server/src/app.js';
import { SignInThrottle } from '../../server/src/auth/sign-in-throttle.js';
import { loadConfig } from '../../server/src/config.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { ApiToken } from '../../server/src/modules/identity/api-token.entity.js';
import { ensureBootstrapAdmin } from '../../server/src/modules/identity/bootstrap-admin.js';
import { UserCredential } from '../../server/src/modules/identity/credential.entity.js';
import { Session } from '../../server/src/modules/identity/session.entity.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { User } from '../../server/src/modules/organisation/user.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { RecordingCollectStarter, silentLogger } from '../helpers/graphql.js';
import { graphqlOverHttp, signInOverHttp, type HttpSession } from '../helpers/hub-process.js';

const ADMIN = { email: 'ada.admin@hub.example', password: 'correct horse battery' };
const ME = '{ me { kind role scopes } }';
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { csrfToken expiresAt user { name } } }`;

describeEachDatabase('Signing in over HTTP', (getOrm) => {
  let http: HubHttpServer;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({
      CX_ADMIN_EMAIL: ADMIN.email,
      CX_ADMIN_PASSWORD: ADMIN.password,
      CX_MAX_FAILED_SIGN_INS: '3',
    });
    expect(await ensureBootstrapAdmin(getOrm(), config.auth.bootstrapAdmin)).toBe('created');
    http = await createHttpServer({
      orm: getOrm(),
      config,
      collect: new RecordingCollectStarter(),
      initiatives: unreachableInitiativeWorkflows,
      log: silentLogger,
      signInThrottle: new SignInThrottle(1000),
    });
    url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => http?.close());

  const signIn = (password: string, email = ADMIN.email) =>
    graphqlOverHttp(url, SIGN_IN, { input: { email, password } });

  it('starts a session in an HttpOnly, SameSite=Strict cookie with a CSRF token the page sends back', async () => {
    const { headers, body } = await signIn(ADMIN.password);
    expect(body.errors).toBeUndefined();
    const cookies = headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('cx_session='))!;
    const csrf = cookies.find((c) => c.startsWith('cx_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(decodeURIComponent(csrf.split(';')[0]!.slice('cx_csrf='.length))).toBe(
      body.data.signIn.csrfToken,
    );
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const me = await graphqlOverHttp(
      url,
      ME,
      {},
      { cookie, csrfToken: body.data.signIn.csrfToken },
    );
    expect(me.body.data.me).toEqual({ kind: 'user', role: 'CX_ADMIN', scopes: [] });

    // The cookie alone is not enough: a forged cross-site request lacks the CSRF header.
    const forged = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'CSRF_TOKEN_INVALID',
    });
  });

  it('stores only hashes: no password, session token or CSRF token in the database', async () => {
    const session = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    const em = getOrm().em.fork();
    const credential = await em.findOneOrFail(UserCredential, { user: { email: ADMIN.email } });
    expect(credential.passwordHash).toMatch(/^\$argon2id\$/);
    expect(credential.passwordHash).not.toContain(ADMIN.password);
    const token = session.cookie.match(/cx_session=([^;]+)/)![1]!;
    expect(await em.count(Session, { tokenHash: token })).toBe(0);
    expect(await em.count(Session, { csrfHash: session.csrfToken })).toBe(0);
  });

  it('makes a new session at every sign-in and ends it at sign-out', async () => {
    const first = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    const second = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    expect(second.cookie).not.toBe(first.cookie);
    const out = await graphqlOverHttp(url, 'mutation { signOut }', {}, first);
    expect(out.headers.getSetCookie().some((c) => /^cx_session=;/.test(c))).toBe(true);
    const after = await graphqlOverHttp(url, ME, {}, first);
    expect(after.body.data.me.kind).toBe('anonymous');
    expect((await graphqlOverHttp(url, ME, {}, second)).body.data.me.kind).toBe('user');
  });

  it('treats an expired or idle session as signed out', async () => {
    const session = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    await getOrm()
      .em.fork()
      .nativeUpdate(
        Session,
        { revokedAt: null },
        { lastSeenAt: new Date(Date.now() - 3 * 3_600_000) },
      );
    expect((await graphqlOverHttp(url, ME, {}, session)).body.data.me.kind).toBe('anonymous');
  });

  it('answers an unknown e-mail, a wrong password and a locked account alike, and locks after three misses', async () => {
    const unknown = await signIn(ADMIN.password, 'nobody@hub.example');
    const wrong = await signIn('wrong password 1');
    for (const res of [unknown, wrong]) {
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_FAILED',
      });
    }
    expect(wrong.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    await signIn('wrong password 2');
    await signIn('wrong password 3');
    const locked = await signIn(ADMIN.password);
    expect(locked.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    const em = getOrm().em.fork();
    const credential = await em.findOneOrFail(UserCredential, { user: { email: ADMIN.email } });
    expect(credential.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Each attempt is in the audit trail with the e-mail tried and why — never a password.
    const events = await em.find(AuditEvent, {
      action: { $in: ['LOGIN_FAILED', 'LOGIN_SUCCEEDED'] },
    });
    const failures = events.filter((e) => e.action === 'LOGIN_FAILED');
    expect(failures.map((e) => (e.after as { reason: string }).reason)).toEqual(
      expect.arrayContaining([
        'UNKNOWN_EMAIL',
        'WRONG_PASSWORD',
        'WRONG_PASSWORD_NOW_LOCKED',
        'LOCKED_OUT',
      ]),
    );
    const stored = JSON.stringify(events.map((e) => e.after));
    for (const secret of ['wrong password 1', 'wrong password 2', ADMIN.password]) {
      expect(stored).not.toContain(secret);
    }
    // Once the lock has run out, the right password works again.
    await em.nativeUpdate(
      UserCredential,
      { user: credential.user.id },
      { lockedUntil: new Date(Date.now() - 1000) },
    );
    expect((await signIn(ADMIN.password)).body.errors).toBeUndefined();
  });

  it('issues API tokens shown once and stored hashed, which sign requests until revoked', async () => {
    const admin: HttpSession = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    const created = await graphqlOverHttp(
      url,
      `mutation { createApiToken(input: { name: "CRM sync", scopes: [FEEDBACK_WRITE, READ] }) { secret token { id prefix scopes lastUsedAt } } }`,
      {},
      admin,
    );
    const { secret, token } = created.body.data.createApiToken;
    expect(secret).toMatch(/^cxt_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token).toMatchObject({ scopes: ['FEEDBACK_WRITE', 'READ'], lastUsedAt: null });
    expect(await getOrm().em.fork().count(ApiToken, { tokenHash: secret })).toBe(0);
    const bearer = (s: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s}` },
        body: JSON.stringify({ query: ME }),
      });
    const used = await bearer(secret);
    expect(((await used.json()) as any).data.me).toEqual({
      kind: 'token',
      role: null,
      scopes: ['FEEDBACK_WRITE', 'READ'],
    });
    const listed = await graphqlOverHttp(
      url,
      '{ apiTokens(first: 10) { nodes { id lastUsedAt } } }',
      {},
      admin,
    );
    expect(
      listed.body.data.apiTokens.nodes.find((t: any) => t.id === token.id).lastUsedAt,
    ).not.toBeNull();
    await graphqlOverHttp(
      url,
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: token.id },
      admin,
    );
    const refused = await bearer(secret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
    expect((await bearer(`${secret}x`)).status).toBe(401);
  });

  it('ends every session when the password changes, and accepts only the new one', async () => {
    const email = 'bob.manager@hub.example';
    const em = getOrm().em.fork();
    const bob = em.create(User, { email, name: 'Bob Manager', role: 'CX_MANAGER' as never });
    await em.flush();
    const admin = await signInOverHttp(url, ADMIN.email, ADMIN.password);
    const set = await graphqlOverHttp(
      url,
      'mutation ($id: ID!, $p: String!) { setUserPassword(userId: $id, password: $p) { id } }',
      { id: Buffer.from(`User:${bob.id}`).toString('base64url'), p: 'short' },
      admin,
    );
    expect(set.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PASSWORD_TOO_SHORT',
    });
    await graphqlOverHttp(
      url,
      'mutation ($id: ID!, $p: String!) { setUserPassword(userId: $id, password: $p) { id } }',
      { id: Buffer.from(`User:${bob.id}`).toString('base64url'), p: 'bob first password' },
      admin,
    );
    const bobSession = await signInOverHttp(url, email, 'bob first password');
    const changed = await graphqlOverHttp(
      url,
      'mutation { changePassword(currentPassword: "bob first password", newPassword: "bob second password") }',
      {},
      bobSession,
    );
    expect(changed.body.data.changePassword).toBe(true);
    expect((await graphqlOverHttp(url, ME, {}, bobSession)).body.data.me.kind).toBe('anonymous');
    expect((await signIn('bob first password', email)).body.errors?.[0]?.extensions?.reason).toBe(
      'SIGN_IN_FAILED',
    );
    expect((await signIn('bob second password', email)).body.errors).toBeUndefined();
  });
});

it('throttles sign-in attempts from one address across accounts', async () => {
  const throttle = new SignInThrottle(2);
  await throttle.admit('10.0.0.1');
  await throttle.admit('10.0.0.1');
  await expect(throttle.admit('10.0.0.1')).rejects.toMatchObject({ reason: 'SIGN_IN_THROTTLED' });
  await expect(throttle.admit('10.0.0.2')).resolves.toBeUndefined();
});
