import type { EntityClass } from '@mikro-orm/core';
import type { Em } from '../db/orm.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { CouncilReview } from '../modules/initiative/council-review.entity.js';
import { InitiativeTarget } from '../modules/initiative/initiative-target.entity.js';
import { InitiativeTask } from '../modules/initiative/initiative-task.entity.js';
import { Initiative } from '../modules/initiative/initiative.entity.js';
import { DeliveryStatus } from '../modules/notification/notification.enums.js';

/*
 * The services take the facts they record from the context's clock (createdAt, completedAt,
 * decidedAt, openedAt, messages, inbox entries), but a few bookkeeping columns come from the
 * wall clock: audit rows' `at`, targets' `createdAt` and every `updatedAt`. Written by the demo
 * loader, those would all say "today"; these functions move them to the moment of the step that
 * wrote them. Rows are told apart by their ids: uuidv7 ids made after a mark sort after it.
 */

/** After one step: its audit rows and new targets get the step's moment. */
export async function restampStep(tx: Em, mark: string, at: Date): Promise<void> {
  await tx.nativeUpdate(AuditEvent, { id: { $gt: mark } }, { at });
  await tx.nativeUpdate(InitiativeTarget, { id: { $gt: mark } }, { createdAt: at });
}

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
    if (AUDITED[e.entityType])
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
