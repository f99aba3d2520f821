import { mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { User } from '../organisation/user.entity.js';
import { UserCredential } from './credential.entity.js';
import { identityError } from './identity.errors.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.js';
import { SessionService } from './session.service.js';

const userNotFound = (message: string, field: string) =>
  identityError('USER_NOT_FOUND', message, field);

/** Passwords: set by an admin (onboarding, reset) or changed by their owner. */
export class CredentialService {
  /**
   * Sign-in reads the user before anyone is signed in, and a person's own credential and
   * sessions are hidden from their row scope: these services read past it (authorised before).
   */
  private readonly db: DomainContext;

  constructor(private readonly ctx: DomainContext) {
    this.db = ctx.unscoped();
  }

  /** An admin sets a user's password; their sessions end. */
  async setPassword(userId: string, password: string): Promise<User> {
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    return this.db.em.transactional(async (em) => {
      const user = await mustFind(em, User, userId, 'userId', userNotFound);
      await this.store(em, user, passwordHash);
      this.ctx.audit.record(em, 'setUserPassword', 'User', user.id, null, { passwordSet: true });
      return user;
    });
  }

  /** The signed-in user changes their own password, proving the current one. */
  async changeOwn(current: string, next: string): Promise<void> {
    const userId = this.ctx.viewer.userId;
    if (!userId) throw identityError('NOT_SIGNED_IN', 'Sign in to change your password.');
    assertAcceptablePassword(next, 'newPassword');
    const credential = await this.db.em.findOne(UserCredential, { user: userId });
    if (!credential || !(await verifyPassword(credential.passwordHash, current))) {
      throw identityError(
        'WRONG_PASSWORD',
        'The current password is not right.',
        'currentPassword',
      );
    }
    const passwordHash = await hashPassword(next);
    await this.db.em.transactional(async (em) => {
      const user = await em.findOneOrFail(User, { id: userId });
      await this.store(em, user, passwordHash);
      this.ctx.audit.record(em, 'changePassword', 'User', user.id, null, { passwordChanged: true });
    });
  }

  /** Stores the hash and ends the user's sessions: a new password signs everyone out. */
  private async store(em: Em, user: User, passwordHash: string): Promise<void> {
    const now = this.ctx.clock.now();
    const existing = await em.findOne(UserCredential, { user });
    if (existing)
      Object.assign(existing, {
        passwordHash,
        passwordChangedAt: now,
        failedAttempts: 0,
        lockedUntil: null,
      });
    else
      em.create(UserCredential, { user, passwordHash, passwordChangedAt: now, failedAttempts: 0 });
    await this.ctx.service(SessionService).endAllOf(em, user.id);
  }
}
