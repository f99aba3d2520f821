import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from './client-account.entity.js';
import { clientError } from './client.errors.js';
import type { CreateSegmentInput, SegmentFilter, UpdateSegmentInput } from './client.inputs.js';
import type { SegmentOrder } from './client.types.js';
import { Segment } from './segment.entity.js';

export const segmentNotFound = (message: string, field: string) =>
  clientError('SEGMENT_NOT_FOUND', message, field);

export class SegmentService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<Segment | null> {
    return findById(this.ctx.em, Segment, id);
  }

  async list(
    filter: SegmentFilter | undefined,
    order: SegmentOrder | undefined,
    args: PageArgs,
  ): Promise<Page<Segment>> {
    const where: FilterQuery<Segment> = {};
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ name: like }, { code: like }, { industry: like }];
    }
    if (filter?.sizes?.length) where.size = { $in: filter.sizes };
    return paginate(
      this.ctx.em,
      Segment,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async create(input: CreateSegmentInput): Promise<Segment> {
    return this.ctx.em.transactional(async (em) => {
      await this.assertCodeFree(em, input.code);
      const segment = em.create(Segment, {
        code: input.code,
        name: input.name.trim(),
        industry: input.industry.trim(),
        size: input.size,
        description: input.description ?? null,
      });
      this.ctx.audit.record(em, 'createSegment', 'Segment', segment.id, null, snapshot(segment));
      return segment;
    });
  }

  async update(id: string, input: UpdateSegmentInput): Promise<Segment> {
    return this.ctx.em.transactional(async (em) => {
      const segment = await mustFind(em, Segment, id, 'id', segmentNotFound);
      const before = snapshot(segment);
      if (input.code != null && input.code !== segment.code) {
        await this.assertCodeFree(em, input.code);
        segment.code = input.code;
      }
      if (input.name != null) segment.name = input.name.trim();
      if (input.industry != null) segment.industry = input.industry.trim();
      if (input.size != null) segment.size = input.size;
      if (input.description !== undefined) segment.description = input.description;
      this.ctx.audit.record(em, 'updateSegment', 'Segment', segment.id, before, snapshot(segment));
      return segment;
    });
  }

  /** Only an unused segment can go; accounts keep their segment for history. */
  async delete(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const segment = await mustFind(em, Segment, id, 'id', segmentNotFound);
      const accounts = await em.count(ClientAccount, { segment });
      if (accounts > 0) {
        throw clientError(
          'SEGMENT_IN_USE',
          `The segment still has ${accounts} client account(s); move them first.`,
          'id',
        );
      }
      this.ctx.audit.record(em, 'deleteSegment', 'Segment', segment.id, snapshot(segment), null);
      em.remove(segment);
      return id;
    });
  }

  private async assertCodeFree(em: Em, code: string): Promise<void> {
    if (await em.count(Segment, { code })) {
      throw clientError(
        'SEGMENT_CODE_TAKEN',
        `A segment with code "${code}" already exists.`,
        'code',
      );
    }
  }
}
