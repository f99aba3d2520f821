import type { Em } from '../../db/orm.js';
import type { Contact } from '../client/contact.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { DeliveryStatus } from '../notification/notification.enums.js';
import { UserRole } from '../organisation/organisation.enums.js';
import { User } from '../organisation/user.entity.js';
import { chunks, eraseAuditFields } from './audit-erasure.js';
import { sweepFreeText } from './free-text.sweep.js';
import { PersonalDataCategory as C } from './privacy.enums.js';
import { distinctiveNeedles } from './erasure-needles.js';
import { ERASED } from './text-scrub.js';

export type ErasedCounts = Partial<Record<C, number>>;

/**
 * Erases one contact's personal data everywhere the hub holds it, inside the caller's
 * transaction, and answers how many rows of each category changed. Rows stay (feedback with
 * its scores, messages with kind/subject/status/dates, audit events, ended seats), so every
 * count and aggregate is the same afterwards.
 */
export async function eraseContactData(em: Em, contact: Contact, at: Date): Promise<ErasedCounts> {
  const feedback = await em.find(FeedbackItem, { contact }, { fields: ['id', 'text'] });
  const seatLogins = await em.find(
    CouncilMember,
    { contact, user: { $ne: null } },
    { fields: ['user'] },
  );
  const needles = await distinctiveNeedles(
    em,
    contact,
    feedback.map((f) => f.text ?? null),
    seatLogins.map((s) => s.user!.id),
  );
  const email = contact.email ?? null;

  Object.assign(contact, {
    name: ERASED,
    email: null,
    phone: null,
    position: null,
    externalId: null,
    active: false,
    erasedAt: at,
  });
  await em.flush();

  const feedbackIds = feedback.map((f) => f.id);
  const texts = await em.nativeUpdate(
    FeedbackItem,
    { contact, text: { $ne: null } },
    { text: null },
  );
  const messageIds = await eraseMessages(em, contact.id, email);
  const { seats, userIds } = await endSeats(em, contact.id, at);
  const logins = await erasePortalLogins(em, userIds);

  const audit = await eraseAuditFields(
    em,
    [
      {
        type: 'Contact',
        ids: [contact.id],
        fields: ['name', 'email', 'phone', 'position', 'externalId'],
      },
      { type: 'FeedbackItem', ids: feedbackIds, fields: ['text'] },
      { type: 'ClientNotification', ids: messageIds, fields: ['recipient', 'body', 'lastError'] },
      { type: 'User', ids: logins, fields: ['name', 'email'] },
    ],
    [contact.id, ...logins],
  );
  const copies = await sweepFreeText(em, needles);
  for (const id of copies.get('AuditEvent') ?? []) audit.add(id);
  copies.delete('AuditEvent');

  return {
    [C.CONTACT_DETAILS]: 1,
    [C.FEEDBACK_TEXTS]: texts,
    [C.MESSAGES]: messageIds.length,
    [C.COUNCIL_SEATS]: seats,
    [C.PORTAL_LOGINS]: logins.length,
    [C.AUDIT_RECORDS]: audit.size,
    [C.COPIES_IN_TEXTS]: [...copies.values()].reduce((n, ids) => n + ids.size, 0),
  };
}

/** Messages to the contact (or their address) lose recipient and body; undelivered ones are skipped. */
async function eraseMessages(em: Em, contactId: string, email: string | null): Promise<string[]> {
  const where = email
    ? { $or: [{ contact: contactId }, { recipient: email }] }
    : { contact: contactId };
  const ids = (await em.find(ClientNotification, where, { fields: ['id'] })).map((n) => n.id);
  for (const chunk of chunks(ids)) {
    await em.nativeUpdate(
      ClientNotification,
      { id: { $in: chunk }, status: { $in: [DeliveryStatus.PENDING, DeliveryStatus.FAILED] } },
      { status: DeliveryStatus.SKIPPED },
    );
    await em.nativeUpdate(
      ClientNotification,
      { id: { $in: chunk } },
      { recipient: null, body: ERASED, lastError: null },
    );
  }
  return ids;
}

/** Ends the contact's council seats and unlinks their portal logins from them. */
async function endSeats(
  em: Em,
  contactId: string,
  at: Date,
): Promise<{ seats: number; userIds: string[] }> {
  const seats = await em.find(
    CouncilMember,
    { contact: contactId },
    { fields: ['id', 'user', 'endedAt'] },
  );
  const ended = await em.nativeUpdate(
    CouncilMember,
    { contact: contactId, endedAt: null },
    { endedAt: at },
  );
  await em.nativeUpdate(CouncilMember, { contact: contactId }, { user: null });
  const userIds = seats.map((s) => s.user?.id).filter((id): id is string => !!id);
  return { seats: ended, userIds };
}

/** A council member's portal login is the contact's own account: cleared and deactivated. */
async function erasePortalLogins(em: Em, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const users = await em.find(
    User,
    { id: { $in: [...new Set(userIds)] }, role: UserRole.COUNCIL_MEMBER },
    { fields: ['id'] },
  );
  for (const { id } of users) {
    await em.nativeUpdate(
      User,
      { id },
      { name: ERASED, email: `erased-${id}@erased.invalid`, active: false },
    );
  }
  return users.map((u) => u.id);
}
