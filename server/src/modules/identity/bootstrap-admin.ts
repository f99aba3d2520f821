import type { AuthConfig } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import { Department } from '../organisation/department.entity.js';
import { UserRole } from '../organisation/organisation.enums.js';
import { User } from '../organisation/user.entity.js';
import { UserCredential } from './credential.entity.js';
import { assertAcceptablePassword, hashPassword } from './password.js';

/**
 * The first CX admin of an installation (CX_ADMIN_EMAIL + CX_ADMIN_PASSWORD): made if missing,
 * given the password if it has none. A password set or changed later is left alone.
 */
export async function ensureBootstrapAdmin(
  orm: Orm,
  admin: AuthConfig['bootstrapAdmin'],
): Promise<'created' | 'password-set' | 'present' | 'not-configured'> {
  if (!admin) return 'not-configured';
  assertAcceptablePassword(admin.password, 'CX_ADMIN_PASSWORD');
  // Stored as sign-in looks it up, whoever calls this.
  const email = admin.email.trim().toLowerCase();
  const em = orm.em.fork();
  let user = await em.findOne(User, { email });
  const created = !user;
  if (!user) {
    user = em.create(User, {
      email,
      name: 'Administrator',
      role: UserRole.CX_ADMIN,
      department: await em.findOne(Department, { isCxOffice: true }),
    });
  }
  if (await em.findOne(UserCredential, { user })) return 'present';
  em.create(UserCredential, {
    user,
    passwordHash: await hashPassword(admin.password),
    passwordChangedAt: new Date(),
    failedAttempts: 0,
  });
  await em.flush();
  return created ? 'created' : 'password-set';
}
