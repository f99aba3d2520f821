import { randomUUID } from 'node:crypto';
import type { TokenScope } from '../../server/src/auth/token-scope.js';
import { anonymousViewer, type Viewer } from '../../server/src/auth/viewer.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';

/** Viewers as the identity layer will build them, for tests of what each may do and see. */
export const viewers = {
  anonymous: (): Viewer => anonymousViewer,
  user: (role: UserRole, userId: string = randomUUID()): Viewer => ({
    actor: `user:${userId}`,
    kind: 'user',
    role,
    userId,
  }),
  department: (departmentId: string, userId: string = randomUUID()): Viewer => ({
    ...viewers.user(UserRole.DEPARTMENT_MEMBER, userId),
    departmentId,
  }),
  council: (councilIds: string[], memberIds: string[], userId: string = randomUUID()): Viewer => ({
    ...viewers.user(UserRole.COUNCIL_MEMBER, userId),
    councilIds,
    memberIds,
  }),
  token: (...scopes: TokenScope[]): Viewer => {
    const tokenId = randomUUID();
    return { actor: `token:${tokenId}`, kind: 'token', tokenId, scopes };
  },
};
