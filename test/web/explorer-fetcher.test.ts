import { describe, expect, it } from 'vitest';
import { hubFetcher, isIntrospection } from '../../web/src/explorer/fetcher.js';

function fakeFetch(answer: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(answer), {
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('the explorer fetcher', () => {
  it('posts to the hub with the session cookie and the CSRF token in a header', async () => {
    const { calls, fetchImpl } = fakeFetch({ data: { __typename: 'Query' } });
    const fetcher = hubFetcher({
      csrfToken: () => 'tok-1',
      onIntrospectionRefused: () => {
        throw new Error('not refused');
      },
      fetchImpl,
    });
    const answer = await fetcher({ query: '{ __typename }', operationName: null });
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    expect(calls[0]?.url).toBe('/graphql');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.headers).toMatchObject({
      'x-csrf-token': 'tok-1',
      'apollo-require-preflight': 'true',
      'content-type': 'application/json',
    });
  });

  it('reports a refused introspection with the error code and message', async () => {
    const { fetchImpl } = fakeFetch({
      errors: [
        {
          message: 'GraphQL introspection is not allowed',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const refusals: unknown[] = [];
    const fetcher = hubFetcher({
      csrfToken: () => '',
      onIntrospectionRefused: (problems) => refusals.push(problems),
      fetchImpl,
    });
    await fetcher({
      query: 'query IntrospectionQuery { __schema { types { name } } }',
      operationName: 'IntrospectionQuery',
    });
    expect(refusals).toEqual([
      [{ code: 'GRAPHQL_VALIDATION_FAILED', message: 'GraphQL introspection is not allowed' }],
    ]);
  });

  it('does not call an ordinary query error a refused introspection', async () => {
    const { fetchImpl } = fakeFetch({
      errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }],
    });
    const refusals: unknown[] = [];
    const fetcher = hubFetcher({
      csrfToken: () => '',
      onIntrospectionRefused: (problems) => refusals.push(problems),
      fetchImpl,
    });
    await fetcher({ query: '{ me { id } }', operationName: null });
    expect(refusals).toEqual([]);
    expect(
      isIntrospection({ query: '{ __schema { queryType { name } } }', operationName: null }),
    ).toBe(true);
  });
});
