import type { FilterQuery } from '@mikro-orm/core';
import { paginate } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { RequestContext } from '../../graphql/context.js';
import { fromGlobalId, type ConnectionArgs, type Page } from '../../graphql/relay.js';
import { AuditService, snapshot } from '../audit/audit.service.js';
import { User } from '../organisation/user.entity.js';
import { Analysis } from './analysis.entity.js';
import { initiativeError } from './initiative.errors.js';
import type { AnalysisFilter, CreateAnalysisInput } from './initiative.inputs.js';
import { mustFind } from './initiative.refs.js';
import type { AnalysisOrder } from './initiative.types.js';

export class AnalysisService {
  constructor(private readonly ctx: RequestContext) {}

  async create(input: CreateAnalysisInput): Promise<Analysis> {
    if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) {
      throw initiativeError(
        'INVALID_PERIOD',
        `The period starts (${input.periodFrom}) after it ends (${input.periodTo}).`,
        'periodTo',
      );
    }
    return this.ctx.em.transactional(async (em) => {
      const createdBy = input.createdById
        ? await mustFind(
            em,
            User,
            input.createdById,
            'User',
            'createdById',
            'USER_NOT_FOUND',
            'user',
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
      this.ctx
        .service(AuditService)
        .record(em, 'createAnalysis', 'Analysis', analysis.id, null, snapshot(analysis));
      return analysis;
    });
  }

  async get(globalId: string): Promise<Analysis | null> {
    return this.ctx.em.findOne(Analysis, { id: fromGlobalId(globalId, 'Analysis') });
  }

  async list(
    filter: AnalysisFilter | undefined,
    order: AnalysisOrder | undefined,
    args: ConnectionArgs,
  ): Promise<Page<Analysis>> {
    const where: FilterQuery<Analysis> = {};
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, Analysis, where, args, orderBy);
  }
}
