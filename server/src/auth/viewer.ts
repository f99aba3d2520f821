import type { UserRole } from '../modules/organisation/organisation.enums.js';
import type { TokenScope } from './token-scope.js';

/**
 * Who is acting. Requests get one from their session cookie or API token
 * (`server/src/auth/authenticate.ts`); activities and background jobs act as `system`
 * or as the workflow. Authorisation (`server/src/auth/policy.ts`) reads nothing else.
 */
export interface Viewer {
  /** Audit actor: `anonymous`, `system`, `user:<id>`, `token:<id>`, `workflow:<id>`. */
  actor: string;
  kind?: 'anonymous' | 'user' | 'token' | 'system';
  userId?: string;
  role?: UserRole;
  /** A department member's department. */
  departmentId?: string | null;
  /** The advisory councils a council member sits on … */
  councilIds?: string[];
  /** … and their membership rows there (they decide reviews as these). */
  memberIds?: string[];
  /** An API token's id and scopes. */
  tokenId?: string;
  scopes?: TokenScope[];
}

export const anonymousViewer: Viewer = { actor: 'anonymous', kind: 'anonymous' };
export const systemViewer: Viewer = { actor: 'system', kind: 'system' };

/** Staff of the CX office: they run the loop and see everything but the audit (admins see that too). */
export function isCxStaff(v: Viewer): boolean {
  return v.kind === 'user' && (v.role === 'CX_ADMIN' || v.role === 'CX_MANAGER');
}
