import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { HubConfig } from '../config.js';
import type { Em, Orm } from '../db/orm.js';
import type { CollectStarter } from '../temporal/collect-starter.js';
import type { Viewer } from '../auth/viewer.js';
import type { Logger } from '../logger.js';
import { anonymousViewer } from '../auth/viewer.js';

/** Long-lived collaborators shared by every request. */
export interface AppDeps {
  orm: Orm;
  config: HubConfig;
  /** Starts the collect workflow of a stored feedback item. */
  collect: CollectStarter;
  log: Logger;
}

type ServiceClass<T> = new (ctx: RequestContext) => T;

/**
 * Everything one GraphQL request (or one activity) works with: a fresh
 * EntityManager, the viewer, and per-request services and batch loaders.
 */
export class RequestContext {
  readonly em: Em;
  readonly requestId: string;
  private readonly services = new Map<ServiceClass<unknown>, unknown>();
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    readonly app: AppDeps,
    readonly viewer: Viewer = anonymousViewer,
    em?: Em,
  ) {
    this.em = em ?? (app.orm.em.fork() as Em);
    this.requestId = randomUUID();
  }

  /** The request's instance of a service (services are cheap and per request). */
  service<T>(cls: ServiceClass<T>): T {
    let instance = this.services.get(cls) as T | undefined;
    if (!instance) {
      instance = new cls(this);
      this.services.set(cls, instance);
    }
    return instance;
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
