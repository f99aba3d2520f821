import type { FilterQuery } from '@mikro-orm/core';
import { mustFind } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { accountNotFound } from './account.service.js';
import { ClientAccount } from './client-account.entity.js';
import { clientError } from './client.errors.js';
import type {
  RecordTransactionalFiguresInput,
  TransactionalFiguresFilter,
} from './council.inputs.js';
import type { TransactionalFiguresOrder } from './council.types.js';
import { TransactionalFigures } from './transactional-figures.entity.js';

/** `{ $gte: from, $lte: to }` over `YYYY-MM` strings, which sort like the months they name. */
export function periodRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { $gte?: string; $lte?: string } | undefined {
  if (from && to && from > to) {
    throw clientError(
      'INVALID_PERIOD_RANGE',
      `The period range is empty: ${from} is after ${to}.`,
      'from',
    );
  }
  if (!from && !to) return undefined;
  return { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
}

export class FiguresService {
  constructor(private readonly ctx: DomainContext) {}

  async list(
    filter: TransactionalFiguresFilter | undefined,
    order: TransactionalFiguresOrder | undefined,
    args: PageArgs,
  ): Promise<Page<TransactionalFigures>> {
    const where: FilterQuery<TransactionalFigures> = {};
    if (filter?.accountId) where.account = filter.accountId;
    const period = periodRange(filter?.from, filter?.to);
    if (period) where.period = period;
    const orderBy = order ? { [order.field]: order.direction } : { period: 'asc' as const };
    return paginate(this.ctx.em, TransactionalFigures, where, args, orderBy);
  }

  /** Upsert by account and period: imports may send the same month again with corrections. */
  async record(input: RecordTransactionalFiguresInput): Promise<TransactionalFigures> {
    return this.ctx.em.transactional(async (em) => {
      const account = await mustFind(
        em,
        ClientAccount,
        input.accountId,
        'accountId',
        accountNotFound,
      );
      if (input.externalId) {
        const holder = await em.findOne(TransactionalFigures, { externalId: input.externalId });
        if (holder && (holder.account.id !== account.id || holder.period !== input.period)) {
          throw clientError(
            'EXTERNAL_ID_TAKEN',
            `externalId "${input.externalId}" already belongs to other figures.`,
            'externalId',
          );
        }
      }
      const existing = await em.findOne(TransactionalFigures, { account, period: input.period });
      const before = snapshot(existing);
      const values = {
        revenue: input.revenue,
        grossMargin: input.grossMargin,
        avgDaysLate: input.avgDaysLate,
        orderCount: input.orderCount,
        ...(input.orderRegularity !== undefined ? { orderRegularity: input.orderRegularity } : {}),
        ...(input.shareOfWallet !== undefined ? { shareOfWallet: input.shareOfWallet } : {}),
        ...(input.externalId ? { externalId: input.externalId } : {}),
      };
      const figures = existing
        ? Object.assign(existing, values)
        : em.create(TransactionalFigures, { account, period: input.period, ...values });
      this.ctx.audit.record(
        em,
        'recordTransactionalFigures',
        'TransactionalFigures',
        figures.id,
        before,
        snapshot(figures),
      );
      return figures;
    });
  }
}
