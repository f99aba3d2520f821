import type { EntityClass } from '@mikro-orm/core';
import type { Em } from '../db/orm.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { CouncilReview } from '../modules/initiative/council-review.entity.js';
import { InitiativeTask } from '../modules/initiative/initiative-task.entity.js';
import { Initiative } from '../modules/initiative/initiative.entity.js';
import { DeliveryStatus } from '../modules/notification/notification.enums.js';

/*
 * The services take every fact they record from the context's clock (createdAt, completedAt,
 * decidedAt, openedAt, audit rows, messages, inbox entries), but `updatedAt` is bookkeeping the
 * ORM stamps from the wall clock. Written by the demo loader, it would say "today"; this moves it
 * to each row's latest audited change, and marks the history's outbox rows delivered.
 */

type Updated = { id: string; updatedAt: Date };
const AUDITED: Record<string, EntityClass<Updated>> = {
  Initiative,
  InitiativeTask,
  CouncilReview,
  FeedbackItem,
};

/**
 * After all steps: each row the steps changed was last updated at its latest audited change,
 * and the outbox rows they wrote were delivered (the demo is history): SENT when written, where
 * there was someone to send to (the others the services already marked SKIPPED).
 */
export async function restampHistory(tx: Em, firstMark: string): Promise<void> {
  const events = await tx
    .fork({ keepTransactionContext: true })
    .find(
      AuditEvent,
      { id: { $gt: firstMark } },
      { fields: ['entityType', 'entityId', 'at'], orderBy: { id: 'asc' } },
    );
  const latest = new Map<string, { type: string; id: string; at: Date }>();
  for (const e of events) {
    if (e.entityType && e.entityId && AUDITED[e.entityType])
      latest.set(`${e.entityType}:${e.entityId}`, {
        type: e.entityType,
        id: e.entityId,
        at: e.at,
      });
  }
  const batches = new Map<string, { type: string; at: Date; ids: string[] }>();
  for (const { type, id, at } of latest.values()) {
    const key = `${type}@${at.getTime()}`;
    const batch = batches.get(key) ?? { type, at, ids: [] };
    batch.ids.push(id);
    batches.set(key, batch);
  }
  for (const { type, at, ids } of batches.values()) {
    await tx.nativeUpdate(AUDITED[type]!, { id: { $in: ids } }, { updatedAt: at });
  }
  await tx.execute(
    `update client_notification set status = ?, attempts = 1, sent_at = created_at
      where id > ? and status = ?`,
    [DeliveryStatus.SENT, firstMark, DeliveryStatus.PENDING],
  );
}
