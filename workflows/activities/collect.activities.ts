import { ApplicationFailure } from '@temporalio/activity';
import type { Logger } from '../../server/src/logger.js';
import type { Orm } from '../../server/src/db/orm.js';
import { isUuid } from '../../server/src/db/ids.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { FeedbackItem } from '../../server/src/modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../../server/src/modules/feedback/feedback.enums.js';
import { ClientNotification } from '../../server/src/modules/notification/client-notification.entity.js';
import {
  DeliveryStatus,
  NotificationKind,
} from '../../server/src/modules/notification/notification.enums.js';
import {
  CollectFailure,
  collectWorkflowId,
  type AcknowledgeFeedbackResult,
  type CollectFeedbackInput,
} from '../contracts/collect.contract.js';
import { acknowledgementLocale, acknowledgementMessage } from './acknowledgement-message.js';

export interface CollectActivityDeps {
  orm: Orm;
  log: Logger;
}

/** Outbox dedupe key: one acknowledgement per feedback item, however often the activity runs. */
export function acknowledgementDedupeKey(feedbackId: string): string {
  return `ack:${feedbackId}`;
}

function notFound(feedbackId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `No feedback item with id ${feedbackId}; nothing to acknowledge.`,
    CollectFailure.FEEDBACK_NOT_FOUND,
  );
}

/** Activities of the collect workflow, over their dependencies (no globals). */
export function createCollectActivities({ orm, log }: CollectActivityDeps) {
  return {
    /**
     * Writes the acknowledgement to the client-notification outbox and marks the item
     * ACKNOWLEDGED, in one transaction. Idempotent: a second run finds the outbox row by
     * its dedupe key and the item past RECEIVED, and changes nothing.
     */
    async acknowledgeFeedback({
      feedbackId,
    }: CollectFeedbackInput): Promise<AcknowledgeFeedbackResult> {
      // PostgreSQL rejects a malformed uuid with a driver error; answer as "unknown id" instead.
      if (!isUuid(feedbackId)) throw notFound(feedbackId);
      const em = orm.em.fork();
      const result = await em.transactional(async (tx) => {
        const item = await tx.findOne(FeedbackItem, { id: feedbackId }, { populate: ['contact'] });
        if (!item) throw notFound(feedbackId);

        const dedupeKey = acknowledgementDedupeKey(feedbackId);
        let notification = await tx.findOne(ClientNotification, { dedupeKey });
        const notificationCreated = !notification;
        if (!notification) {
          const contact = item.contact ?? null;
          const locale = acknowledgementLocale(contact?.locale, item.language);
          const message = acknowledgementMessage(locale, contact?.name, feedbackId.slice(-12));
          const recipient = contact?.email ?? null;
          notification = tx.create(ClientNotification, {
            dedupeKey,
            kind: NotificationKind.FEEDBACK_ACKNOWLEDGEMENT,
            account: item.account,
            contact,
            feedbackItem: item,
            recipient,
            locale,
            subject: message.subject,
            body: message.body,
            status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
          });
        }

        // Only the first lifecycle step moves here; a later status (set by staff or a later
        // workflow step) is never pulled back.
        const statusChanged = item.status === FeedbackStatus.RECEIVED;
        if (statusChanged) {
          item.status = FeedbackStatus.ACKNOWLEDGED;
          item.acknowledgedAt = new Date();
          tx.create(AuditEvent, {
            actor: `workflow:${collectWorkflowId(feedbackId)}`,
            action: 'acknowledgeFeedback',
            entityType: 'FeedbackItem',
            entityId: feedbackId,
            before: { status: FeedbackStatus.RECEIVED },
            after: {
              status: item.status,
              acknowledgedAt: item.acknowledgedAt.toISOString(),
              notificationId: notification.id,
            },
          });
        }
        await tx.flush();
        return {
          notificationId: notification.id,
          notificationCreated,
          deliveryStatus: notification.status,
          statusChanged,
        };
      });
      log.info('feedback acknowledged', { feedbackId, ...result });
      return result;
    },
  };
}

export type CollectActivities = ReturnType<typeof createCollectActivities>;
