import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { User } from '../organisation/user.entity.js';
import { AccountStatus, AccountTier } from './client.enums.js';
import { Segment } from './segment.entity.js';

/** A client company. Period figures (revenue, margin, payments) live in TransactionalFigures. */
const ClientAccountSchema = defineEntity({
  name: 'ClientAccount',
  tableName: 'client_account',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).nullable().unique(),
    name: p.string().length(300).index(),
    segment: () => p.manyToOne(Segment).index(),
    tier: p.enum(() => AccountTier),
    status: p.enum(() => AccountStatus).default(AccountStatus.ACTIVE),
    /** The account manager who owns the relationship (gets coverage tasks). */
    owner: () => p.manyToOne(User).nullable().index(),
    country: p.string().length(2).nullable(),
    clientSince: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class ClientAccount extends ClientAccountSchema.class {}
ClientAccountSchema.setClass(ClientAccount);
export { ClientAccountSchema };
