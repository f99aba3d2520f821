import { ROW_SCOPE_FILTER, rowScopeOf } from '../auth/row-scopes.js';
import { anonymousViewer, type Viewer } from '../auth/viewer.js';
import type { HubConfig } from '../config.js';
import type { Em } from '../db/orm.js';
import type { Logger } from '../logger.js';
import { AuditService } from '../modules/audit/audit.service.js';
import type { CollectStarter } from '../temporal/collect-starter.js';
import type { InitiativeWorkflows } from '../modules/initiative/initiative-workflows.port.js';
import type { CoverageInviter } from '../modules/monitor/coverage-invitations.port.js';
import type { SurveyWorkflows } from '../modules/survey/survey-workflows.port.js';
import type { WebhookStarter } from '../modules/webhook/webhook-starter.port.js';

/** Where "now" comes from for the facts services record (completedAt, decidedAt …). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `at`: tests and replays get the same timestamps every run. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/**
 * The long-lived ports a domain operation may use, shared by every context. A new port
 * (e.g. an initiative-workflow gateway) is one more member here, provided by each
 * composition root: the API (`main.ts`), the worker (`workflows/worker.ts`) and tests.
 */
export interface DomainDeps {
  log: Logger;
  /** Starts the collect workflow of a stored feedback item. */
  collect: CollectStarter;
  /** Starts initiative workflows and sends them commands. */
  initiatives: InitiativeWorkflows;
  config: HubConfig;
  /**
   * Invites a respondent class of an account when the monitor finds a coverage gap (the
   * surveys module's dispatch); absent, the monitor invites nobody and says so in the alert.
   */
  coverageInvites?: CoverageInviter;
  /**
   * Calendar campaigns' Schedules and trigger-event dispatch. Optional: where it is missing
   * (the demo loader, activities, most tests) the reconciler does the work later.
   */
  surveys?: SurveyWorkflows;
  /** Starts webhook delivery workflows; absent, deliveries wait for the dispatcher's next poll. */
  webhooks?: WebhookStarter;
}

export type ServiceClass<T> = new (ctx: DomainContext) => T;

/**
 * Everything one unit of domain work (a GraphQL request, an activity) runs with: an
 * EntityManager of its own, who acts, the clock, and the long-lived ports. Services take
 * this and nothing from a transport, so resolvers and activities call the same code.
 */
export class DomainContext {
  private readonly services = new Map<ServiceClass<unknown>, unknown>();

  constructor(
    readonly deps: DomainDeps,
    readonly em: Em,
    /** Who acts: recorded as the audit actor; its kind and role scope every query of `em`. */
    readonly viewer: Viewer = anonymousViewer,
    readonly clock: Clock = systemClock,
  ) {
    // A viewer without a kind is an activity or a loader acting as someone (`{ actor }`):
    // its EntityManager keeps no parameters and so sees every row.
    if (viewer.kind) em.setFilterParams(ROW_SCOPE_FILTER, rowScopeOf(viewer));
  }

  /** This context's instance of a service (services are cheap and hold no state of their own). */
  service<T>(cls: ServiceClass<T>): T {
    let instance = this.services.get(cls) as T | undefined;
    if (!instance) {
      instance = new cls(this);
      this.services.set(cls, instance);
    }
    return instance;
  }

  /** Every change writes an audit row through this, inside the change's transaction. */
  get audit(): AuditService {
    return this.service(AuditService);
  }

  /**
   * A context that reads past the viewer's row scope while acting, for the audit trail, as the
   * same viewer: only for the few steps that must find rows the viewer may not see — the user
   * signing in, their own password and sessions. The operation is authorised before it runs.
   */
  unscoped(): DomainContext {
    return new DomainContext(
      this.deps,
      this.em.fork(),
      { actor: this.viewer.actor, kind: 'system' },
      this.clock,
    );
  }

  /** A copy bound to another EntityManager (e.g. a transaction's) with the same actor, clock and deps. */
  withEm(em: Em): DomainContext {
    return new DomainContext(this.deps, em, this.viewer, this.clock);
  }
}
