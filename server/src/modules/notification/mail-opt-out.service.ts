import { mustFind } from '../../db/lookup.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { Contact } from '../client/contact.entity.js';
import { pickLocale, type Locale } from '../initiative/initiative.messages.js';
import { MailOptOut, type OptOutSource } from './mail-opt-out.entity.js';
import { notificationError } from './notification.errors.js';

/** Contacts' e-mail opt-outs: recorded from the unsubscribe link or by the CX office. */
export class MailOptOutService {
  constructor(private readonly ctx: DomainContext) {}

  /** When the contact opted out, or null. */
  async optedOutAt(contactId: string): Promise<Date | null> {
    const row = await this.ctx.em.findOne(MailOptOut, { contact: contactId });
    return row?.optedOutAt ?? null;
  }

  /**
   * The language to answer the contact in: their own (English when it is neither ru nor en), or
   * null when the hub no longer holds the contact.
   */
  async languageOf(contactId: string): Promise<Locale | null> {
    const contact = await this.ctx.em.findOne(Contact, { id: contactId }, { fields: ['locale'] });
    return contact ? pickLocale(contact.locale) : null;
  }

  /** Opts the contact in or out; opting out twice keeps the first moment. */
  async set(contactId: string, optedOut: boolean, source: OptOutSource): Promise<Contact> {
    return this.ctx.em.transactional(async (em) => {
      const contact = await mustFind(em, Contact, contactId, 'contactId', (message, field) =>
        notificationError('CONTACT_NOT_FOUND', message, field),
      );
      const existing = await em.findOne(MailOptOut, { contact: contact.id });
      if (optedOut && !existing) {
        const row = em.create(MailOptOut, {
          contact,
          source,
          optedOutAt: this.ctx.clock.now(),
        });
        this.ctx.audit.record(
          em,
          'setContactMailOptOut',
          'MailOptOut',
          row.id,
          null,
          snapshot(row),
        );
      } else if (!optedOut && existing) {
        this.ctx.audit.record(
          em,
          'setContactMailOptOut',
          'MailOptOut',
          existing.id,
          snapshot(existing),
          null,
        );
        em.remove(existing);
      }
      return contact;
    });
  }
}
