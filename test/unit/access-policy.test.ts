import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { authError } from '../../server/src/auth/auth.errors.js';
import { policyTables, refusal } from '../../server/src/auth/policy.js';
import {
  hidesRows,
  rowScopeCondition,
  rowScopeOf,
  rowScopes,
} from '../../server/src/auth/row-scopes.js';
import { adminOnly, read, SIGNED_IN, PUBLIC, write } from '../../server/src/auth/rules.js';
import { TokenScope } from '../../server/src/auth/token-scope.js';
import { systemViewer, type Viewer } from '../../server/src/auth/viewer.js';
import { allEntities } from '../../server/src/db/entities.js';
import { ErrorCode } from '../../server/src/domain/errors.js';
import { getSchema } from '../../server/src/graphql/schema.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { viewers } from '../helpers/viewers.js';

/** The identity layer's operations, ruled here before they reach this branch. */
const IDENTITY_OPERATIONS = [
  'signIn',
  'signOut',
  'me',
  'changePassword',
  'setUserPassword',
  'createApiToken',
  'revokeApiToken',
  'apiTokens',
];

describe('the access policy tables', () => {
  it('have a row scope for every persisted entity and none for entities that do not exist', () => {
    const names = allEntities.map((e) => e.name).sort();
    expect(Object.keys(rowScopes).sort()).toEqual(names);
  });

  it('name no operation the schema lacks, except the sign-in ones the identity layer adds', async () => {
    const schema = await getSchema();
    const fields = {
      Query: schema.getQueryType()!.getFields(),
      Mutation: schema.getMutationType()!.getFields(),
    };
    const stale = (['Query', 'Mutation'] as const).flatMap((root) =>
      Object.keys(policyTables.operations[root]).filter((name) => !(name in fields[root])),
    );
    expect(stale.filter((name) => !IDENTITY_OPERATIONS.includes(name))).toEqual([]);
  });

  it('keep signing in and `me` public (a page learns it must sign in) and signing out to signed-in viewers', () => {
    expect(policyTables.operations.Mutation.signIn).toBe(PUBLIC);
    expect(policyTables.operations.Mutation.signOut).toBe(SIGNED_IN);
    expect(policyTables.operations.Query.me).toBe(PUBLIC);
  });
});

describe('refusal', () => {
  const manager = viewers.user(UserRole.CX_MANAGER);
  const council = viewers.council([], []);
  const cases: { name: string; rule: typeof PUBLIC; viewer: Viewer; code: string | null }[] = [
    {
      name: 'anyone may call a public operation',
      rule: PUBLIC,
      viewer: viewers.anonymous(),
      code: null,
    },
    {
      name: 'signed out, a signed-in operation',
      rule: SIGNED_IN,
      viewer: viewers.anonymous(),
      code: 'SIGN_IN_REQUIRED',
    },
    {
      name: 'a token, a signed-in operation',
      rule: SIGNED_IN,
      viewer: viewers.token(),
      code: null,
    },
    {
      name: 'signed out, a read',
      rule: read(UserRole.CX_MANAGER),
      viewer: viewers.anonymous(),
      code: 'SIGN_IN_REQUIRED',
    },
    {
      name: 'a viewer without a kind',
      rule: read(UserRole.CX_MANAGER),
      viewer: { actor: 'user:x', role: UserRole.CX_ADMIN },
      code: 'SIGN_IN_REQUIRED',
    },
    { name: 'a role the rule names', rule: read(UserRole.CX_MANAGER), viewer: manager, code: null },
    {
      name: 'a role the rule does not name',
      rule: read(UserRole.CX_MANAGER),
      viewer: council,
      code: 'ROLE_NOT_ALLOWED',
    },
    {
      name: 'a READ token, a read',
      rule: read(),
      viewer: viewers.token(TokenScope.READ),
      code: null,
    },
    {
      name: 'a write-only token, a read',
      rule: read(),
      viewer: viewers.token(TokenScope.FIGURES_WRITE),
      code: 'SCOPE_MISSING',
    },
    {
      name: 'a token with the scope',
      rule: write(TokenScope.CLIENTS_WRITE),
      viewer: viewers.token(TokenScope.CLIENTS_WRITE),
      code: null,
    },
    {
      name: 'a READ token, a write',
      rule: write(TokenScope.CLIENTS_WRITE),
      viewer: viewers.token(TokenScope.READ),
      code: 'SCOPE_MISSING',
    },
    {
      name: 'a token, what only people do',
      rule: adminOnly,
      viewer: viewers.token(...Object.values(TokenScope)),
      code: 'SCOPE_MISSING',
    },
    {
      name: 'a CX manager, what only admins do',
      rule: adminOnly,
      viewer: manager,
      code: 'ROLE_NOT_ALLOWED',
    },
    { name: 'the system, what only admins do', rule: adminOnly, viewer: systemViewer, code: null },
  ];
  it.each(cases)('$name', ({ rule, viewer, code }) => {
    expect(refusal(rule, viewer, 'op')?.reason ?? null).toBe(code);
  });

  it('maps each reason to its transport code', () => {
    expect(authError.table).toEqual({
      SIGN_IN_REQUIRED: ErrorCode.UNAUTHENTICATED,
      ROLE_NOT_ALLOWED: ErrorCode.FORBIDDEN,
      SCOPE_MISSING: ErrorCode.FORBIDDEN,
      ARGUMENT_NOT_ALLOWED: ErrorCode.FORBIDDEN,
      FIELD_NOT_ALLOWED: ErrorCode.FORBIDDEN,
      ROW_NOT_VISIBLE: ErrorCode.FORBIDDEN,
    });
  });
});

describe('row scopes', () => {
  it.each([
    ['a CX admin', viewers.user(UserRole.CX_ADMIN), 'everything'],
    ['a CX manager', viewers.user(UserRole.CX_MANAGER), 'office'],
    ['an API token', viewers.token(TokenScope.READ), 'office'],
    ['the system', systemViewer, 'everything'],
    ['a signed-out viewer', viewers.anonymous(), 'nothing'],
    ['a user without a role', { actor: 'user:x', kind: 'user' } as Viewer, 'nothing'],
  ] as const)('scope %s to %s', (_name, viewer, kind) => {
    expect(rowScopeOf(viewer).kind).toBe(kind);
  });

  it('hide the audit trail, and only it, from the CX office; nothing from admins or unscoped contexts', () => {
    const office = Object.keys(rowScopes).filter((e) => hidesRows({ kind: 'office' }, e));
    expect(office).toEqual(['AuditEvent', 'UserCredential', 'Session', 'ApiToken']);
    expect(hidesRows({ kind: 'everything' }, 'AuditEvent')).toBe(false);
    expect(hidesRows(undefined, 'AuditEvent')).toBe(false);
  });

  it('hide every row of an entity a role has no scope for, never show it by omission', () => {
    const council = rowScopeOf(viewers.council([], [], 'u'));
    const department = rowScopeOf({
      ...viewers.department('d'),
      departmentId: null,
      userId: undefined,
    });
    for (const entity of Object.keys(rowScopes)) {
      expect(hidesRows(council, entity), `council ${entity}`).toBe(true);
    }
    for (const entity of ['Initiative', 'InitiativeTask', 'InboxEntry', 'User', 'FeedbackItem']) {
      expect(hidesRows(department, entity), `department ${entity}`).toBe(true);
    }
    expect(rowScopeCondition(department, 'Department')).toEqual({});
  });
});
