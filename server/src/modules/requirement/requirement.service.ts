import type { FilterQuery } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { fromGlobalId } from '../../graphql/relay.js';
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

export class RequirementService {
  constructor(private readonly ctx: DomainContext) {}

  async get(globalId: string): Promise<SpecialRequirement | null> {
    return this.ctx.em.findOne(SpecialRequirement, {
      id: fromGlobalId(globalId, 'SpecialRequirement'),
    });
  }

  async list(
    filter: SpecialRequirementFilter | undefined,
    order: SpecialRequirementOrder | undefined,
    args: PageArgs,
  ): Promise<Page<SpecialRequirement>> {
    const where: FilterQuery<SpecialRequirement> = {};
    if (filter?.accountId)
      where.account = fromGlobalId(filter.accountId, 'ClientAccount', 'filter.accountId');
    if (filter?.processClassId)
      where.processClass = fromGlobalId(
        filter.processClassId,
        'ProcessClass',
        'filter.processClassId',
      );
    if (filter?.status) where.status = filter.status;
    if (filter?.search?.trim()) where.title = containsInsensitive(this.ctx.em, filter.search);
    const orderBy = order ? { [order.field]: order.direction } : { createdAt: 'desc' as const };
    return paginate(this.ctx.em, SpecialRequirement, where, args, orderBy);
  }

  async create(input: CreateSpecialRequirementInput): Promise<SpecialRequirement> {
    const accountId = fromGlobalId(input.accountId, 'ClientAccount', 'accountId');
    return this.ctx.em.transactional(async (em) => {
      const account = await em.findOne(ClientAccount, { id: accountId });
      if (!account)
        throw requirementError(
          'ACCOUNT_NOT_FOUND',
          `No client account with id ${input.accountId}.`,
          'accountId',
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

  async update(
    globalId: string,
    input: UpdateSpecialRequirementInput,
  ): Promise<SpecialRequirement> {
    const id = fromGlobalId(globalId, 'SpecialRequirement');
    return this.ctx.em.transactional(async (em) => {
      const r = await this.mustFind(em, id, globalId);
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
  async delete(globalId: string): Promise<string> {
    const id = fromGlobalId(globalId, 'SpecialRequirement');
    return this.ctx.em.transactional(async (em) => {
      const r = await this.mustFind(em, id, globalId);
      this.ctx.audit.record(
        em,
        'deleteSpecialRequirement',
        'SpecialRequirement',
        r.id,
        snapshot(r),
        null,
      );
      em.remove(r);
      return globalId;
    });
  }

  private async mustFind(em: Em, id: string, globalId: string): Promise<SpecialRequirement> {
    const r = await em.findOne(SpecialRequirement, { id });
    if (!r)
      throw requirementError(
        'REQUIREMENT_NOT_FOUND',
        `No special requirement with id ${globalId}.`,
        'id',
      );
    return r;
  }

  private async processClass(em: Em, globalId: string): Promise<ProcessClass> {
    const found = await em.findOne(ProcessClass, {
      id: fromGlobalId(globalId, 'ProcessClass', 'processClassId'),
    });
    if (!found)
      throw requirementError(
        'PROCESS_CLASS_NOT_FOUND',
        `No process class with id ${globalId}.`,
        'processClassId',
      );
    return found;
  }
}
