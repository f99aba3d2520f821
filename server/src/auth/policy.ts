/**
 * The hub's access policy in one place: who may call each Query, Mutation and Subscription root field
 * (`operation-rules.ts`), which fields some roles may not read (`field-rules.ts`), and which
 * rows each viewer sees (`row-scopes.ts`, a MikroORM filter). The GraphQL schema pass
 * `enforcePolicy` (`server/src/graphql/authorisation.ts`) applies the first two to every
 * resolver; resolvers and services never check roles themselves.
 */
import type { DomainError } from '../domain/errors.js';
import { authError } from './auth.errors.js';
import { fieldRules, nodeRules } from './field-rules.js';
import { mutationRules, queryRules, subscriptionRules } from './operation-rules.js';
import { READ, type FieldRule, type Rule } from './rules.js';
import type { Viewer } from './viewer.js';

export type { FieldRule, Rule } from './rules.js';

export interface PolicyTables {
  readonly operations: {
    readonly Query: Record<string, Rule>;
    readonly Mutation: Record<string, Rule>;
    readonly Subscription: Record<string, Rule>;
  };
  readonly fields: Record<string, Record<string, FieldRule>>;
  /** Node type → the Query field whose rule decides `node(id)` for it. */
  readonly nodes: Record<string, string>;
}

export const policyTables: PolicyTables = {
  operations: { Query: queryRules, Mutation: mutationRules, Subscription: subscriptionRules },
  fields: fieldRules,
  nodes: nodeRules,
};

const isSystem = (viewer: Viewer) => viewer.kind === 'system';
const signedIn = (viewer: Viewer) => viewer.kind === 'user' || viewer.kind === 'token';

/** Why `viewer` may not call `operation` under `rule`, or null when it may. */
export function refusal(
  rule: Rule,
  viewer: Viewer,
  operation: string,
  args: Readonly<Record<string, unknown>> = {},
): DomainError | null {
  if (isSystem(viewer) || rule.public) return null;
  if (!signedIn(viewer)) return authError('SIGN_IN_REQUIRED', `Sign in to use ${operation}.`);
  if (rule.signedIn) return null;
  if (viewer.kind === 'token') {
    if (!rule.scopes.some((scope) => viewer.scopes?.includes(scope))) {
      const needed = rule.scopes.length ? rule.scopes.join(' or ') : 'a person signed in';
      return authError(
        'SCOPE_MISSING',
        `This API token may not use ${operation}: it needs ${needed}.`,
      );
    }
  } else if (!viewer.role || !rule.roles.includes(viewer.role)) {
    return authError(
      'ROLE_NOT_ALLOWED',
      `Your role (${viewer.role ?? 'none'}) may not use ${operation}.`,
    );
  }
  return rule.guard?.(viewer, args) ?? null;
}

/** Whether `viewer` may read `type.field` (of a row it already sees). */
export function mayReadField(rule: FieldRule | undefined, viewer: Viewer): boolean {
  return !rule || viewer.kind !== 'user' || !viewer.role || !rule.hiddenFrom.includes(viewer.role);
}

/**
 * A token without READ reads what its write answered (the row it wrote and its own fields)
 * but may not follow references from one stored row to others.
 */
export function mayFollowReferences(viewer: Viewer): boolean {
  return viewer.kind !== 'token' || (viewer.scopes ?? []).includes(READ);
}

export function fieldRefusal(type: string, field: string): DomainError {
  return authError('FIELD_NOT_ALLOWED', `You may not read ${type}.${field}.`);
}
