import type { Orm } from '../db/orm.js';
import { CouncilMember } from '../modules/client/council-member.entity.js';
import { UserCredential } from '../modules/identity/credential.entity.js';
import { hashPassword, verifyPassword } from '../modules/identity/password.js';
import { type Department } from '../modules/organisation/department.entity.js';
import { UserRole } from '../modules/organisation/organisation.enums.js';
import { User } from '../modules/organisation/user.entity.js';

/** A demo account a newcomer can sign in with, one per role (printed by `npm start`). */
export interface DemoSignIn {
  role: UserRole;
  name: string;
  email: string;
  password: string;
}

/** Demo passwords: public on purpose, for a demo company on a trusted machine only. */
export const DEMO_PASSWORDS: Record<UserRole, string> = {
  [UserRole.CX_ADMIN]: 'cx-demo-admin-2026',
  [UserRole.CX_MANAGER]: 'cx-demo-manager-2026',
  [UserRole.DEPARTMENT_MEMBER]: 'cx-demo-department-2026',
  [UserRole.COUNCIL_MEMBER]: 'cx-demo-council-2026',
};

/**
 * Gives one demo user per role a password — the first CX admin and manager, a member of
 * logistics (the department with most demo tasks), and a portal user for the chair of the
 * council that reviews most client-visible initiatives — unless they have one already (a
 * changed password stays changed). Answers the demo sign-ins that still work.
 */
export async function ensureDemoSignIns(orm: Orm): Promise<DemoSignIn[]> {
  const em = orm.em.fork();
  const first = (role: UserRole, departmentCode?: string) =>
    em.findOne(
      User,
      { role, active: true, ...(departmentCode ? { department: { code: departmentCode } } : {}) },
      { orderBy: { email: 'asc' } },
    );
  const picks = [
    await first(UserRole.CX_ADMIN),
    await first(UserRole.CX_MANAGER),
    await first(UserRole.DEPARTMENT_MEMBER, 'LOGISTICS'),
    await councilUser(orm),
  ].filter((u): u is User => !!u);
  const out: DemoSignIn[] = [];
  for (const user of picks) {
    const role = user.role as UserRole;
    const password = DEMO_PASSWORDS[role];
    const credential = await em.findOne(UserCredential, { user });
    if (!credential) {
      em.create(UserCredential, {
        user,
        passwordHash: await hashPassword(password),
        passwordChangedAt: new Date(),
        failedAttempts: 0,
      });
      await em.flush();
    } else if (!(await verifyPassword(credential.passwordHash, password))) {
      continue; // changed since: not ours to print
    }
    out.push({ role, name: user.name, email: user.email, password });
  }
  return out;
}

/** The portal user of a member of the busiest council (made once, from the member's contact). */
async function councilUser(orm: Orm): Promise<User | null> {
  const em = orm.em.fork();
  const [busiest] = await em.execute<{ council: string }[]>(
    `select ca.advisory_council_id as council, count(distinct ia.initiative_id) as n
       from advisory_council_account ca
       join initiative_account ia on ia.client_account_id = ca.client_account_id
       join initiative i on i.id = ia.initiative_id
      where i.client_visible
      group by ca.advisory_council_id order by n desc, ca.advisory_council_id limit 1`,
  );
  if (!busiest) return null;
  // The chair if they have an e-mail to sign in with, else the first member who has one.
  const member = (
    await em.find(
      CouncilMember,
      { council: busiest.council },
      { populate: ['contact', 'user'], orderBy: { role: 'asc', createdAt: 'asc', id: 'asc' } },
    )
  ).find((m) => !!m.contact.email);
  if (!member) return null;
  if (member.user) return em.findOne(User, { id: member.user.id });
  const user = em.create(User, {
    email: member.contact.email!.toLowerCase(),
    name: member.contact.name,
    role: UserRole.COUNCIL_MEMBER,
    department: null as Department | null,
    locale: member.contact.locale,
  });
  member.user = user;
  await em.flush();
  return user;
}
