import type { Em } from '../../db/orm.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import type { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import { councilReviewMessage, pickLocale } from './initiative.messages.js';

/**
 * Asks every member of the review's council (reminder 0) or reminds them (1, 2 …), one outbox
 * row per member in their language; dedupe keys make a retry write nothing twice.
 */
export async function noticeCouncil(
  em: Em,
  review: CouncilReview,
  initiative: Initiative,
  reminder: number,
  at: Date,
): Promise<ClientNotification[]> {
  const council = await em.findOneOrFail(AdvisoryCouncil, { id: review.council.id });
  const members = await em.find(
    CouncilMember,
    { council, endedAt: null },
    { populate: ['contact'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const keyOf = (m: CouncilMember) =>
    `review:${review.id}:${reminder === 0 ? 'request' : `reminder-${reminder}`}:${m.id}`;
  const taken = new Set(
    (
      await em.find(
        ClientNotification,
        { dedupeKey: { $in: members.map(keyOf) } },
        { fields: ['dedupeKey'] },
      )
    ).map((n) => n.dedupeKey),
  );
  return members
    .filter((m) => !taken.has(keyOf(m)))
    .map((m) => {
      const contact = m.contact;
      const locale = pickLocale(contact.locale);
      const message = councilReviewMessage(locale, contact.name, {
        code: initiative.code,
        title: initiative.title,
        revision: review.revision,
        council: council.name,
        reminder,
      });
      const recipient = contact.email ?? null;
      return em.create(ClientNotification, {
        dedupeKey: keyOf(m),
        kind: NotificationKind.COUNCIL_REVIEW_REQUEST,
        account: contact.account,
        contact,
        initiative,
        councilReview: review,
        recipient,
        locale,
        subject: message.subject.slice(0, 300),
        body: message.body,
        status: recipient ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
        lastError: recipient ? null : 'No e-mail address to deliver to.',
        createdAt: at,
        updatedAt: at,
      });
    });
}
