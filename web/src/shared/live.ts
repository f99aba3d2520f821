/**
 * Live updates: GraphQL subscriptions over one WebSocket to the hub (`ws(s)://<host>/graphql`,
 * the `graphql-transport-ws` protocol). The browser's session cookie travels with the handshake;
 * its CSRF token goes in the connection parameters, as it goes in a header over HTTP.
 *
 * What a subscription pushes lands in urql's normalised cache like a query result, so every
 * board, list and detail showing that initiative, task or inbox entry redraws by itself.
 */
import { useSubscription, subscriptionExchange, type AnyVariables, type Exchange } from 'urql';
import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** Close codes with which the hub refuses a connection: retrying would not help. */
const REFUSED = new Set([4401, 4403]);

/** The hub's WebSocket endpoint for a page at `location` (same origin, ws or wss). */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/** The one socket of the app: opened with the first subscription, closed after the last. */
export function createLiveSocket(url: string, csrfToken: () => string): SocketClient {
  return createSocketClient({
    url,
    lazy: true,
    connectionParams: () => ({ csrfToken: csrfToken() }),
    // Refusals (signed out, foreign origin) are final; a lost network is retried with back-off.
    shouldRetry: (event) => !(event instanceof Object && REFUSED.has((event as CloseEvent).code)),
    retryAttempts: 8,
  });
}

/** urql's subscription exchange over `socket`. */
export function liveExchange(socket: SocketClient): Exchange {
  return subscriptionExchange({
    forwardSubscription(request) {
      const input = { ...request, query: request.query ?? '' };
      return {
        subscribe(sink) {
          const unsubscribe = socket.subscribe(input, sink);
          return { unsubscribe };
        },
      };
    },
  });
}

export interface LiveState<Data> {
  /** The latest pushed value (also written to the cache), until the first push undefined. */
  data: Data | undefined;
  /** Why the subscription stopped (a refusal keeps its `extensions.code`/`reason`). */
  error: Error | undefined;
}

/**
 * Follows a subscription while the component is mounted (`pause` to hold it): pages use it to
 * stay current without reloading, e.g. `useLive(InitiativeChangedDocument, { filter })`.
 */
export function useLive<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pause = false,
): LiveState<Data> {
  const [result] = useSubscription<Data, Data, Variables>({ query: document, variables, pause });
  return { data: result.data, error: result.error };
}
