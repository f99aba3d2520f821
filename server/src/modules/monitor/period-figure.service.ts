import type { FilterQuery } from '@mikro-orm/core';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { monitorError } from './monitor.errors.js';
import { PeriodFigure } from './period-figure.entity.js';

export interface PeriodFigureQuery {
  level: 'ACCOUNT' | 'SEGMENT' | 'COMPANY';
  periodFrom: string;
  periodTo: string;
  accountId?: string | null;
  segmentId?: string | null;
}

/** The monitor's read model, for lists and dashboards: rows as the last run computed them. */
export class PeriodFigureService {
  constructor(private readonly ctx: DomainContext) {}

  /** Oldest month first, then by row. */
  async list(q: PeriodFigureQuery, args: PageArgs): Promise<Page<PeriodFigure>> {
    if (q.periodFrom > q.periodTo) {
      throw monitorError(
        'INVALID_PERIOD',
        `The period starts (${q.periodFrom}) after it ends (${q.periodTo}).`,
        'periodTo',
      );
    }
    const where: FilterQuery<PeriodFigure> = {
      period: { $gte: q.periodFrom, $lte: q.periodTo },
      account: q.level === 'ACCOUNT' ? { $ne: null } : null,
    };
    if (q.level === 'COMPANY') where.segment = null;
    else if (q.level === 'SEGMENT') where.segment = { $ne: null };
    // The company row has no segment or account: those filters narrow the other levels only.
    if (q.segmentId && q.level !== 'COMPANY') where.segment = q.segmentId;
    if (q.accountId && q.level === 'ACCOUNT') where.account = q.accountId;
    return paginate(this.ctx.em, PeriodFigure, where, args, { period: 'asc' });
  }
}
