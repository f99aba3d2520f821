import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it, vi } from 'vitest';
import { formatError, toGraphQLError } from '../../server/src/graphql/errors.js';
import { commonError, DomainError, ErrorCode } from '../../server/src/domain/errors.js';
import { feedbackError } from '../../server/src/modules/feedback/feedback.errors.js';

const located = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['submitFeedback'] });

describe('toGraphQLError', () => {
  const cases: {
    name: string;
    error: unknown;
    code: ErrorCode | 'PERSISTED_QUERY_NOT_SUPPORTED';
    message: RegExp;
    reason?: string;
  }[] = [
    {
      name: 'a not-found domain error',
      error: feedbackError('ACCOUNT_NOT_FOUND', 'No client account with id X.', 'accountId'),
      code: ErrorCode.NOT_FOUND,
      message: /No client account/,
      reason: 'ACCOUNT_NOT_FOUND',
    },
    {
      name: 'a bad-input domain error',
      error: feedbackError('EMPTY_FEEDBACK', 'Feedback needs a score.'),
      code: ErrorCode.BAD_USER_INPUT,
      message: /needs a score/,
      reason: 'EMPTY_FEEDBACK',
    },
    {
      name: 'a conflict domain error',
      error: feedbackError('STATUS_BACKWARDS', 'Cannot go back.'),
      code: ErrorCode.CONFLICT,
      message: /Cannot go back/,
      reason: 'STATUS_BACKWARDS',
    },
    {
      name: 'a too-large page',
      error: commonError('PAGE_TOO_LARGE', 'first must be between 0 and 100.'),
      code: ErrorCode.BAD_USER_INPUT,
      message: /between 0 and 100/,
    },
    {
      name: 'a domain error wrapped by graphql-js',
      error: located(feedbackError('CONTACT_NOT_FOUND', 'No contact.')),
      code: ErrorCode.NOT_FOUND,
      message: /No contact/,
    },
    {
      name: 'a class-validator failure',
      error: located(
        new ArgumentValidationError([
          {
            property: 'npsScore',
            constraints: { max: 'npsScore must be between 0 and 10' },
            children: [],
          },
        ]),
      ),
      code: ErrorCode.BAD_USER_INPUT,
      message: /Invalid input: npsScore must be between 0 and 10/,
      reason: 'VALIDATION_FAILED',
    },
    {
      name: 'a unique-constraint violation',
      error: located(
        new UniqueConstraintViolationException(
          new Error(
            'duplicate key value violates unique constraint "x" DETAIL: Key (email)=(a@b.c)',
          ),
        ),
      ),
      code: ErrorCode.CONFLICT,
      message: /^A record with the same unique key already exists\.$/,
    },
    {
      name: 'an error about the document itself',
      error: new GraphQLError('Cannot query field "x" on type "Query".'),
      code: ErrorCode.BAD_USER_INPUT,
      message: /Cannot query field/,
    },
    {
      name: 'a query-limit refusal reported by a validation rule',
      error: new GraphQLError('The query nests fields 12 levels deep; at most 10 are allowed.', {
        originalError: commonError('QUERY_TOO_DEEP', 'The query nests fields 12 levels deep.'),
      }),
      code: ErrorCode.BAD_USER_INPUT,
      message: /12 levels deep/,
      reason: 'QUERY_TOO_DEEP',
    },
    {
      name: "graphql-js's token limit while parsing",
      error: new GraphQLError(
        'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
      ),
      code: ErrorCode.BAD_USER_INPUT,
      message: /^The query is too long: at most 5000 tokens/,
      reason: 'TOO_MANY_TOKENS',
    },
    {
      name: "Apollo's refusal of a persisted query, as a sentence under the protocol's code",
      error: new GraphQLError('PersistedQueryNotSupported', {
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      }),
      code: 'PERSISTED_QUERY_NOT_SUPPORTED',
      message: /^Persisted queries are not supported by this server/,
    },
    {
      name: 'a rate-limit refusal',
      error: commonError('RATE_LIMITED', 'Too many requests. Try again in 3 s.'),
      code: ErrorCode.RATE_LIMITED,
      message: /Try again in 3 s/,
      reason: 'RATE_LIMITED',
    },
    {
      name: 'a refused character',
      error: located(commonError('INVALID_CHARACTERS', 'name contains a control character.')),
      code: ErrorCode.BAD_USER_INPUT,
      message: /control character/,
      reason: 'INVALID_CHARACTERS',
    },
    {
      name: 'an unexpected failure',
      error: located(new Error('connect ECONNREFUSED 10.0.0.5:5432 select * from secret')),
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      message: /^Internal server error\.$/,
    },
  ];

  for (const c of cases) {
    it(`maps ${c.name} to ${c.code}`, () => {
      const mapped = toGraphQLError(c.error, () => undefined);
      expect(mapped.extensions.code).toBe(c.code);
      expect(mapped.message).toMatch(c.message);
      if (c.reason) expect(mapped.extensions.reason).toBe(c.reason);
    });
  }

  it("keeps Apollo's code for errors about the document, such as GRAPHQL_VALIDATION_FAILED", () => {
    const formatted = formatError(
      {
        message: 'Cannot query field "x" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('Cannot query field "x" on type "Query".'),
    );
    expect(formatted.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names the field of a domain error', () => {
    expect(
      toGraphQLError(feedbackError('ACCOUNT_NOT_FOUND', 'x', 'accountId')).extensions.field,
    ).toBe('accountId');
  });

  it('never lets a stack trace, SQL or an address out of an unexpected failure', () => {
    const logged: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const json = JSON.stringify(
      formatError(
        { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
        located(new Error('select * from secret where ip = 10.0.0.5')),
      ),
    );
    expect(json).not.toMatch(/select|secret|10\.0\.0\.5|stacktrace|at x/);
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
    toGraphQLError(new Error('inner detail'), (e) => logged.push(e));
    expect(logged).toHaveLength(1);
  });

  it('gives every code of every module table a GraphQL code from the ErrorCode enum', () => {
    for (const table of [feedbackError.table, commonError.table]) {
      for (const [reason, code] of Object.entries(table)) {
        expect(Object.values(ErrorCode), reason).toContain(code);
        expect(new DomainError(code, reason, 'm').code).toBe(code);
      }
    }
  });
});
