/**
 * GraphQL subscriptions over WebSocket (the `graphql-transport-ws` protocol of `graphql-ws`) at
 * `/graphql`, on the hub's HTTP server and schema.
 *
 * Who connects: an API token in `connectionParams.authorization` (`Bearer …`), else the
 * browser's session cookie with its CSRF token in `connectionParams.csrfToken`; a cookie
 * session must also come from the hub's own origin (the `Origin` header against `Host`), since
 * browsers send cookies with cross-site WebSocket handshakes. Anything else is refused by
 * closing with 4401 (not signed in) or 4403 (foreign origin) and the reason code as text.
 *
 * Only subscription operations run here; queries and mutations go over HTTP, where the rate
 * limits apply. A connection holds at most `CX_LIVE_MAX_SUBSCRIPTIONS` subscriptions and no
 * message larger than `CX_LIVE_MAX_MESSAGE_BYTES`. Each subscription is authorised like the
 * query reading the same rows (`server/src/graphql/authorisation.ts`).
 */
import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import { RequestContext, type AppDeps } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { limitRules } from '../graphql/limits.js';
import { getSchema } from '../graphql/schema.js';
import { SESSION_COOKIE, readCookies } from '../http/cookies.js';
import { liveFeedFor } from './live-feed.js';

/** Close codes: the connection is refused before any subscription runs. */
export const LIVE_CLOSE = { UNAUTHENTICATED: 4401, FORBIDDEN: 4403 } as const;

type Params = { authorization?: unknown; csrfToken?: unknown } | undefined;
type Ctx = Context<Record<string, unknown> | undefined, Extra>;

export interface LiveSocket {
  /** Subscriptions of this process receiving events now (for tests and diagnostics). */
  readonly subscribers: number;
  /** Whether this process's audit-trail poller runs (only while someone subscribes). */
  readonly polling: boolean;
  close(): Promise<void>;
}

class Refused extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The headers `authenticate` would see on an HTTP request from the same client. */
function headersOf(request: http.IncomingMessage, params: Params): Record<string, string> {
  const authorization = text(params?.authorization);
  if (authorization) return { authorization };
  const cookie = request.headers.cookie ?? '';
  if (!readCookies(cookie).get(SESSION_COOKIE)) throw new Refused(4401, 'SIGN_IN_REQUIRED');
  if (!sameOrigin(request)) throw new Refused(4403, 'ORIGIN_NOT_ALLOWED');
  return { cookie, 'x-csrf-token': text(params?.csrfToken) ?? '' };
}

function sameOrigin(request: http.IncomingMessage): boolean {
  const { origin, host } = request.headers;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function viewerOf(deps: AppDeps, ctx: Ctx): Promise<Viewer> {
  const headers = headersOf(ctx.extra.request, ctx.connectionParams as Params);
  let viewer: Viewer;
  try {
    viewer = await authenticate(deps, headers);
  } catch (error) {
    const reason = error instanceof GraphQLError ? error.extensions.reason : undefined;
    throw new Refused(4401, typeof reason === 'string' ? reason : 'UNAUTHENTICATED');
  }
  if (viewer.kind !== 'user' && viewer.kind !== 'token')
    throw new Refused(4401, 'SIGN_IN_REQUIRED');
  return viewer;
}

const refuse = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code } });

/** Attaches the subscription endpoint to `server`; answers how to close it. */
export async function attachLiveSocket(server: http.Server, deps: AppDeps): Promise<LiveSocket> {
  const schema = await getSchema();
  const { graphql, live } = deps.config;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: live.maxMessageBytes });
  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx: Ctx) => {
        try {
          await viewerOf(deps, ctx);
          return true;
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          ctx.extra.socket.close(error.code, error.reason);
          return false;
        }
      },
      onSubscribe: async (ctx: Ctx, _id, payload) => {
        // graphql-ws has already reserved this subscription's id, so it counts itself.
        if (Object.keys(ctx.subscriptions).length > live.maxSubscriptions) {
          return [
            refuse(
              `At most ${live.maxSubscriptions} subscriptions per connection.`,
              'SUBSCRIPTION_LIMIT',
            ),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: graphql.maxTokens });
        } catch (error) {
          return [
            error instanceof GraphQLError ? error : refuse(String(error), 'GRAPHQL_PARSE_FAILED'),
          ];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limitRules(graphql)]);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [
            refuse(
              'Only subscriptions run over WebSocket; send queries and mutations over HTTP.',
              'BAD_USER_INPUT',
            ),
          ];
        }
        // Authenticated again per subscription: a session ended since connecting starts nothing.
        let viewer: Viewer;
        try {
          viewer = await viewerOf(deps, ctx);
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          return [refuse('Sign in again to receive live updates.', 'UNAUTHENTICATED')];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: new RequestContext(deps, viewer),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
          : undefined,
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => formatError(error.toJSON(), error)),
    },
    wss,
  );
  const feed = liveFeedFor(deps.orm, live.pollMs, deps.log);
  return {
    get subscribers() {
      return feed.subscribers;
    },
    get polling() {
      return feed.running;
    },
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
