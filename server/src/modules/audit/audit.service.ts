import { wrap } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { ROW_SCOPE_FILTER } from '../../auth/row-scopes.js';
import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { AuditEvent } from './audit-event.entity.js';
import { redactSecrets } from './redact.js';
import {
  SecurityEventKind,
  storedDetail,
  subjectOf,
  TOKEN_USE_THROTTLE_MS,
  type SecurityEventDetails,
} from './security-event.js';
import { tokenUseThrottle } from './token-use-throttle.js';

type Snapshot = Record<string, unknown> | null;

/** Plain JSON of an entity's own columns (relations as ids), for before/after records. */
export function snapshot(entity: object | null | undefined): Snapshot {
  if (!entity) return null;
  return JSON.parse(JSON.stringify(wrap(entity).toPOJO())) as Record<string, unknown>;
}

/**
 * Records who changed what, and security events. Every record passes `redactSecrets`, so no
 * password hash, token or other secret reaches the trail whatever a caller hands in.
 */
export class AuditService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * A change. Call inside the mutation's transaction (with the transaction's EntityManager)
   * so the audit row commits or rolls back with the change.
   */
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
      before: redactSecrets(before),
      after: redactSecrets(after),
    });
  }

  /**
   * A security event (login, logout, token use, refused access), written at once in its own
   * short transaction, so it stays when the request's own work fails or rolls back. The detail
   * goes into `after`. `TOKEN_USED` is recorded at most once per token a minute; a throttled
   * use answers null.
   *
   * Call it outside any transaction: on PostgreSQL it uses a connection of its own; SQLite has
   * one connection, so while the caller's context holds a transaction there the event joins it.
   */
  async recordSecurityEvent<K extends SecurityEventKind>(
    kind: K,
    detail: SecurityEventDetails[K],
  ): Promise<AuditEvent | null> {
    const at = this.ctx.clock.now();
    const { actor, entityType, entityId } = subjectOf(kind, detail, this.ctx.viewer);
    const tokenId = kind === SecurityEventKind.TOKEN_USED ? entityId : null;
    if (tokenId) {
      if (tokenUseThrottle.recentlyRecorded(tokenId, at)) return null;
      tokenUseThrottle.note(tokenId, at);
    }
    const em = this.ownEm();
    try {
      const recorded = tokenId ? await this.tokenUseRecordedSince(em, tokenId, at) : null;
      if (tokenId && recorded) {
        tokenUseThrottle.note(tokenId, recorded);
        return null;
      }
      const event = em.create(AuditEvent, {
        at,
        actor,
        action: kind,
        entityType,
        entityId,
        before: null,
        after: redactSecrets(storedDetail(kind, detail, this.ctx.viewer)),
      });
      await em.flush();
      return event;
    } catch (error) {
      if (tokenId) tokenUseThrottle.forget(tokenId, at);
      throw error;
    }
  }

  /**
   * When another process recorded this token's use within the window, if it did: the hub's own
   * bookkeeping, so it looks past the acting viewer's row scope (a token may not read the trail).
   */
  private async tokenUseRecordedSince(em: Em, tokenId: string, at: Date): Promise<Date | null> {
    const since = new Date(at.getTime() - TOKEN_USE_THROTTLE_MS);
    const [latest] = await em.find(
      AuditEvent,
      {
        entityType: 'ApiToken',
        entityId: tokenId,
        action: SecurityEventKind.TOKEN_USED,
        at: { $gt: since, $lte: at },
      },
      { fields: ['at'], orderBy: { at: 'desc' }, limit: 1, filters: { [ROW_SCOPE_FILTER]: false } },
    );
    return latest?.at ?? null;
  }

  private ownEm(): Em {
    const sqliteInTransaction =
      this.ctx.em.isInTransaction() && !(this.ctx.em.getPlatform() instanceof PostgreSqlPlatform);
    return this.ctx.em.fork({ keepTransactionContext: sqliteInTransaction });
  }
}
