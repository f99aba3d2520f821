import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.js';
import { formatError } from './errors.js';
import { getSchema } from './schema.js';

export interface ApolloOptions {
  plugins?: ApolloServerPlugin<RequestContext>[];
  introspection?: boolean;
}

/** The one Apollo server configuration, used by the HTTP app and by tests. */
export async function createApolloServer(
  options: ApolloOptions = {},
): Promise<ApolloServer<RequestContext>> {
  return new ApolloServer<RequestContext>({
    schema: await getSchema(),
    formatError,
    introspection: options.introspection ?? true,
    // Apollo's CSRF guard: browsers must send JSON with a content-type or the preflight header.
    csrfPrevention: true,
    plugins: options.plugins ?? [],
    includeStacktraceInErrorResponses: false,
    // The hub owns SIGINT/SIGTERM and stops Apollo in order (see main.ts); Apollo's own
    // handlers would race that shutdown and stall it.
    stopOnTerminationSignals: false,
  });
}
