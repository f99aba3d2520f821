import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { accountNotFound } from './account.service.js';
import { ClientAccount } from './client-account.entity.js';
import { clientError } from './client.errors.js';
import type { ContactFilter, CreateContactInput, UpdateContactInput } from './client.inputs.js';
import type { ContactOrder } from './client.types.js';
import { Contact } from './contact.entity.js';

export const contactNotFound = (message: string, field: string) =>
  clientError('CONTACT_NOT_FOUND', message, field);

/** An erased contact is a tombstone: nothing may give it personal data or a role again. */
export function refuseErased(contact: Contact, field: string): void {
  if (contact.erasedAt) {
    throw clientError(
      'CONTACT_ERASED',
      "This contact's personal data was erased; create a new contact instead.",
      field,
    );
  }
}

/** E-mails are matched case-insensitively (feedback matches contacts by e-mail), so store them lower-case. */
const normaliseEmail = (email: string | null | undefined) =>
  email == null ? email : email.trim().toLowerCase() || null;

export class ContactService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<Contact | null> {
    return findById(this.ctx.em, Contact, id);
  }

  async list(
    filter: ContactFilter | undefined,
    order: ContactOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Contact>> {
    const where: FilterQuery<Contact> = {};
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.respondentClasses?.length)
      where.respondentClass = { $in: filter.respondentClasses };
    if (filter?.active != null) where.active = filter.active;
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ name: like }, { email: like }];
    }
    return paginate(
      this.ctx.em,
      Contact,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async create(input: CreateContactInput): Promise<Contact> {
    return this.ctx.em.transactional(async (em) => {
      const account = await mustFind(
        em,
        ClientAccount,
        input.accountId,
        'accountId',
        accountNotFound,
      );
      const email = normaliseEmail(input.email) ?? null;
      if (email) await this.assertEmailFree(em, account, email);
      if (input.externalId) await this.assertExternalIdFree(em, input.externalId);
      const contact = em.create(Contact, {
        account,
        name: input.name.trim(),
        email,
        phone: input.phone ?? null,
        position: input.position ?? null,
        respondentClass: input.respondentClass,
        locale: input.locale ?? 'en',
        externalId: input.externalId ?? null,
        isKey: input.isKey ?? false,
      });
      this.ctx.audit.record(em, 'createContact', 'Contact', contact.id, null, snapshot(contact));
      return contact;
    });
  }

  async update(id: string, input: UpdateContactInput): Promise<Contact> {
    return this.ctx.em.transactional(async (em) => {
      const contact = await mustFind(em, Contact, id, 'id', contactNotFound);
      refuseErased(contact, 'id');
      const before = snapshot(contact);
      const email = normaliseEmail(input.email);
      if (email !== undefined && email !== contact.email) {
        if (email) await this.assertEmailFree(em, contact.account, email);
        contact.email = email;
      }
      if (input.externalId !== undefined && input.externalId !== contact.externalId) {
        if (input.externalId) await this.assertExternalIdFree(em, input.externalId);
        contact.externalId = input.externalId;
      }
      if (input.name != null) contact.name = input.name.trim();
      if (input.phone !== undefined) contact.phone = input.phone;
      if (input.position !== undefined) contact.position = input.position;
      if (input.respondentClass != null) contact.respondentClass = input.respondentClass;
      if (input.locale != null) contact.locale = input.locale;
      if (input.active != null) contact.active = input.active;
      if (input.isKey != null) contact.isKey = input.isKey;
      this.ctx.audit.record(em, 'updateContact', 'Contact', contact.id, before, snapshot(contact));
      return contact;
    });
  }

  private async assertEmailFree(em: Em, account: ClientAccount, email: string): Promise<void> {
    if (await em.count(Contact, { account, email })) {
      throw clientError(
        'CONTACT_EMAIL_TAKEN',
        `This account already has a contact with e-mail ${email}.`,
        'email',
      );
    }
  }

  private async assertExternalIdFree(em: Em, externalId: string): Promise<void> {
    if (await em.count(Contact, { externalId })) {
      throw clientError(
        'EXTERNAL_ID_TAKEN',
        `Another contact already has externalId "${externalId}".`,
        'externalId',
      );
    }
  }
}
