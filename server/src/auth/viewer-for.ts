import type { Em } from '../db/orm.js';
import { CouncilMember } from '../modules/client/council-member.entity.js';
import { UserRole } from '../modules/organisation/organisation.enums.js';
import type { User } from '../modules/organisation/user.entity.js';
import type { Viewer } from './viewer.js';

/** The viewer a signed-in user acts as: role, department, councils (read fresh at every request). */
export async function viewerForUser(em: Em, user: User): Promise<Viewer> {
  const viewer: Viewer = {
    actor: `user:${user.id}`,
    kind: 'user',
    userId: user.id,
    role: user.role,
    departmentId: user.role === UserRole.DEPARTMENT_MEMBER ? (user.department?.id ?? null) : null,
  };
  if (user.role === UserRole.COUNCIL_MEMBER) {
    const seats = await em.find(CouncilMember, { user: user.id }, { fields: ['id', 'council'] });
    viewer.councilIds = [...new Set(seats.map((m) => m.council.id))];
    viewer.memberIds = seats.map((m) => m.id);
  }
  return viewer;
}
