import type { Em } from '../../db/orm.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { Contact } from '../client/contact.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { SurveyInvitation } from '../survey/survey-invitation.entity.js';
import { chunks } from './audit-erasure.js';

type Json = Record<string, unknown>;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A row the hub holds, named by its GraphQL type and its id (the API shows global ids). */
export interface RowRef {
  type: string;
  id: string;
}

/**
 * Everything the hub holds about one contact, for a subject-access request. Ids are `RowRef`s
 * here; the GraphQL layer turns them into global ids. Version 1 of the shape in the README.
 */
export interface ContactDataExport {
  format: 'cx-ops-hub/contact-export@1';
  exportedAt: string;
  contact: Json & { id: RowRef; account: { id: RowRef; name: string } };
  feedback: (Json & { id: RowRef; touchpoint: RowRef | null })[];
  messages: (Json & { id: RowRef })[];
  councilMemberships: (Json & { id: RowRef; council: { id: RowRef; name: string } })[];
  portalLogins: (Json & { id: RowRef })[];
  auditEvents: (Json & { id: RowRef; entity: RowRef | null })[];
  /** Survey invitations sent to them or held back (added to version 1; readers ignore unknown keys). */
  surveyInvitations: (Json & { id: RowRef; campaign: { id: RowRef; name: string } })[];
}

const ref = (type: string, id: string): RowRef => ({ type, id });

/** Reads the contact's rows (the contact must be loaded with its account). */
export async function collectContactData(
  em: Em,
  contact: Contact,
  at: Date,
): Promise<ContactDataExport> {
  const [feedback, messages, seats] = [
    await em.find(FeedbackItem, { contact }, { orderBy: { receivedAt: 'asc', id: 'asc' } }),
    await em.find(ClientNotification, { contact }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    await em.find(
      CouncilMember,
      { contact },
      { populate: ['council', 'user'], orderBy: { createdAt: 'asc', id: 'asc' } },
    ),
  ];
  const invitations = await em.find(
    SurveyInvitation,
    { contact },
    { populate: ['campaign'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const subjects: RowRef[] = [
    ...invitations.map((i) => ref('SurveyInvitation', i.id)),
    ref('Contact', contact.id),
    ...feedback.map((f) => ref('FeedbackItem', f.id)),
    ...messages.map((m) => ref('ClientNotification', m.id)),
    ...seats.map((s) => ref('CouncilMember', s.id)),
  ];
  return {
    format: 'cx-ops-hub/contact-export@1',
    exportedAt: at.toISOString(),
    contact: {
      id: ref('Contact', contact.id),
      account: { id: ref('ClientAccount', contact.account.id), name: contact.account.name },
      externalId: contact.externalId ?? null,
      name: contact.name,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      position: contact.position ?? null,
      respondentClass: contact.respondentClass,
      locale: contact.locale,
      active: contact.active,
      createdAt: iso(contact.createdAt),
      updatedAt: iso(contact.updatedAt),
      erasedAt: iso(contact.erasedAt),
    },
    feedback: feedback.map((f) => ({
      id: ref('FeedbackItem', f.id),
      externalId: f.externalId ?? null,
      channel: f.channel,
      receivedAt: iso(f.receivedAt),
      npsScore: f.npsScore ?? null,
      csiScore: f.csiScore ?? null,
      cesScore: f.cesScore ?? null,
      text: f.text ?? null,
      language: f.language ?? null,
      respondentClass: f.respondentClass ?? null,
      complaintClass: f.complaintClass ?? null,
      sentiment: f.sentiment ?? null,
      status: f.status,
      acknowledgedAt: iso(f.acknowledgedAt),
      touchpoint: f.touchpoint ? ref('Touchpoint', f.touchpoint.id) : null,
    })),
    messages: messages.map((m) => ({
      id: ref('ClientNotification', m.id),
      kind: m.kind,
      milestone: m.milestone ?? null,
      recipient: m.recipient ?? null,
      locale: m.locale,
      subject: m.subject,
      body: m.body,
      status: m.status,
      sentAt: iso(m.sentAt),
      createdAt: iso(m.createdAt),
    })),
    councilMemberships: seats.map((s) => ({
      id: ref('CouncilMember', s.id),
      council: { id: ref('AdvisoryCouncil', s.council.id), name: s.council.name },
      role: s.role,
      createdAt: iso(s.createdAt),
      endedAt: iso(s.endedAt),
    })),
    portalLogins: seats
      .flatMap((s) => (s.user ? [s.user] : []))
      .map((u) => ({ id: ref('User', u.id), name: u.name, email: u.email, active: u.active })),
    surveyInvitations: invitations.map((i) => ({
      id: ref('SurveyInvitation', i.id),
      campaign: { id: ref('SurveyCampaign', i.campaign.id), name: i.campaign.name },
      channel: i.channel,
      status: i.status,
      heldReason: i.heldReason ?? null,
      sentAt: iso(i.sentAt),
      answeredAt: iso(i.answeredAt),
      createdAt: iso(i.createdAt),
    })),
    auditEvents: (await auditEventsAbout(em, subjects)).map((e) => ({
      id: ref('AuditEvent', e.id),
      at: iso(e.at),
      actor: e.actor,
      action: e.action,
      entity: e.entityType && e.entityId ? ref(e.entityType, e.entityId) : null,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  };
}

/** The audit events about any of these rows, oldest first. */
async function auditEventsAbout(em: Em, subjects: RowRef[]): Promise<AuditEvent[]> {
  const byType = new Map<string, string[]>();
  for (const s of subjects) byType.set(s.type, [...(byType.get(s.type) ?? []), s.id]);
  const events: AuditEvent[] = [];
  for (const [type, ids] of byType) {
    for (const chunk of chunks(ids)) {
      events.push(...(await em.find(AuditEvent, { entityType: type, entityId: { $in: chunk } })));
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}
