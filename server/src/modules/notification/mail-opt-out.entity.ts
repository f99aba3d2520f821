import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Contact } from '../client/contact.entity.js';

export enum OptOutSource {
  /** The contact followed the unsubscribe link of a message. */
  LINK = 'LINK',
  /** The CX office recorded it (the contact asked by phone, by letter …). */
  STAFF = 'STAFF',
}

/** A contact who wants no more e-mail from the hub; honoured when each message is sent. */
const MailOptOutSchema = defineEntity({
  name: 'MailOptOut',
  tableName: 'mail_opt_out',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    contact: () => p.manyToOne(Contact).unique(),
    source: p.enum(() => OptOutSource),
    optedOutAt: p.datetime(),
  },
});
export class MailOptOut extends MailOptOutSchema.class {}
MailOptOutSchema.setClass(MailOptOut);
export { MailOptOutSchema };
