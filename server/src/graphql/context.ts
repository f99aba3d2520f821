import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { anonymousViewer, type Viewer } from '../auth/viewer.js';
import type { Em, Orm } from '../db/orm.js';
import { DomainContext, type Clock, type DomainDeps } from '../domain/context.js';
import type { HttpExchange } from '../http/cookies.js';

/** The domain's ports plus what only the transport needs: the ORM to fork request EntityManagers from. */
export interface AppDeps extends DomainDeps {
  orm: Orm;
  /** Sign-in attempts per client address (the HTTP server makes one; in-process tests may not). */
  signInThrottle?: SignInThrottle;
}

/**
 * One GraphQL request: a DomainContext on a fresh EntityManager, plus what only the
 * transport needs — a request id and per-request batch loaders for field resolvers.
 */
export class RequestContext extends DomainContext {
  readonly requestId = randomUUID();
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly app: AppDeps,
    viewer: Viewer = anonymousViewer,
    em?: Em,
    clock?: Clock,
    /** The HTTP exchange, for the few resolvers that set cookies (sign-in, sign-out). */
    readonly http?: HttpExchange,
  ) {
    // Every request is scoped: a viewer that does not say what it is counts as anonymous.
    super(app, em ?? (app.orm.em.fork() as Em), viewer.kind ? viewer : anonymousViewer, clock);
  }

  /**
   * Forgets every row and batch this context has loaded, so the next read sees the database as
   * it is now: a subscription's context lives as long as it does, and re-reads on each event.
   */
  forgetLoaded(): void {
    this.loaders.clear();
    this.em.clear();
  }

  /**
   * A batch loader shared by every field resolver of this request: all keys asked
   * for in one tick become one query, so nested reads cost a constant number of queries.
   */
  loader<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<readonly V[]>,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
