import type { UserRole } from '../modules/organisation/organisation.enums.js';

/**
 * Who is making a request. Until access control lands every request is anonymous;
 * services already take the viewer so that scoping rules can be added in one place.
 */
export interface Viewer {
  /** Audit actor: `anonymous`, `system`, `user:<id>`, `token:<id>`, `workflow:<id>`. */
  actor: string;
  userId?: string;
  role?: UserRole;
}

export const anonymousViewer: Viewer = { actor: 'anonymous' };
export const systemViewer: Viewer = { actor: 'system' };
