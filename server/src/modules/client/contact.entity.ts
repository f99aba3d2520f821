import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from './client-account.entity.js';
import { RespondentClass } from './client.enums.js';

const ContactSchema = defineEntity({
  name: 'Contact',
  tableName: 'contact',
  uniques: [{ properties: ['account', 'email'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).nullable().unique(),
    account: () => p.manyToOne(ClientAccount).index(),
    name: p.string().length(200),
    email: p.string().length(320).nullable(),
    phone: p.string().length(64).nullable(),
    position: p.string().length(200).nullable(),
    respondentClass: p.enum(() => RespondentClass),
    /** Language for notifications to this person: `ru` or `en`. */
    locale: p.string().length(8).default('en'),
    active: p.boolean().default(true),
    /** A key contact: the monitor raises an alert when they have not answered for a while. */
    isKey: p.boolean().default(false),
    /** Set when the person's data was erased (right to be forgotten); the row stays as a tombstone. */
    erasedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Contact extends ContactSchema.class {}
ContactSchema.setClass(Contact);
export { ContactSchema };
