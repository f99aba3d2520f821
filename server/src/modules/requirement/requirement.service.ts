import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, type NotFound } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { User } from '../organisation/user.entity.js';
import { SpecialRequirement } from './special-requirement.entity.js';
import { requirementError } from './requirement.errors.js';
import type {
  CreateSpecialRequirementInput,
  SpecialRequirementFilter,
  UpdateSpecialRequirementInput,
} from './requirement.inputs.js';
import type { SpecialRequirementOrder } from './requirement.types.js';

const notFound =
  (reason: 'ACCOUNT_NOT_FOUND' | 'PROCESS_CLASS_NOT_FOUND' | 'REQUIREMENT_NOT_FOUND'): NotFound =>
  (message, field) =>
    requirementError(reason, message, field);

export class RequirementService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<SpecialRequirement | null> {
    return findById(this.ctx.em, SpecialRequirement, id);
  }

  async list(
    filter: SpecialRequirementFilter | undefined,
    order: SpecialRequirementOrder | undefined,
    args: PageArgs,
  ): Promise<Page<SpecialRequirement>> {
    const where: FilterQuery<SpecialRequirement> = {};
    if (filter?.accountId) where.account = filter.accountId;
    if (filter?.processClassId) where.processClass = filter.processClassId;
    if (filter?.status) where.status = filter.status;
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, SpecialRequirement, where, args, orderBy);
  }

  async create(input: CreateSpecialRequirementInput): Promise<SpecialRequirement> {
    return this.ctx.em.transactional(async (em) => {
      const account = await mustFind(
        em,
        ClientAccount,
        input.accountId,
        'accountId',
        notFound('ACCOUNT_NOT_FOUND'),
      );
      const processClass = await this.processClass(em, input.processClassId);
      const userId = this.ctx.viewer.userId;
      const requirement = em.create(SpecialRequirement, {
        account,
        processClass,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        capturedBy: userId ? em.getReference(User, userId) : null,
      });
      this.ctx.audit.record(
        em,
        'createSpecialRequirement',
        'SpecialRequirement',
        requirement.id,
        null,
        snapshot(requirement),
      );
      return requirement;
    });
  }

  async update(id: string, input: UpdateSpecialRequirementInput): Promise<SpecialRequirement> {
    return this.ctx.em.transactional(async (em) => {
      const r = await this.find(em, id);
      const before = snapshot(r);
      if (input.processClassId != null)
        r.processClass = await this.processClass(em, input.processClassId);
      if (input.title != null) r.title = input.title.trim();
      if (input.description !== undefined) r.description = input.description?.trim() || null;
      if (input.status != null) r.status = input.status;
      this.ctx.audit.record(
        em,
        'updateSpecialRequirement',
        'SpecialRequirement',
        r.id,
        before,
        snapshot(r),
      );
      return r;
    });
  }

  /** Nothing references a requirement, so it can go; retiring (status RETIRED) keeps history. */
  async delete(id: string): Promise<string> {
    return this.ctx.em.transactional(async (em) => {
      const r = await this.find(em, id);
      this.ctx.audit.record(
        em,
        'deleteSpecialRequirement',
        'SpecialRequirement',
        r.id,
        snapshot(r),
        null,
      );
      em.remove(r);
      return id;
    });
  }

  private find(em: Em, id: string): Promise<SpecialRequirement> {
    return mustFind(em, SpecialRequirement, id, 'id', notFound('REQUIREMENT_NOT_FOUND'));
  }

  private processClass(em: Em, id: string): Promise<ProcessClass> {
    return mustFind(em, ProcessClass, id, 'processClassId', notFound('PROCESS_CLASS_NOT_FOUND'));
  }
}
