import type { DomainError } from '../domain/errors.js';
import { UserRole } from '../modules/organisation/organisation.enums.js';
import { TokenScope } from './token-scope.js';
import type { Viewer } from './viewer.js';

/** A further check on an operation's arguments, for viewers the rule lets in (raw GraphQL args). */
export type Guard = (viewer: Viewer, args: Readonly<Record<string, unknown>>) => DomainError | null;

/** Who may call one root field of Query or Mutation. System viewers may call everything. */
export interface Rule {
  /** Signed out too (only what must work before signing in). */
  readonly public?: true;
  /** Every signed-in viewer, whatever its role or scopes. */
  readonly signedIn?: true;
  /** Users with one of these roles. */
  readonly roles: readonly UserRole[];
  /** API tokens holding one of these scopes. */
  readonly scopes: readonly TokenScope[];
  readonly guard?: Guard;
}

/** A field of an object type some roles may not read (null, or FORBIDDEN when non-null). */
export interface FieldRule {
  readonly hiddenFrom: readonly UserRole[];
}

export const { CX_ADMIN, CX_MANAGER, DEPARTMENT_MEMBER, COUNCIL_MEMBER } = UserRole;
export const { READ } = TokenScope;

/** The CX office: it runs the loop. */
export const OFFICE = [CX_ADMIN, CX_MANAGER] as const;
export const EVERY_ROLE = [CX_ADMIN, CX_MANAGER, DEPARTMENT_MEMBER, COUNCIL_MEMBER] as const;

export const PUBLIC: Rule = { public: true, roles: [], scopes: [] };
export const SIGNED_IN: Rule = { signedIn: true, roles: [], scopes: [] };

/** A read: these roles, and tokens with READ. */
export const read = (...roles: UserRole[]): Rule => ({ roles, scopes: [READ] });

/** A change: the CX office (plus `more` roles), and tokens with `scope` if given. */
export const write = (scope: TokenScope | null, more: UserRole[] = [], guard?: Guard): Rule => ({
  roles: [...OFFICE, ...more],
  scopes: scope ? [scope] : [],
  ...(guard ? { guard } : {}),
});

/** Every signed-in person, whatever the role; never a token (e.g. changing one's own password). */
export const people: Rule = { roles: EVERY_ROLE, scopes: [] };

/** CX admins only (people, departments, passwords, API tokens, the audit trail); never a token. */
export const adminOnly: Rule = { roles: [CX_ADMIN], scopes: [] };

export const hiddenFrom = (...roles: UserRole[]): FieldRule => ({ hiddenFrom: roles });
