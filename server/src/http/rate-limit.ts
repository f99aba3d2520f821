import { HeaderMap } from '@apollo/server';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { anonymousViewer, type Viewer } from '../auth/viewer.js';
import type { RateLimitConfig } from '../config.js';
import { commonError } from '../domain/errors.js';

type ContextFunction<C> = (args: ExpressContextFunctionArgument) => Promise<C>;

/**
 * Who a request counts against: a signed-in user or an API token by its viewer's actor,
 * however the viewer was made; anyone else by the client's address.
 */
export function rateLimitKey(viewer: Viewer, clientAddress: string | undefined): string {
  return signedIn(viewer) ? viewer.actor : `address:${clientAddress ?? 'unknown'}`;
}

const signedIn = (viewer: Viewer) => viewer.kind === 'user' || viewer.kind === 'token';

const limiter = (points: number, windowSeconds: number) =>
  points > 0 ? new RateLimiterMemory({ points, duration: windowSeconds }) : undefined;

/** HTTP 429 with Retry-After; the body is a GraphQL error with `extensions.code: RATE_LIMITED`. */
function rateLimited(rejection: RateLimiterRes): GraphQLError {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  const error = commonError(
    'RATE_LIMITED',
    `Too many requests: this client has used its allowance for now. Try again in ${seconds} s.`,
  );
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

/**
 * Wraps the request-context function: once the viewer is known, the request spends one point
 * of its key's allowance (in memory, per process), or is refused before its document is parsed.
 */
export function withRateLimit<C extends { viewer: Viewer }>(
  config: RateLimitConfig,
  context: ContextFunction<C>,
): ContextFunction<C> {
  const perViewer = limiter(config.points, config.windowSeconds);
  const perAddress = limiter(config.anonymousPoints, config.windowSeconds);
  const spend = async (bucket: RateLimiterMemory | undefined, key: string) => {
    try {
      await bucket?.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(rejection);
      throw rejection;
    }
  };
  return async (args) => {
    let value: C;
    try {
      value = await context(args);
    } catch (refused) {
      // A request whose token or session is refused counts against its address: guessing
      // tokens is paced like any other anonymous traffic.
      await spend(perAddress, rateLimitKey(anonymousViewer, args.req.ip));
      throw refused;
    }
    const bucket = signedIn(value.viewer) ? perViewer : perAddress;
    await spend(bucket, rateLimitKey(value.viewer, args.req.ip));
    return value;
  };
}
