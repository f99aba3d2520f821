import type DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context.js';
import { perParentLimit } from '../../graphql/loaders.js';
import { commonError } from '../../domain/errors.js';
import { periodRange } from './figures.service.js';
import { PERIOD } from './council.inputs.js';
import { TransactionalFigures } from './transactional-figures.entity.js';

/** An account's figures within an optional month range, for every account of the tick in one query. */
export function figuresByAccount(
  ctx: RequestContext,
  from: string | null | undefined,
  to: string | null | undefined,
): DataLoader<string, TransactionalFigures[]> {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value && !PERIOD.test(value))
      throw commonError('VALIDATION_FAILED', `${name} must be a month as YYYY-MM.`, name);
  }
  const period = periodRange(from, to);
  return ctx.loader<string, TransactionalFigures[]>(
    `TransactionalFigures.byAccount.${from ?? ''}.${to ?? ''}`,
    async (ids) => {
      const rows = await ctx.em.find(
        TransactionalFigures,
        { account: { $in: [...ids] }, ...(period ? { period } : {}) },
        { orderBy: { period: 'asc' } },
      );
      return ids.map((id) => rows.filter((r) => r.account.id === id));
    },
  );
}

/** `limit` of a `recentFeedback` field: small, because each parent gets its own top-N. */
export function feedbackLimit(limit: number): number {
  return perParentLimit(limit, 50);
}
