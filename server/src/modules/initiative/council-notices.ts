import type { Em } from '../../db/orm.js';
import type { DomainContext } from '../../domain/context.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { NotificationTemplateService } from '../notification/notification-template.service.js';
import { DeliveryStatus, NotificationKind } from '../notification/notification.enums.js';
import type { CouncilReview } from './council-review.entity.js';
import type { Initiative } from './initiative.entity.js';
import { councilReviewMessage, pickLocale, reminderSubject } from './initiative.messages.js';

/**
 * Asks every member of the review's council (reminder 0) or reminds them (1, 2 …), one outbox
 * row per member in their language, from the CX admin's template when there is one (a
 * reminder's subject then says it is a reminder); dedupe keys make a retry write nothing twice.
 */
export async function noticeCouncil(
  ctx: DomainContext,
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
  const render = ctx
    .service(NotificationTemplateService)
    .renderer(em, NotificationKind.COUNCIL_REVIEW_REQUEST);
  const rows: ClientNotification[] = [];
  for (const m of members) {
    if (taken.has(keyOf(m))) continue;
    const contact = m.contact;
    const locale = pickLocale(contact.locale);
    const templated = await render(locale, {
      contactName: contact.name ?? undefined,
      code: initiative.code,
      title: initiative.title,
      revision: String(review.revision),
      council: council.name,
      reminder: reminder > 0 ? String(reminder) : undefined,
    });
    const message = templated
      ? { ...templated, subject: reminderSubject(locale, templated.subject, reminder) }
      : councilReviewMessage(locale, contact.name, {
          code: initiative.code,
          title: initiative.title,
          revision: review.revision,
          council: council.name,
          reminder,
        });
    const recipient = contact.email ?? null;
    rows.push(
      em.create(ClientNotification, {
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
      }),
    );
  }
  return rows;
}
