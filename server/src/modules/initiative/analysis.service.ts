import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { User } from '../organisation/user.entity.js';
import { Analysis } from './analysis.entity.js';
import { initiativeError, initiativeNotFound } from './initiative.errors.js';
import type {
  AnalysisFilter,
  CreateAnalysisInput,
  UpdateAnalysisInput,
} from './initiative.inputs.js';
import type { AnalysisOrder } from './initiative.types.js';

export class AnalysisService {
  constructor(private readonly ctx: DomainContext) {}

  async create(input: CreateAnalysisInput): Promise<Analysis> {
    assertPeriodOrder(input.periodFrom, input.periodTo);
    return this.ctx.em.transactional(async (em) => {
      const createdBy = input.createdById
        ? await mustFind(
            em,
            User,
            input.createdById,
            'createdById',
            initiativeNotFound('USER_NOT_FOUND'),
          )
        : null;
      const analysis = em.create(Analysis, {
        kind: input.kind,
        title: input.title.trim(),
        periodFrom: input.periodFrom ?? null,
        periodTo: input.periodTo ?? null,
        summary: input.summary?.trim() || null,
        result: input.result ?? null,
        createdBy,
      });
      this.ctx.audit.record(
        em,
        'createAnalysis',
        'Analysis',
        analysis.id,
        null,
        snapshot(analysis),
      );
      return analysis;
    });
  }

  /**
   * Changes what describes the analysis. `result` is not among them: it is the snapshot
   * initiatives were decided on, so a different result is a new analysis.
   */
  async update(id: string, input: UpdateAnalysisInput): Promise<Analysis> {
    return this.ctx.em.transactional(async (em) => {
      const analysis = await mustFind(
        em,
        Analysis,
        id,
        'id',
        initiativeNotFound('ANALYSIS_NOT_FOUND'),
      );
      const before = snapshot(analysis);
      if (input.title != null) analysis.title = input.title.trim();
      if (input.summary !== undefined) analysis.summary = input.summary?.trim() || null;
      if (input.periodFrom !== undefined) analysis.periodFrom = input.periodFrom;
      if (input.periodTo !== undefined) analysis.periodTo = input.periodTo;
      // Checked on the resulting period, so moving one end alone cannot invert it.
      assertPeriodOrder(analysis.periodFrom, analysis.periodTo);
      this.ctx.audit.record(
        em,
        'updateAnalysis',
        'Analysis',
        analysis.id,
        before,
        snapshot(analysis),
      );
      return analysis;
    });
  }

  async get(id: string): Promise<Analysis | null> {
    return findById(this.ctx.em, Analysis, id);
  }

  async list(
    filter: AnalysisFilter | undefined,
    order: AnalysisOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Analysis>> {
    const where: FilterQuery<Analysis> = {};
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, Analysis, where, args, orderBy);
  }
}

/** A period, when both ends are given, must not end before it starts. */
function assertPeriodOrder(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) {
    throw initiativeError(
      'INVALID_PERIOD',
      `The period starts (${from}) after it ends (${to}).`,
      'periodTo',
    );
  }
}
