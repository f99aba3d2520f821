import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from './client-account.entity.js';

/**
 * The transactional layer of the metric "cake" for one account and one month:
 * how the client buys and pays. Fed by CRM/ERP imports.
 */
const TransactionalFiguresSchema = defineEntity({
  name: 'TransactionalFigures',
  tableName: 'transactional_figures',
  uniques: [{ properties: ['account', 'period'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).nullable().unique(),
    account: () => p.manyToOne(ClientAccount).index(),
    /** Calendar month, `YYYY-MM`. */
    period: p.string().length(7).index(),
    revenue: p.double(),
    grossMargin: p.double(),
    /** Average days an invoice was paid after its due date (0 = on time). */
    avgDaysLate: p.double(),
    orderCount: p.integer(),
    /** 0..1: share of the last months in which the client ordered as usual. */
    orderRegularity: p.double().nullable(),
    /** 0..1: our share of the client's spend in our category. */
    shareOfWallet: p.double().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class TransactionalFigures extends TransactionalFiguresSchema.class {}
TransactionalFiguresSchema.setClass(TransactionalFigures);
export { TransactionalFiguresSchema };
