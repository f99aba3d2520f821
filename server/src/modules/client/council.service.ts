import type { FilterQuery } from '@mikro-orm/core';
import { findById, mustFind, mustFindAll } from '../../db/lookup.js';
import type { Em } from '../../db/orm.js';
import { paginate, type PageArgs, type Page } from '../../db/paginate.js';
import { containsInsensitive } from '../../db/search.js';
import type { DomainContext } from '../../domain/context.js';
import { snapshot } from '../audit/audit.service.js';
import { accountNotFound } from './account.service.js';
import { AdvisoryCouncil } from './advisory-council.entity.js';
import { ClientAccount } from './client-account.entity.js';
import { clientError } from './client.errors.js';
import { CouncilMember } from './council-member.entity.js';
import type {
  AdvisoryCouncilFilter,
  CouncilAccountsInput,
  CreateAdvisoryCouncilInput,
  UpdateAdvisoryCouncilInput,
} from './council.inputs.js';
import type { AdvisoryCouncilOrder } from './council.types.js';

export const councilNotFound = (message: string, field: string) =>
  clientError('COUNCIL_NOT_FOUND', message, field);

/** Advisory councils and the accounts they represent (members: CouncilMemberService). */
export class CouncilService {
  constructor(private readonly ctx: DomainContext) {}

  async get(id: string): Promise<AdvisoryCouncil | null> {
    return findById(this.ctx.em, AdvisoryCouncil, id);
  }

  async list(
    filter: AdvisoryCouncilFilter | undefined,
    order: AdvisoryCouncilOrder | undefined,
    args: PageArgs,
  ): Promise<Page<AdvisoryCouncil>> {
    const where: FilterQuery<AdvisoryCouncil> = {};
    if (filter?.search?.trim()) where.name = containsInsensitive(this.ctx.em, filter.search);
    if (filter?.accountId) where.accounts = { id: filter.accountId };
    return paginate(
      this.ctx.em,
      AdvisoryCouncil,
      where,
      args,
      order ? { [order.field]: order.direction } : { name: 'asc' },
    );
  }

  async create(input: CreateAdvisoryCouncilInput): Promise<AdvisoryCouncil> {
    return this.ctx.em.transactional(async (em) => {
      await this.assertNameFree(em, input.name.trim());
      const accounts = await this.findAccounts(em, input.accountIds ?? []);
      const council = em.create(AdvisoryCouncil, {
        name: input.name.trim(),
        description: input.description ?? null,
      });
      council.accounts.set(accounts);
      this.ctx.audit.record(em, 'createAdvisoryCouncil', 'AdvisoryCouncil', council.id, null, {
        ...snapshot(council),
        accounts: accounts.map((a) => a.id),
      });
      return council;
    });
  }

  async update(id: string, input: UpdateAdvisoryCouncilInput): Promise<AdvisoryCouncil> {
    return this.ctx.em.transactional(async (em) => {
      const council = await mustFind(em, AdvisoryCouncil, id, 'id', councilNotFound);
      const before = snapshot(council);
      const name = input.name?.trim();
      if (name && name !== council.name) {
        await this.assertNameFree(em, name);
        council.name = name;
      }
      if (input.description !== undefined) council.description = input.description;
      this.ctx.audit.record(
        em,
        'updateAdvisoryCouncil',
        'AdvisoryCouncil',
        council.id,
        before,
        snapshot(council),
      );
      return council;
    });
  }

  async addAccounts(input: CouncilAccountsInput): Promise<AdvisoryCouncil> {
    return this.changeAccounts(input, 'addCouncilAccounts', async (_em, council, account) => {
      if (council.accounts.contains(account)) {
        throw clientError(
          'ACCOUNT_ALREADY_ON_COUNCIL',
          `${account.name} is already on the council.`,
          'accountIds',
        );
      }
      council.accounts.add(account);
    });
  }

  /** Refused while contacts of a removed account still sit on the council: remove them first. */
  async removeAccounts(input: CouncilAccountsInput): Promise<AdvisoryCouncil> {
    return this.changeAccounts(input, 'removeCouncilAccounts', async (em, council, account) => {
      if (!council.accounts.contains(account)) {
        throw clientError(
          'ACCOUNT_NOT_ON_COUNCIL',
          `${account.name} is not on the council.`,
          'accountIds',
        );
      }
      const members = await em.count(CouncilMember, {
        council,
        contact: { account },
        endedAt: null,
      });
      if (members > 0) {
        throw clientError(
          'ACCOUNT_HAS_COUNCIL_MEMBERS',
          `${members} contact(s) of ${account.name} still sit on the council; remove them first.`,
          'accountIds',
        );
      }
      council.accounts.remove(account);
    });
  }

  /** Loads the council and accounts, applies `change` to each account, audits the account list. */
  private async changeAccounts(
    input: CouncilAccountsInput,
    action: 'addCouncilAccounts' | 'removeCouncilAccounts',
    change: (em: Em, council: AdvisoryCouncil, account: ClientAccount) => Promise<void>,
  ): Promise<AdvisoryCouncil> {
    return this.ctx.em.transactional(async (em) => {
      const council = await mustFind(
        em,
        AdvisoryCouncil,
        input.councilId,
        'councilId',
        councilNotFound,
      );
      const accounts = await this.findAccounts(em, input.accountIds);
      await council.accounts.init();
      const before = council.accounts.getItems().map((a) => a.id);
      for (const account of accounts) await change(em, council, account);
      const after = council.accounts.getItems().map((a) => a.id);
      this.ctx.audit.record(
        em,
        action,
        'AdvisoryCouncil',
        council.id,
        { accounts: before },
        { accounts: after },
      );
      return council;
    });
  }

  private findAccounts(em: Em, ids: string[]): Promise<ClientAccount[]> {
    return mustFindAll(em, ClientAccount, ids, 'accountIds', accountNotFound);
  }

  private async assertNameFree(em: Em, name: string): Promise<void> {
    if (await em.count(AdvisoryCouncil, { name })) {
      throw clientError(
        'COUNCIL_NAME_TAKEN',
        `An advisory council named "${name}" already exists.`,
        'name',
      );
    }
  }
}
