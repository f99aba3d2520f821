import { expect } from 'vitest';
import type { Orm } from '../../server/src/db/orm.js';
import type { TestApi } from './graphql.js';
import { initiativeState } from './initiative-state.js';

/** What a refusal must say: the transport class, the module's reason, the field at fault if one is. */
export interface ExpectedRefusal {
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  reason: string;
  field?: string;
}

/**
 * One row of a bad-input table: `arrange` creates the rows the case reads (at least the
 * initiative whose state must not change), `send` the mutation to refuse.
 */
export interface RefusalCase<A extends { initiative: string }> {
  name: string;
  arrange: () => Promise<A>;
  send: (arranged: A) => [query: string, variables: Record<string, unknown>];
  error: ExpectedRefusal;
  /** A fragment of the message a person reads. */
  message: RegExp;
}

/**
 * Sends the mutation and checks that it is refused with exactly the expected typed error
 * (never INTERNAL_SERVER_ERROR) and a readable message, and that nothing changed: the
 * initiative's rows, the outbox, inbox, audit and receipt tables, and its workflow's live state.
 */
export async function expectRefusedUnchanged(
  api: TestApi,
  orm: Orm,
  initiative: string,
  [query, variables]: [string, Record<string, unknown>],
  expected: { error: ExpectedRefusal; message: RegExp },
  label = '',
): Promise<void> {
  const before = await initiativeState(api, orm, initiative);
  const res = await api.execute(query, variables);
  const errors = res.errors ?? [];
  expect(errors, `${label} should be refused`).toHaveLength(1);
  const [error] = errors;
  expect(error!.extensions?.code, label).not.toBe('INTERNAL_SERVER_ERROR');
  const { code, reason, field } = error!.extensions ?? {};
  expect({ code, reason, field }, `${label}: ${error!.message}`).toEqual({
    field: undefined,
    ...expected.error,
  });
  expect(error!.message, label).toMatch(expected.message);
  expect(res.data ?? null, label).toBeNull();
  expect(await initiativeState(api, orm, initiative), `${label} changed something`).toEqual(before);
}

/** Arranges the case, then {@link expectRefusedUnchanged}. */
export async function runRefusalCase<A extends { initiative: string }>(
  api: TestApi,
  orm: Orm,
  c: RefusalCase<A>,
): Promise<void> {
  const arranged = await c.arrange();
  await expectRefusedUnchanged(api, orm, arranged.initiative, c.send(arranged), c, c.name);
}
