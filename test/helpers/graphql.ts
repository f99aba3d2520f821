import type { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../server/src/config.js';
import type { Orm } from '../../server/src/db/orm.js';
import { createApolloServer } from '../../server/src/graphql/apollo.js';
import { RequestContext, type AppDeps } from '../../server/src/graphql/context.js';
import { fixedClock } from '../../server/src/domain/context.js';
import type { Logger } from '../../server/src/logger.js';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { UserRole } from '../../server/src/modules/organisation/organisation.enums.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import type { CollectStarter } from '../../server/src/temporal/collect-starter.js';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, any>;
  }[];
}

/** Records which workflows the API asked to start (for API tests that do not run Temporal). */
export class RecordingCollectStarter implements CollectStarter {
  readonly started: string[] = [];
  failing = false;

  async startCollect(feedbackId: string): Promise<'started' | 'already-started'> {
    if (this.failing) throw new Error('Temporal is unreachable (test)');
    if (this.started.includes(feedbackId)) return 'already-started';
    this.started.push(feedbackId);
    return 'started';
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * Who API tests act as unless they say otherwise: a CX admin, who may call everything and sees
 * every row, so tests of a feature test the feature. Role-specific tests pass their own viewer.
 * It has no user row (services would record it as capturer or assessor): tests that check who
 * acted create a user and pass it as the viewer.
 */
export const testAdmin: Viewer = {
  actor: 'user:test-admin',
  kind: 'user',
  role: UserRole.CX_ADMIN,
};

export interface TestApi {
  /** Runs one operation as `viewer` (default `testAdmin`). */
  execute<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer,
  ): Promise<GraphQLResult<T>>;
  deps: AppDeps;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  /**
   * Where each request's "now" comes from (default: the system clock). Workflow tests pass the
   * Temporal test server's clock, so the API and the workflows agree on what is due and overdue.
   */
  now?: () => Promise<number>;
}

/** The real Apollo server and schema over a real database, without HTTP. */
export async function createTestApi(
  orm: Orm,
  overrides: Partial<Omit<AppDeps, 'orm'>> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const deps: AppDeps = {
    orm,
    config: loadConfig({}),
    collect: new RecordingCollectStarter(),
    initiatives: unreachableInitiativeWorkflows,
    log: silentLogger,
    ...overrides,
  };
  const apollo: ApolloServer<RequestContext> = await createApolloServer({ config: deps.config });
  await apollo.start();
  return {
    deps,
    async execute(query, variables, viewer = testAdmin) {
      const clock = options.now ? fixedClock(new Date(await options.now())) : undefined;
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: new RequestContext(deps, viewer, undefined, clock) },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return response.body.singleResult as GraphQLResult<any>;
    },
    stop: () => apollo.stop(),
  };
}
