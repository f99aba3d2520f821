import type { Response } from 'express';

/** Cookie names and the header a signed-in page sends its CSRF token in. */
export const SESSION_COOKIE = 'cx_session';
export const CSRF_COOKIE = 'cx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The cookies of a request, by name (the last one wins, as browsers send the most specific first). */
export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A malformed value is ignored like a missing one.
    }
  }
  return cookies;
}

/** What resolvers may do with the HTTP exchange: sign-in sets the session, sign-out ends it. */
export interface HttpExchange {
  userAgent: string | null;
  address: string;
  sessionToken: string | undefined;
  startSession(sessionToken: string, csrfToken: string, expiresAt: Date): void;
  endSession(): void;
}

export function httpExchange(
  req: { headers: Record<string, string | string[] | undefined>; ip?: string },
  res: Response,
  secure: boolean,
): HttpExchange {
  const base = { path: '/', sameSite: 'strict' as const, secure };
  return {
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
    address: req.ip ?? 'unknown',
    sessionToken: readCookies(req.headers.cookie as string | undefined).get(SESSION_COOKIE),
    startSession(sessionToken, csrfToken, expiresAt) {
      res.cookie(SESSION_COOKIE, sessionToken, { ...base, httpOnly: true, expires: expiresAt });
      // Readable by the page, which sends it back in the CSRF header (double submit).
      res.cookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false, expires: expiresAt });
    },
    endSession() {
      res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
      res.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false });
    },
  };
}
