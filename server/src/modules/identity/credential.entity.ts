import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../organisation/user.entity.js';

/**
 * A user's password, kept apart from the user row so that nothing that reads or audits users
 * ever touches the hash. Failed attempts lock the account for a while (see `password-login.ts`).
 */
const UserCredentialSchema = defineEntity({
  name: 'UserCredential',
  tableName: 'user_credential',
  properties: {
    user: () => p.oneToOne(User).primary().owner(),
    /** argon2id, with its parameters and salt (PHC string). */
    passwordHash: p.string().length(200),
    passwordChangedAt: p.datetime(),
    failedAttempts: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
  },
});
export class UserCredential extends UserCredentialSchema.class {}
UserCredentialSchema.setClass(UserCredential);
export { UserCredentialSchema };
