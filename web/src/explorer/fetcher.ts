import type { Fetcher, FetcherParams } from '@graphiql/toolkit';

/** One error of a GraphQL answer as the explorer needs it. */
export interface ExplorerProblem {
  code: string;
  message: string;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/** True for the schema question GraphiQL asks (and any other question about `__schema`). */
export function isIntrospection(params: FetcherParams): boolean {
  return params.operationName === 'IntrospectionQuery' || params.query.includes('__schema');
}

/**
 * The explorer's fetcher: the hub's own `/graphql`, with the session cookie (same origin) and
 * the CSRF token sent back in a header, as the web client does. When the hub refuses the schema
 * question (introspection switched off, `CX_INTROSPECTION`), `onIntrospectionRefused` hears why.
 */
export function hubFetcher(options: {
  url?: string;
  csrfToken: () => string;
  onIntrospectionRefused: (problems: ExplorerProblem[]) => void;
  fetchImpl?: typeof fetch;
}): Fetcher {
  const { url = '/graphql', csrfToken, onIntrospectionRefused, fetchImpl = fetch } = options;
  return async (params) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'apollo-require-preflight': 'true',
        'x-csrf-token': csrfToken(),
      },
      body: JSON.stringify(params),
    });
    const answer = (await response.json()) as GraphQLAnswer;
    if (isIntrospection(params) && answer.errors?.length && !answer.data) {
      onIntrospectionRefused(
        answer.errors.map((error) => ({
          code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'ERROR',
          message: error.message ?? '',
        })),
      );
    }
    return answer as Awaited<ReturnType<Fetcher>>;
  };
}
