import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parse, subscribe, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyTables } from '../../server/src/auth/policy.js';
import { TokenScope } from '../../server/src/auth/token-scope.js';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { RequestContext } from '../../server/src/graphql/context.js';
import { formatError } from '../../server/src/graphql/errors.js';
import { buildHubSchema, getSchema } from '../../server/src/graphql/schema.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { describeEachDatabase } from '../helpers/db.js';
import { createTestApi, type TestApi } from '../helpers/graphql.js';
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

const schema = await getSchema();
const fields = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});

describe('the subscription rules', () => {
  it('cover the four live fields, each with an expectation', () => {
    expect(fields.sort()).toEqual([
      'councilReviewChanged',
      'inboxChanged',
      'initiativeChanged',
      'taskChanged',
    ]);
    expect(fields.filter((name) => !mayCall[name])).toEqual([]);
  });

  it('stop the schema from being built when a Subscription field has no rule', async () => {
    const { taskChanged: _gone, ...rest } = policyTables.operations.Subscription;
    await expect(
      buildHubSchema({
        ...policyTables,
        operations: { ...policyTables.operations, Subscription: rest },
      }),
    ).rejects.toThrow(/No access rule for Subscription\.taskChanged/);
  });
});

describeEachDatabase('every subscription as every viewer', (getOrm) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(getOrm());
  });
  afterAll(() => api.stop());

  it.each(fields)(
    '%s is refused, before it starts, exactly to those it is not for',
    async (field) => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of WHO) {
        const result = await subscribe({
          schema,
          document: parse(`subscription { ${field} { id } }`),
          contextValue: new RequestContext(api.deps, as[who]),
        });
        if (Symbol.asyncIterator in result) {
          outcomes[who] = 'allowed';
          await result.return?.();
        } else {
          // As the WebSocket server sends it: through the hub's one error formatter.
          const error = (result as ExecutionResult).errors?.[0];
          outcomes[who] = String(error && formatError(error.toJSON(), error).extensions?.code);
        }
        expected[who] = mayCall[field]!.includes(who)
          ? 'allowed'
          : who === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
      }
      expect(outcomes).toEqual(expected);
    },
  );
});
