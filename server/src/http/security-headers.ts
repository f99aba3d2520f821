import type { Express } from 'express';
import helmet from 'helmet';
import type { HttpHardening } from '../config.js';

/**
 * The built web client is one script and one stylesheet from the hub itself (no inline
 * script or style, no third-party origin), so the policy allows only 'self'; the API's JSON
 * answers carry the same headers. HTTPS-only headers are sent only when the operator says the
 * hub is served over HTTPS (CX_HSTS_MAX_AGE), since a browser would otherwise remember to
 * refuse a plain-HTTP hub on that host.
 */
export function securityHeaders(config: HttpHardening) {
  const https = config.hstsMaxAgeSeconds > 0;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https
      ? { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: true }
      : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The GraphQL explorer's page (`/explorer`, GraphiQL bundled into `web/dist`) needs a little
 * more than the app shell, still without any remote origin: its editor (Monaco) adds `<style>`
 * elements and style attributes at run time, starts its language workers from the hub's own
 * scripts (or a `blob:` wrapper of them) and draws icons from a bundled font or `data:` URL.
 */
export function explorerContentSecurityPolicy() {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:'],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
    },
  });
}

/** Security headers on every response, no X-Powered-By, and which proxies tell the client's address. */
export function hardenHttp(app: Express, config: HttpHardening): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
}
