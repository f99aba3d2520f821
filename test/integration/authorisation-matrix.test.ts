import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyTables } from '../../server/src/auth/policy.js';
import { TokenScope } from '../../server/src/auth/token-scope.js';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { buildHubSchema, getSchema } from '../../server/src/graphql/schema.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
import { placeholderOperation } from '../helpers/placeholder-operations.js';
import { viewers } from '../helpers/viewers.js';
import { mayCall, WHO, type Who } from './authorisation-matrix.expectations.js';

const as: Record<Who, Viewer> = {
  anonymous: viewers.anonymous(),
  admin: viewers.user(UserRole.CX_ADMIN),
  manager: viewers.user(UserRole.CX_MANAGER),
  department: viewers.department(randomUUID()),
  council: viewers.council([randomUUID()], [randomUUID()]),
  read: viewers.token(TokenScope.READ),
  feedbackWrite: viewers.token(TokenScope.FEEDBACK_WRITE),
  figuresWrite: viewers.token(TokenScope.FIGURES_WRITE),
  clientsWrite: viewers.token(TokenScope.CLIENTS_WRITE),
  initiativesWrite: viewers.token(TokenScope.INITIATIVES_WRITE),
  webhooks: viewers.token(TokenScope.WEBHOOKS),
};

// Refusals are told apart by the policy's own reasons, not by code alone: a sign-in with
// wrong credentials is also UNAUTHENTICATED, but it is an answer, not a refusal.
const REFUSAL_REASONS = [
  'SIGN_IN_REQUIRED',
  'ROLE_NOT_ALLOWED',
  'SCOPE_MISSING',
  'ARGUMENT_NOT_ALLOWED',
];
const rootsOf = (schema: GraphQLSchema) =>
  [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
const operationsOf = (schema: GraphQLSchema) =>
  rootsOf(schema).flatMap((root) =>
    Object.values(root.getFields()).map((field) => ({ root, field })),
  );

// Read at collection time: the schema the hub serves, with its resolvers' own metadata.
const schema = await getSchema();
const operations = operationsOf(schema);

describe('the authorisation matrix', () => {
  it('has an expectation for every Query and Mutation field of the schema', () => {
    const missing = operations.map((o) => o.field.name).filter((name) => !mayCall[name]);
    expect(missing).toEqual([]);
  });

  it('covers every operation as every kind of viewer', () => {
    expect(operations.length * WHO.length).toBeGreaterThanOrEqual(125 * 10);
  });

  it('refuses to build the schema when an operation has no rule, naming it', async () => {
    const { createInitiative: _dropped, ...mutations } = policyTables.operations.Mutation;
    const withoutOne = {
      ...policyTables,
      operations: { ...policyTables.operations, Mutation: mutations },
    };
    await expect(buildHubSchema(withoutOne)).rejects.toThrow(/Mutation\.createInitiative/);
    const { councilReviews: _gone, ...queries } = policyTables.operations.Query;
    await expect(
      buildHubSchema({
        ...policyTables,
        operations: { ...policyTables.operations, Query: queries },
      }),
    ).rejects.toThrow(/No access rule for Query\.councilReviews/);
  });
});

describeEachDatabase('every operation as every viewer', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  it.each(operations.map((o) => [`${o.root.name}.${o.field.name}`, o] as const))(
    '%s answers FORBIDDEN or UNAUTHENTICATED exactly to those it is not for',
    async (_label, { root, field }) => {
      const allowed = mayCall[field.name];
      expect(allowed, `no expectation for ${field.name}`).toBeDefined();
      const probe = placeholderOperation(root, field);
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of WHO) {
        const res = await api.execute(probe.document, probe.variables, as[who]);
        const auth = (res.errors ?? []).find((e) =>
          REFUSAL_REASONS.includes(e.extensions?.reason as string),
        );
        outcomes[who] = auth ? String(auth.extensions!.code) : 'allowed';
        expected[who] = allowed!.includes(who)
          ? 'allowed'
          : who === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
      }
      expect(outcomes).toEqual(expected);
    },
  );
});
