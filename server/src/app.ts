import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { ApolloServer } from '@apollo/server';
import { createApolloServer } from './graphql/apollo.js';
import { RequestContext, type AppDeps } from './graphql/context.js';
import { authenticate } from './auth/authenticate.js';
import { httpExchange } from './http/cookies.js';
import { formbricksWebhook } from './http/formbricks-webhook.js';
import { httpErrors } from './http/http-errors.js';
import { importUpload } from './http/import-upload.js';
import { withRateLimit } from './http/rate-limit.js';
import { unsubscribeRoutes } from './http/unsubscribe.js';
import { explorerContentSecurityPolicy, hardenHttp } from './http/security-headers.js';
import { attachLiveSocket, type LiveSocket } from './live/live-socket.js';

export interface HubHttpServer {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Subscriptions over WebSocket at /graphql. */
  live: LiveSocket;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export async function createHttpServer(deps: AppDeps): Promise<HubHttpServer> {
  const app = express();
  hardenHttp(app, deps.config.http);
  const server = http.createServer(app);
  const apollo = await createApolloServer({
    config: deps.config,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
  });
  await apollo.start();
  // Subscriptions: WebSocket upgrades of /graphql (server/src/live/).
  const live = await attachLiveSocket(server, deps);

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // Inbound integrations: signed deliveries from outside tools (not GraphQL, no session).
  app.use(formbricksWebhook(deps));

  app.use(
    '/graphql',
    express.json({ limit: deps.config.maxBodyBytes }),
    httpErrors(deps.log),
    expressMiddleware(apollo, {
      context: withRateLimit(
        deps.config.rateLimit,
        async ({ req, res }) =>
          new RequestContext(
            deps,
            await authenticate(deps, req.headers),
            undefined,
            undefined,
            httpExchange(req, res, deps.config.auth.secureCookies),
          ),
      ),
    }),
  );

  // File imports: the body is the file, streamed (README "File imports").
  app.post('/import/:kind', importUpload(deps));
  unsubscribeRoutes(app, deps);

  const webDir = deps.config.webDistDir;
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    // The GraphQL explorer: its own page of the build, with a policy that lets its editor run.
    const explorerPage = path.join(webDir, 'explorer.html');
    if (fs.existsSync(explorerPage)) {
      app.get(/^\/explorer\/?$/, explorerContentSecurityPolicy(), (_req, res) => {
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(explorerPage);
      });
    }
    // Client-side routes fall back to the app shell.
    app.get(/^\/(?!graphql|healthz|integrations\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(webDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web client is not built yet: run `npm run build`. The API is at /graphql.');
    });
  }

  app.use(httpErrors(deps.log));

  return {
    server,
    apollo,
    live,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await live.close();
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
