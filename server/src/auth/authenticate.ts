import { GraphQLError } from 'graphql';
import type { Orm, Em } from '../db/orm.js';
import { DomainContext, type DomainDeps } from '../domain/context.js';
import { ApiTokenService } from '../modules/identity/api-token.service.js';
import { SessionService } from '../modules/identity/session.service.js';
import { CSRF_HEADER, SESSION_COOKIE, readCookies } from '../http/cookies.js';
import { DomainError } from '../domain/errors.js';
import { anonymousViewer, systemViewer, type Viewer } from './viewer.js';
import { viewerForUser } from './viewer-for.js';

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function unauthenticated(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } },
  });
}

/**
 * Who a request acts as: the API token in `Authorization: Bearer …`, else the session in the
 * `cx_session` cookie (with its CSRF token in the `x-csrf-token` header), else anonymous. A
 * token that does not work is refused outright; a dead session reads as signed out.
 */
export async function authenticate(
  deps: DomainDeps & { orm: Orm },
  headers: Headers,
): Promise<Viewer> {
  const ctx = new DomainContext(deps, deps.orm.em.fork() as Em, systemViewer);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
  if (bearer) {
    const viewer = await ctx.service(ApiTokenService).authenticate(bearer[1]!);
    if (!viewer) {
      throw unauthenticated(
        'TOKEN_INVALID',
        'The API token is not valid: it is unknown, revoked or expired.',
      );
    }
    return viewer;
  }
  const sessionToken = readCookies(header(headers, 'cookie')).get(SESSION_COOKIE);
  if (!sessionToken) return anonymousViewer;
  try {
    const user = await ctx
      .service(SessionService)
      .resume(sessionToken, header(headers, CSRF_HEADER));
    return user ? await viewerForUser(ctx.em, user) : anonymousViewer;
  } catch (error) {
    if (error instanceof DomainError) throw unauthenticated(error.reason, error.message);
    throw error;
  }
}
