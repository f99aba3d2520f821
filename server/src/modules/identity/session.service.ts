import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { User } from '../organisation/user.entity.js';
import { UserCredential } from './credential.entity.js';
import { identityError } from './identity.errors.js';
import { decoyHash, verifyPassword } from './password.js';
import { digest, newSecret } from './secrets.js';
import { Session } from './session.entity.js';
import { SecurityEventKind } from '../audit/security-event.js';

/** What a successful sign-in hands the transport: secrets to set as cookies, and who signed in. */
export interface SessionGrant {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

const SIGN_IN_FAILED =
  'Sign-in failed: the e-mail or password is wrong, or the account is locked for a few minutes after too many attempts.';
/** lastSeenAt is written at most this often, so busy pages do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Password sign-in and browser sessions. Every sign-in makes a new session (no fixation);
 * wrong passwords count per account and lock it for a while; an unknown e-mail, a wrong
 * password and a locked account get the same answer after the same work.
 */
export class SessionService {
  /**
   * Sign-in reads the user before anyone is signed in, and a person's own credential and
   * sessions are hidden from their row scope: these services read past it (authorised before).
   */
  private readonly db: DomainContext;

  constructor(private readonly ctx: DomainContext) {
    this.db = ctx.unscoped();
  }

  async signIn(
    emailGiven: string,
    password: string,
    origin: { userAgent: string | null; ip: string | null },
  ): Promise<SessionGrant> {
    const email = emailGiven.trim().toLowerCase();
    const auth = this.ctx.deps.config.auth;
    const now = this.ctx.clock.now();
    const failed = (reason: string, userId: string | null) =>
      this.ctx.audit.recordSecurityEvent(SecurityEventKind.LOGIN_FAILED, {
        ...origin,
        email,
        reason,
        userId,
      });
    const user = await this.db.em.findOne(User, { email });
    const credential = user ? await this.db.em.findOne(UserCredential, { user }) : null;
    if (!user || !user.active || !credential) {
      await verifyPassword(await decoyHash(), password);
      await failed(
        !user ? 'UNKNOWN_EMAIL' : !user.active ? 'INACTIVE' : 'NO_PASSWORD',
        user?.id ?? null,
      );
      throw identityError('SIGN_IN_FAILED', SIGN_IN_FAILED);
    }
    if (credential.lockedUntil && credential.lockedUntil > now) {
      await failed('LOCKED_OUT', user.id);
      throw identityError('SIGN_IN_FAILED', SIGN_IN_FAILED);
    }
    if (!(await verifyPassword(credential.passwordHash, password))) {
      const attempts = credential.failedAttempts + 1;
      const locks = attempts >= auth.maxFailedSignIns;
      await this.db.em.nativeUpdate(
        UserCredential,
        { user: user.id },
        locks
          ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + auth.lockMs) }
          : { failedAttempts: attempts },
      );
      await failed(locks ? 'WRONG_PASSWORD_NOW_LOCKED' : 'WRONG_PASSWORD', user.id);
      throw identityError('SIGN_IN_FAILED', SIGN_IN_FAILED);
    }
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + auth.sessionMs);
    const session = await this.db.em.transactional(async (em) => {
      await em.nativeUpdate(
        UserCredential,
        { user: user.id },
        { failedAttempts: 0, lockedUntil: null },
      );
      return em.create(Session, {
        tokenHash: digest(sessionToken),
        csrfHash: digest(csrfToken),
        user,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        userAgent: origin.userAgent?.slice(0, 300) ?? null,
      });
    });
    await this.ctx.audit.recordSecurityEvent(SecurityEventKind.LOGIN_SUCCEEDED, {
      ...origin,
      userId: user.id,
      sessionId: session.id,
    });
    return { user, sessionToken, csrfToken, expiresAt };
  }

  /** Ends the session the cookie names (nothing happens for an unknown one). */
  async signOut(sessionToken: string): Promise<void> {
    const session = await this.db.em.findOne(Session, {
      tokenHash: digest(sessionToken),
      revokedAt: null,
    });
    if (!session) return;
    await this.db.em.nativeUpdate(Session, { id: session.id }, { revokedAt: this.ctx.clock.now() });
    await this.ctx.audit.recordSecurityEvent(SecurityEventKind.LOGOUT, {
      userId: session.user.id,
      sessionId: session.id,
    });
  }

  /**
   * The user of a live session, or null when the token is unknown, revoked, expired or idle for
   * too long. `csrfToken` must match the one issued with the session, else CSRF_TOKEN_INVALID.
   */
  async resume(sessionToken: string, csrfToken: string | undefined): Promise<User | null> {
    const now = this.ctx.clock.now();
    const idle = this.ctx.deps.config.auth.sessionIdleMs;
    const session = await this.db.em.findOne(
      Session,
      { tokenHash: digest(sessionToken) },
      { populate: ['user'] },
    );
    if (
      !session ||
      session.revokedAt ||
      session.expiresAt <= now ||
      session.lastSeenAt.getTime() + idle <= now.getTime() ||
      !session.user.active
    ) {
      return null;
    }
    if (!csrfToken || digest(csrfToken) !== session.csrfHash) {
      throw identityError(
        'CSRF_TOKEN_INVALID',
        'This request carries the session cookie without its CSRF token (header x-csrf-token); sign in again if the page was reloaded.',
      );
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.db.em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now });
    }
    return session.user;
  }

  /** Ends every session of a user (password changed or set by an admin). */
  async endAllOf(em: Em, userId: string): Promise<void> {
    await em.nativeUpdate(
      Session,
      { user: userId, revokedAt: null },
      { revokedAt: this.ctx.clock.now() },
    );
  }
}
