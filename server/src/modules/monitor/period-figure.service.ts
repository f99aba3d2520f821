import type { FilterQuery } from '@mikro-orm/core';
import { paginate, type Page, type PageArgs } from '../../db/paginate.js';
import type { DomainContext } from '../../domain/context.js';
import { monitorError } from './monitor.errors.js';
import { PeriodFigure } from './period-figure.entity.js';
import { PeriodMetricFigure } from './period-metric-figure.entity.js';

export interface PeriodFigureQuery {
  level: 'ACCOUNT' | 'SEGMENT' | 'COMPANY';
  periodFrom: string;
  periodTo: string;
  accountId?: string | null;
  segmentId?: string | null;
}

export interface PeriodMetricFigureQuery extends PeriodFigureQuery {
  metricIds?: string[] | null;
}

/** The monitor's read model, for lists and dashboards: rows as the last run computed them. */
export class PeriodFigureService {
  constructor(private readonly ctx: DomainContext) {}

  /** Oldest month first, then by row. */
  async list(q: PeriodFigureQuery, args: PageArgs): Promise<Page<PeriodFigure>> {
    const where = scopeOf(q) as FilterQuery<PeriodFigure>;
    return paginate(this.ctx.em, PeriodFigure, where, args, { period: 'asc' });
  }

  /** The computable metrics' figures, oldest month first, then by row. */
  async listMetrics(q: PeriodMetricFigureQuery, args: PageArgs): Promise<Page<PeriodMetricFigure>> {
    const where = scopeOf(q);
    if (q.metricIds) where.metric = { $in: q.metricIds };
    return paginate(
      this.ctx.em,
      PeriodMetricFigure,
      where as FilterQuery<PeriodMetricFigure>,
      args,
      {
        period: 'asc',
      },
    );
  }
}

/** Level, months, segment and account of a read-model query, checked. */
function scopeOf(q: PeriodFigureQuery): Record<string, unknown> {
  if (q.periodFrom > q.periodTo) {
    throw monitorError(
      'INVALID_PERIOD',
      `The period starts (${q.periodFrom}) after it ends (${q.periodTo}).`,
      'periodTo',
    );
  }
  const where: Record<string, unknown> = {
    period: { $gte: q.periodFrom, $lte: q.periodTo },
    account: q.level === 'ACCOUNT' ? { $ne: null } : null,
  };
  if (q.level === 'COMPANY') where.segment = null;
  else if (q.level === 'SEGMENT') where.segment = { $ne: null };
  // The company row has no segment or account: those filters narrow the other levels only.
  if (q.segmentId && q.level !== 'COMPANY') where.segment = q.segmentId;
  if (q.accountId && q.level === 'ACCOUNT') where.account = q.accountId;
  return where;
}
