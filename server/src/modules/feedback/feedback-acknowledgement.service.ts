import { mustFind } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { NotificationTemplateService } from '../notification/notification-template.service.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import {
  acknowledgementLocale,
  acknowledgementMessage,
  acknowledgementReference,
} from './acknowledgement-message.js';
import { FeedbackItem } from './feedback-item.entity.js';
import { FeedbackStatus } from './feedback.enums.js';
import { feedbackError } from './feedback.errors.js';

/** What acknowledging did; a repeated call reports the row written the first time. */
export interface AcknowledgementOutcome {
  /** The FEEDBACK_ACKNOWLEDGEMENT outbox row (written now or by an earlier call). */
  notificationId: string;
  notificationCreated: boolean;
  /** PENDING when the contact has an e-mail to send to, SKIPPED otherwise. */
  deliveryStatus: DeliveryStatus;
  /** False when the item had already moved past RECEIVED. */
  statusChanged: boolean;
}

/** Outbox dedupe key: one acknowledgement per feedback item, however often it is asked for. */
export function acknowledgementDedupeKey(feedbackId: string): string {
  return `ack:${feedbackId}`;
}

/** Tells the client their feedback arrived: the first step of the collect workflow. */
export class FeedbackAcknowledgementService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Writes the acknowledgement to the client-notification outbox and marks the item
   * ACKNOWLEDGED, in one transaction. Idempotent: a second call finds the outbox row by
   * its dedupe key and the item past RECEIVED, and changes nothing.
   */
  async acknowledge(feedbackId: string): Promise<AcknowledgementOutcome> {
    return this.ctx.em.transactional(async (em) => {
      const item = await mustFind(
        em,
        FeedbackItem,
        feedbackId,
        'feedbackId',
        (message, field) => feedbackError('FEEDBACK_NOT_FOUND', message, field),
        { populate: ['contact'] },
      );

      const dedupeKey = acknowledgementDedupeKey(feedbackId);
      let notification = await em.findOne(ClientNotification, { dedupeKey });
      const notificationCreated = !notification;
      if (!notification) {
        const contact = item.contact ?? null;
        const locale = acknowledgementLocale(contact?.locale, item.language);
        const reference = acknowledgementReference(feedbackId);
        // The CX admin's template for the language, else the built-in text.
        const message =
          (await this.ctx
            .service(NotificationTemplateService)
            .render(em, NotificationKind.FEEDBACK_ACKNOWLEDGEMENT, locale, {
              contactName: contact?.name,
              reference,
            })) ?? acknowledgementMessage(locale, contact?.name, reference);
        const recipient = contact?.email ?? null;
        notification = em.create(ClientNotification, {
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
        item.acknowledgedAt = this.ctx.clock.now();
        this.ctx.audit.record(
          em,
          'acknowledgeFeedback',
          'FeedbackItem',
          feedbackId,
          { status: FeedbackStatus.RECEIVED },
          {
            status: item.status,
            acknowledgedAt: item.acknowledgedAt.toISOString(),
            notificationId: notification.id,
          },
        );
      }
      await em.flush();
      return {
        notificationId: notification.id,
        notificationCreated,
        deliveryStatus: notification.status,
        statusChanged,
      };
    });
  }
}
