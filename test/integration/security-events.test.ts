import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { uuidv7 } from '../../server/src/db/ids.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { REDACTED } from '../../server/src/modules/audit/redact.js';
import {
  SecurityEventKind,
  type SecurityEventDetails,
} from '../../server/src/modules/audit/security-event.js';
import { tokenUseThrottle } from '../../server/src/modules/audit/token-use-throttle.js';
import { Department } from '../../server/src/modules/organisation/department.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';

const T0 = new Date('2026-11-30T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const manager: Viewer = {
  actor: 'user:m1',
  kind: 'user',
  userId: 'm1',
  role: 'CX_MANAGER' as never,
};

describeEachDatabase('security events in the audit trail', (getOrm, dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  const events = (action: SecurityEventKind) =>
    getOrm()
      .em.fork()
      .find(AuditEvent, { action }, { orderBy: { at: 'asc', id: 'asc' } });

  it('records a successful login and a logout as the user, about the user', async () => {
    const userId = uuidv7();
    const ctx = domainContext(getOrm(), { at: T0 });
    await ctx.audit.recordSecurityEvent(SecurityEventKind.LOGIN_SUCCEEDED, {
      userId,
      sessionId: 's1',
      ip: '203.0.113.7',
    });
    await ctx.audit.recordSecurityEvent(SecurityEventKind.LOGOUT, { userId, sessionId: 's1' });
    const [login] = (await events(SecurityEventKind.LOGIN_SUCCEEDED)).filter(
      (e) => e.entityId === userId,
    );
    expect(login).toMatchObject({
      actor: `user:${userId}`,
      entityType: 'User',
      at: T0,
      before: null,
      after: { userId, sessionId: 's1', ip: '203.0.113.7' },
    });
    expect((await events(SecurityEventKind.LOGOUT)).map((e) => e.entityId)).toContain(userId);
  });

  it('records a failed login with the e-mail tried, never a password, even one passed by mistake', async () => {
    const ctx = domainContext(getOrm(), { at: T0 });
    const detail = {
      email: 'nobody\u0000@hub.example',
      reason: 'UNKNOWN_EMAIL',
      password: 'hunter2',
    } as SecurityEventDetails['LOGIN_FAILED'];
    const event = await ctx.audit.recordSecurityEvent(SecurityEventKind.LOGIN_FAILED, detail);
    const stored = await getOrm().em.fork().findOneOrFail(AuditEvent, { id: event!.id });
    expect(stored).toMatchObject({ actor: 'anonymous', entityType: null, entityId: null });
    expect(stored.after).toEqual({
      email: 'nobody@hub.example',
      reason: 'UNKNOWN_EMAIL',
      password: REDACTED,
    });
    expect(JSON.stringify(stored)).not.toContain('hunter2');
  });

  it('shows a security event without a subject through auditEvents with a null entity', async () => {
    const res = await api.execute(
      `{ auditEvents(first: 5, filter: { action: "LOGIN_FAILED" }) { nodes { action actor entityType entityId after } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.nodes[0]).toMatchObject({
      action: 'LOGIN_FAILED',
      entityType: null,
      entityId: null,
      after: { password: REDACTED },
    });
  });

  it('records a token use at most once per token per minute, across processes too', async () => {
    const tokenA = uuidv7();
    const tokenB = uuidv7();
    const use = (tokenId: string, at: Date) =>
      domainContext(getOrm(), { at }).audit.recordSecurityEvent(SecurityEventKind.TOKEN_USED, {
        tokenId,
        operation: 'importFeedback',
      });
    expect(await use(tokenA, T0)).not.toBeNull();
    expect(await use(tokenA, later(30_000))).toBeNull();
    expect(await use(tokenB, later(30_000))).not.toBeNull();
    // Another API process has not seen tokenA's use: the database still says "recently".
    tokenUseThrottle.forget(tokenA, T0);
    expect(await use(tokenA, later(45_000))).toBeNull();
    expect(await use(tokenA, later(61_000))).not.toBeNull();
    const recorded = (await events(SecurityEventKind.TOKEN_USED)).filter(
      (e) => e.entityId === tokenA,
    );
    expect(recorded.map((e) => [e.actor, e.entityType, e.at])).toEqual([
      [`token:${tokenA}`, 'ApiToken', T0],
      [`token:${tokenA}`, 'ApiToken', later(61_000)],
    ]);
  });

  it('records a refused access with the operation, the viewer and the reason', async () => {
    const viewer: Viewer = { ...manager, departmentId: null };
    const event = await domainContext(getOrm(), { viewer, at: T0 }).audit.recordSecurityEvent(
      SecurityEventKind.ACCESS_REFUSED,
      { operation: 'auditEvents', reason: 'CX admins only' },
    );
    expect(event).toMatchObject({ actor: 'user:m1', entityType: null, entityId: null });
    expect(event!.after).toEqual({
      operation: 'auditEvents',
      reason: 'CX admins only',
      viewer: { actor: 'user:m1', kind: 'user', role: 'CX_MANAGER' },
    });
  });

  it('keeps a refused access when the request fails and writes nothing else', async () => {
    const ctx = domainContext(getOrm(), { viewer: manager, at: T0 });
    const departments = await getOrm().em.fork().count(Department, {});
    const refuse = async () => {
      await ctx.audit.recordSecurityEvent(SecurityEventKind.ACCESS_REFUSED, {
        operation: 'createDepartment',
        reason: 'role',
      });
      throw new Error('FORBIDDEN');
    };
    await expect(refuse()).rejects.toThrow('FORBIDDEN');
    expect(await getOrm().em.fork().count(Department, {})).toBe(departments);
    const refusals = await events(SecurityEventKind.ACCESS_REFUSED);
    expect(refusals.map((e) => e.after?.operation)).toContain('createDepartment');
  });

  it('records every operation refused to a signed-in person or a token, and no anonymous one', async () => {
    const actor = `user:${uuidv7()}`;
    const department: Viewer = {
      actor,
      kind: 'user',
      userId: actor.slice(5),
      role: 'DEPARTMENT_MEMBER' as never,
      departmentId: uuidv7(),
    };
    const tokenActor = `token:${uuidv7()}`;
    const token: Viewer = {
      actor: tokenActor,
      kind: 'token',
      tokenId: tokenActor.slice(6),
      scopes: ['FEEDBACK_WRITE' as never],
    };
    const refusedTo = async (viewer: Viewer) => {
      const res = await api.execute(`{ auditEvents(first: 1) { totalCount } }`, {}, viewer);
      return res.errors?.[0]?.extensions?.reason;
    };
    const before = (await events(SecurityEventKind.ACCESS_REFUSED)).length;
    expect(await refusedTo(department)).toBe('ROLE_NOT_ALLOWED');
    expect(await refusedTo(token)).toBe('SCOPE_MISSING');
    expect(await refusedTo({ actor: 'anonymous', kind: 'anonymous' })).toBe('SIGN_IN_REQUIRED');
    const recorded = (await events(SecurityEventKind.ACCESS_REFUSED)).slice(before);
    expect(recorded.map((e) => [e.actor, e.after?.operation, e.after?.reason])).toEqual([
      [actor, 'auditEvents', 'ROLE_NOT_ALLOWED'],
      [tokenActor, 'auditEvents', 'SCOPE_MISSING'],
    ]);
    expect(recorded[0]!.after?.viewer).toMatchObject({ role: 'DEPARTMENT_MEMBER' });
    expect(recorded[1]!.after?.viewer).toMatchObject({ scopes: ['FEEDBACK_WRITE'] });
  });

  it('redacts secrets in every change it records, and again when the trail is read', async () => {
    const orm = getOrm();
    const ctx = domainContext(orm, { at: T0 });
    const id = uuidv7();
    await ctx.em.transactional(async (tx) => {
      ctx.audit.record(
        tx,
        'updateUser',
        'User',
        id,
        { passwordHash: 'old' },
        {
          passwordHash: 'new',
          name: 'Ann',
        },
      );
    });
    const stored = await orm.em.fork().findOneOrFail(AuditEvent, { entityId: id });
    expect([stored.before, stored.after]).toEqual([
      { passwordHash: REDACTED },
      { passwordHash: REDACTED, name: 'Ann' },
    ]);
    // A row written around the service (as before redaction existed) is redacted on the way out.
    const raw = orm.em.fork();
    raw.create(AuditEvent, {
      actor: 'system',
      action: 'legacy',
      entityType: 'User',
      entityId: uuidv7(),
      before: null,
      after: { tokenHash: 'leaked' },
    });
    await raw.flush();
    const res = await api.execute(
      `{ auditEvents(first: 1, filter: { action: "legacy" }) { nodes { after } } }`,
    );
    expect(res.data!.auditEvents.nodes).toEqual([{ after: { tokenHash: REDACTED } }]);
  });

  if (dialect === 'postgresql') {
    it('keeps a refused access recorded inside a transaction that rolls back', async () => {
      const ctx = domainContext(getOrm(), { viewer: manager, at: T0 });
      await expect(
        ctx.em.transactional(async (tx) => {
          tx.create(Department, { code: `ROLLED_BACK_${Date.now()}`, name: 'Gone' });
          await tx.flush();
          await ctx.withEm(tx).audit.recordSecurityEvent(SecurityEventKind.ACCESS_REFUSED, {
            operation: 'insideTransaction',
            reason: 'scope',
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await getOrm().em.fork().count(Department, { name: 'Gone' })).toBe(0);
      const refusals = await events(SecurityEventKind.ACCESS_REFUSED);
      expect(refusals.map((e) => e.after?.operation)).toContain('insideTransaction');
    });
  }
});
