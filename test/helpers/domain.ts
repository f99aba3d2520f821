import { anonymousViewer, type Viewer } from '../../server/src/auth/viewer.js';
import { loadConfig } from '../../server/src/config.js';
import type { Em, Orm } from '../../server/src/db/orm.js';
import { DomainContext, fixedClock, type DomainDeps } from '../../server/src/domain/context.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import { RecordingCollectStarter, silentLogger } from './graphql.js';

/** Ports for calling services directly in tests: no Temporal, a silent log, default config. */
export function testDomainDeps(): DomainDeps {
  return {
    log: silentLogger,
    config: loadConfig({}),
    collect: new RecordingCollectStarter(),
    initiatives: unreachableInitiativeWorkflows,
  };
}

/** A DomainContext on a fresh EntityManager, acting as `viewer`, its clock stopped at `at`. */
export function domainContext(
  orm: Orm,
  options: { viewer?: Viewer; at?: Date } = {},
): DomainContext {
  return new DomainContext(
    testDomainDeps(),
    orm.em.fork() as Em,
    options.viewer ?? anonymousViewer,
    options.at ? fixedClock(options.at) : undefined,
  );
}
