import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { User } from '../organisation/user.entity.js';
import { ClientAccount } from './client-account.entity.js';
import { AccountStatus } from './client.enums.js';
import { clientError } from './client.errors.js';
import type {
  ClientAccountFilter,
  CreateClientAccountInput,
  UpdateClientAccountInput,
} from './client.inputs.js';
import type { ClientAccountOrder } from './client.types.js';
import { Segment } from './segment.entity.js';
import { segmentNotFound } from './segment.service.js';

export const accountNotFound = (message: string, field: string) =>
  clientError('ACCOUNT_NOT_FOUND', message, field);
const ownerNotFound = (message: string, field: string) =>
  clientError('OWNER_NOT_FOUND', message, field);

/** A calendar date that exists (the input pattern alone lets 2025-02-31 through). */
function checkDay(value: string | null | undefined, field: string): void {
  if (value && !new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
    throw clientError('INVALID_DATE', `${field} is not a calendar date: ${value}.`, field);
  }
}

export class AccountService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<ClientAccount | null> {
    return findById(this.ctx.em, ClientAccount, id);
  }

  async list(
    filter: ClientAccountFilter | undefined,
    order: ClientAccountOrder | undefined,
    args: PageArgs,
  ): Promise<Page<ClientAccount>> {
    const where: FilterQuery<ClientAccount> = {};
    if (filter?.search?.trim()) where.name = containsInsensitive(this.ctx.em, filter.search);
    if (filter?.segmentId) where.segment = filter.segmentId;
    if (filter?.ownerId) where.owner = filter.ownerId;
    if (filter?.tiers?.length) where.tier = { $in: filter.tiers };
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    return paginate(
      this.ctx.em,
      ClientAccount,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async create(input: CreateClientAccountInput): Promise<ClientAccount> {
    checkDay(input.clientSince, 'clientSince');
    return this.ctx.em.transactional(async (em) => {
      if (input.externalId) await this.assertExternalIdFree(em, input.externalId);
      const segment = await mustFind(em, Segment, input.segmentId, 'segmentId', segmentNotFound);
      const owner = input.ownerId
        ? await mustFind(em, User, input.ownerId, 'ownerId', ownerNotFound)
        : null;
      const account = em.create(ClientAccount, {
        name: input.name.trim(),
        segment,
        tier: input.tier,
        status: input.status ?? AccountStatus.ACTIVE,
        owner,
        country: input.country ?? null,
        clientSince: input.clientSince ?? null,
        externalId: input.externalId ?? null,
      });
      this.ctx.audit.record(
        em,
        'createClientAccount',
        'ClientAccount',
        account.id,
        null,
        snapshot(account),
      );
      return account;
    });
  }

  async update(id: string, input: UpdateClientAccountInput): Promise<ClientAccount> {
    checkDay(input.clientSince, 'clientSince');
    return this.ctx.em.transactional(async (em) => {
      const account = await mustFind(em, ClientAccount, id, 'id', accountNotFound);
      const before = snapshot(account);
      if (input.externalId !== undefined && input.externalId !== account.externalId) {
        if (input.externalId) await this.assertExternalIdFree(em, input.externalId);
        account.externalId = input.externalId;
      }
      if (input.name != null) account.name = input.name.trim();
      if (input.tier != null) account.tier = input.tier;
      if (input.status != null) account.status = input.status;
      if (input.country !== undefined) account.country = input.country;
      if (input.clientSince !== undefined) account.clientSince = input.clientSince;
      if (input.segmentId != null) {
        account.segment = await mustFind(
          em,
          Segment,
          input.segmentId,
          'segmentId',
          segmentNotFound,
        );
      }
      if (input.ownerId !== undefined) {
        account.owner = input.ownerId
          ? await mustFind(em, User, input.ownerId, 'ownerId', ownerNotFound)
          : null;
      }
      this.ctx.audit.record(
        em,
        'updateClientAccount',
        'ClientAccount',
        account.id,
        before,
        snapshot(account),
      );
      return account;
    });
  }

  private async assertExternalIdFree(em: Em, externalId: string): Promise<void> {
    if (await em.count(ClientAccount, { externalId })) {
      throw clientError(
        'EXTERNAL_ID_TAKEN',
        `Another client account already has externalId "${externalId}".`,
        'externalId',
      );
    }
  }
}
