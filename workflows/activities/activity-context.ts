import { loadConfig, type HubConfig } from '../../server/src/config.js';
import type { Em, Orm } from '../../server/src/db/orm.js';
import { DomainContext, type Clock, type DomainDeps } from '../../server/src/domain/context.js';
import type { Logger } from '../../server/src/logger.js';
import type { CollectStarter } from '../../server/src/temporal/collect-starter.js';
import { unreachableInitiativeWorkflows } from '../../server/src/modules/initiative/initiative-workflows.port.js';
import type { CoverageInviter } from '../../server/src/modules/monitor/coverage-invitations.port.js';
import type { MailSender } from '../../server/src/modules/notification/mail-transport.js';

/**
 * What activities are built over: the ORM (a fresh EntityManager per run) and the domain's
 * ports. `config` and `collect` are optional because no activity needs them yet; a worker
 * that has them (the API's in-process worker) passes them on.
 */
export interface ActivityDeps {
  orm: Orm;
  log: Logger;
  config?: HubConfig;
  collect?: CollectStarter;
  clock?: Clock;
  /** Invitations for coverage gaps (the surveys module's dispatch); none when absent. */
  coverageInvites?: CoverageInviter;
  /** Where the outbox is sent; built from `config.mail` when absent. */
  mail?: MailSender;
}

/** Stands in when a worker is given no starter, so a misuse fails loudly instead of silently. */
const noCollectStarter: CollectStarter = {
  startCollect: () =>
    Promise.reject(
      new Error('This worker has no CollectStarter; activities cannot start workflows.'),
    ),
};

/**
 * Makes the DomainContext of one activity run: its own EntityManager, acting as `actor`
 * (e.g. `workflow:collect-feedback-<id>`), so activities call the same services as the API.
 */
export function activityContexts(
  deps: ActivityDeps,
): (actor: string, clock?: Clock) => DomainContext {
  const ports: DomainDeps = {
    log: deps.log,
    // The defaults, not the process environment: an activity given no config reads none.
    config: deps.config ?? loadConfig({}),
    collect: deps.collect ?? noCollectStarter,
    // Activities apply commands; they never send them to a workflow themselves.
    initiatives: unreachableInitiativeWorkflows,
    ...(deps.coverageInvites ? { coverageInvites: deps.coverageInvites } : {}),
  };
  return (actor, clock = deps.clock) =>
    new DomainContext(ports, deps.orm.em.fork() as Em, { actor }, clock);
}
