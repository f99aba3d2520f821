import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { HubConfig } from '../config.js';
import type { RequestContext } from './context.js';
import { formatError } from './errors.js';
import { hideSuggestions, limitRules } from './limits.js';
import { getSchema } from './schema.js';

export interface ApolloOptions {
  /** The document limits, introspection and suggestions (`CX_MAX_QUERY_DEPTH` and the like). */
  config: Pick<HubConfig, 'graphql'>;
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** The one Apollo server configuration, used by the HTTP app and by tests. */
export async function createApolloServer({
  config,
  plugins = [],
}: ApolloOptions): Promise<ApolloServer<RequestContext>> {
  return new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError,
    // Refused by the hub's own rule when configured off, with a typed error (limits.ts).
    introspection: true,
    validationRules: limitRules(config.graphql),
    parseOptions: { maxTokens: config.graphql.maxTokens },
    // Bounds the work of expanding fragments before the limit rules run (Apollo's default cap).
    maxRecursiveSelections: true,
    // The hub's clients send whole documents; no cache of documents for strangers to fill.
    persistedQueries: false,
    // Apollo CSRF guard: browsers must send JSON with a content-type or the preflight header.
    csrfPrevention: true,
    plugins: [
      // The default landing page loads Apollo's explorer from a CDN, which the hub's CSP forbids.
      ApolloServerPluginLandingPageDisabled(),
      ...(config.graphql.fieldSuggestions ? [] : [hideSuggestions]),
      ...plugins,
    ],
    includeStacktraceInErrorResponses: false,
    // The hub owns SIGINT/SIGTERM and stops Apollo in order (see main.ts); Apollo's own
    // handlers would race that shutdown and stall it.
    stopOnTerminationSignals: false,
  });
}
