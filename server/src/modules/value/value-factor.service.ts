import { type FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ValueFactor } from './value-factor.entity.js';
import { valueError } from './value.errors.js';
import {
  type CreateValueFactorInput,
  type UpdateValueFactorInput,
  type ValueFactorFilter,
} from './value.inputs.js';
import type { ValueFactorOrder } from './value.types.js';

/** The catalogue of value factors. */
export class ValueFactorService {
  constructor(private readonly ctx: DomainContext) {}

  async getFactor(id: string): Promise<ValueFactor | null> {
    return findById(this.ctx.em, ValueFactor, id);
  }

  async listFactors(
    filter: ValueFactorFilter | undefined,
    order: ValueFactorOrder | undefined,
    args: PageArgs,
  ): Promise<Page<ValueFactor>> {
    const where: FilterQuery<ValueFactor> = {};
    if (filter?.tiers?.length) where.tier = { $in: filter.tiers };
    if (filter?.subgroup) where.subgroup = filter.subgroup;
    if (filter?.search?.trim()) {
      const like = containsInsensitive(this.ctx.em, filter.search);
      where.$or = [{ code: like }, { name: like }, { nameRu: like }];
    }
    const orderBy = order ? { [order.field]: order.direction } : { sortOrder: 'asc' as const };
    return paginate(this.ctx.em, ValueFactor, where, args, orderBy);
  }

  async createFactor(input: CreateValueFactorInput): Promise<ValueFactor> {
    return this.ctx.em.transactional(async (em) => {
      if (await em.count(ValueFactor, { code: input.code })) {
        throw valueError(
          'FACTOR_CODE_TAKEN',
          `A value factor with code "${input.code}" already exists.`,
          'code',
        );
      }
      const factor = em.create(ValueFactor, {
        code: input.code,
        name: input.name.trim(),
        nameRu: input.nameRu?.trim() ?? null,
        tier: input.tier,
        subgroup: input.subgroup ?? null,
        description: input.description ?? null,
        sortOrder: input.sortOrder ?? 0,
      });
      this.ctx.audit.record(
        em,
        'createValueFactor',
        'ValueFactor',
        factor.id,
        null,
        snapshot(factor),
      );
      return factor;
    });
  }

  async updateFactor(id: string, input: UpdateValueFactorInput): Promise<ValueFactor> {
    return this.ctx.em.transactional(async (em) => {
      const factor = await mustFind(em, ValueFactor, id, 'id', (message, field) =>
        valueError('FACTOR_NOT_FOUND', message, field),
      );
      const before = snapshot(factor);
      if (input.name != null) factor.name = input.name.trim();
      if (input.nameRu !== undefined) factor.nameRu = input.nameRu?.trim() ?? null;
      if (input.tier != null) factor.tier = input.tier;
      if (input.subgroup !== undefined) factor.subgroup = input.subgroup;
      if (input.description !== undefined) factor.description = input.description;
      if (input.sortOrder != null) factor.sortOrder = input.sortOrder;
      this.ctx.audit.record(
        em,
        'updateValueFactor',
        'ValueFactor',
        factor.id,
        before,
        snapshot(factor),
      );
      return factor;
    });
  }
}
