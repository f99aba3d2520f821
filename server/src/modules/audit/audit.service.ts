import { wrap } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { AuditEvent } from './audit-event.entity.js';

type Snapshot = Record<string, unknown> | null;

/** Plain JSON of an entity's own columns (relations as ids), for before/after records. */
export function snapshot(entity: object | null | undefined): Snapshot {
  if (!entity) return null;
  return JSON.parse(JSON.stringify(wrap(entity).toPOJO())) as Record<string, unknown>;
}

/**
 * Records who changed what. Call inside the mutation's transaction (with the
 * transaction's EntityManager) so the audit row commits or rolls back with the change.
 */
export class AuditService {
  constructor(private readonly ctx: DomainContext) {}

  record(
    em: Em,
    action: string,
    entityType: string,
    entityId: string,
    before: Snapshot,
    after: Snapshot,
  ): AuditEvent {
    return em.create(AuditEvent, {
      // The context's clock: an activity records at workflow time, the demo at the step's moment.
      at: this.ctx.clock.now(),
      actor: this.ctx.viewer.actor,
      action,
      entityType,
      entityId,
      before,
      after,
    });
  }
}
