import { LockMode } from '@mikro-orm/core';
import { mustFind } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { Contact } from '../client/contact.entity.js';
import { contactNotFound } from '../client/contact.service.js';
import { collectContactData, type ContactDataExport } from './contact-export.js';
import { eraseContactData, type ErasedCounts } from './contact-erasure.js';
import { privacyError } from './privacy.errors.js';
import { needlesFor, scrubText } from './text-scrub.js';

export interface ContactErasure {
  contact: Contact;
  /** True when an earlier call erased the contact; this one changed nothing. */
  alreadyErased: boolean;
  erasedAt: Date;
  /** Rows changed per category by this call (empty when already erased). */
  erased: ErasedCounts;
}

const MAX_REASON = 500;

/**
 * A contact's personal data: erasure (the right to be forgotten) and export (a subject-access
 * request). Both are audited; neither writes personal data into the audit event.
 */
export class PersonalDataService {
  constructor(private readonly ctx: DomainContext) {}

  /**
   * Erases the contact's personal data everywhere, in one transaction, keeping every row that
   * counts (feedback scores, messages, audit events), so aggregates do not move. A second call
   * changes nothing and says so.
   */
  async eraseContact(id: string, reason: string): Promise<ContactErasure> {
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON) {
      throw privacyError(
        'INVALID_REASON',
        `reason must be 1 to ${MAX_REASON} characters.`,
        'reason',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const contact = await mustFind(em, Contact, id, 'id', contactNotFound);
      // Two erasures of one contact at once: the second waits here and finds it erased.
      await em.lock(contact, LockMode.PESSIMISTIC_WRITE);
      await em.refresh(contact);
      if (contact.erasedAt) {
        return { contact, alreadyErased: true, erasedAt: contact.erasedAt, erased: {} };
      }
      // The reason must not keep what the erasure removes ("as Olga Petrova asked").
      const needles = needlesFor(contact, []);
      const at = this.ctx.clock.now();
      const erased = await eraseContactData(em, contact, at);
      this.ctx.audit.record(
        em,
        'eraseContact',
        'Contact',
        contact.id,
        { erasedAt: null },
        {
          erasedAt: at.toISOString(),
          reason: scrubText(why, needles),
          erased,
        },
      );
      return { contact, alreadyErased: false, erasedAt: at, erased };
    });
  }

  /** Everything the hub holds about the contact, as one document; the export is audited. */
  async exportContactData(id: string): Promise<ContactDataExport> {
    return this.ctx.em.transactional(async (em) => {
      const contact = await mustFind(em, Contact, id, 'id', contactNotFound, {
        populate: ['account'],
      });
      const data = await collectContactData(em, contact, this.ctx.clock.now());
      this.ctx.audit.record(em, 'exportContactData', 'Contact', contact.id, null, {
        feedback: data.feedback.length,
        messages: data.messages.length,
        councilMemberships: data.councilMemberships.length,
        auditEvents: data.auditEvents.length,
      });
      return data;
    });
  }
}
