import { uuidv7 } from '../db/ids.js';
import type { Contact } from '../modules/client/contact.entity.js';
import {
  acknowledgementLocale,
  acknowledgementMessage,
  acknowledgementReference,
} from '../modules/feedback/acknowledgement-message.js';
import { acknowledgementDedupeKey } from '../modules/feedback/feedback-acknowledgement.service.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { FeedbackStatus } from '../modules/feedback/feedback.enums.js';
import type { ClientNotification } from '../modules/notification/client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from '../modules/notification/notification.enums.js';
import type { Row } from './dataset.js';

const ACKNOWLEDGED: readonly FeedbackStatus[] = [
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_ANALYSIS,
  FeedbackStatus.ACTIONED,
  FeedbackStatus.CLOSED,
];

/**
 * The outbox row the collect workflow wrote for every demo item it acknowledged: the same
 * dedupe key, language, message and recipient as FeedbackAcknowledgementService. The demo is
 * history, so none is PENDING: where the contact has an e-mail the message went out when it
 * was written (SENT at `acknowledgedAt`); where there is no one to write to (anonymous
 * feedback, a contact without e-mail) it is SKIPPED, as the service records it.
 */
export function generateAcknowledgements(
  feedback: Row<FeedbackItem>[],
  contacts: Row<Contact>[],
): Row<ClientNotification>[] {
  // The generator's contacts, as the columns the message needs.
  const contactById = new Map(
    contacts.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name as string,
        email: c.email as string | null,
        locale: c.locale as string,
      },
    ]),
  );
  return feedback
    .filter((f) => ACKNOWLEDGED.includes(f.status as FeedbackStatus))
    .map((f) => {
      const contact = f.contact ? contactById.get(f.contact as string) : undefined;
      const locale = acknowledgementLocale(contact?.locale, f.language as string | null);
      const message = acknowledgementMessage(locale, contact?.name, acknowledgementReference(f.id));
      const recipient = contact?.email ?? null;
      const at = f.acknowledgedAt as Date;
      return {
        id: uuidv7(at.getTime()),
        dedupeKey: acknowledgementDedupeKey(f.id),
        kind: NotificationKind.FEEDBACK_ACKNOWLEDGEMENT,
        account: f.account,
        contact: contact?.id ?? null,
        feedbackItem: f.id,
        initiative: null,
        milestone: null,
        councilReview: null,
        recipient,
        locale: message.locale,
        subject: message.subject,
        body: message.body,
        status: recipient ? DeliveryStatus.SENT : DeliveryStatus.SKIPPED,
        attempts: recipient ? 1 : 0,
        lastError: null,
        sentAt: recipient ? at : null,
        createdAt: at,
        updatedAt: at,
      };
    });
}
