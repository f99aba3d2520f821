import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById, manyToManyOf, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { AdvisoryCouncil } from './advisory-council.entity.js';
import type { ClientAccount } from './client-account.entity.js';
import {
  ClientAccountType,
  ContactType,
  toClientAccountType,
  toContactType,
} from './client.types.js';
import { Contact } from './contact.entity.js';
import { CouncilMember } from './council-member.entity.js';
import {
  AddCouncilMemberInput,
  AdvisoryCouncilFilter,
  CouncilAccountsInput,
  CreateAdvisoryCouncilInput,
  UpdateAdvisoryCouncilInput,
  UpdateCouncilMemberInput,
} from './council.inputs.js';
import { CouncilMemberService } from './council-member.service.js';
import { CouncilService } from './council.service.js';
import {
  AdvisoryCouncilConnection,
  AdvisoryCouncilOrder,
  AdvisoryCouncilType,
  CouncilMemberType,
  toAdvisoryCouncilType,
  toCouncilMemberType,
} from './council.types.js';

registerNodeType('AdvisoryCouncil', async (ctx, id) => {
  const row = await entityById(ctx, AdvisoryCouncil).load(id);
  return row ? toAdvisoryCouncilType(row) : null;
});
registerNodeType('CouncilMember', async (ctx, id) => {
  const row = await entityById(ctx, CouncilMember).load(id);
  return row ? toCouncilMemberType(row) : null;
});

@Resolver(() => AdvisoryCouncilType)
export class AdvisoryCouncilResolver {
  @Query(() => AdvisoryCouncilType, { nullable: true })
  async advisoryCouncil(
    @IdArg('id', 'AdvisoryCouncil') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType | null> {
    const row = await ctx.service(CouncilService).get(id);
    return row ? toAdvisoryCouncilType(row) : null;
  }

  @Query(() => AdvisoryCouncilConnection, {
    description: 'Advisory councils, by name unless ordered otherwise.',
  })
  async advisoryCouncils(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AdvisoryCouncilFilter, { nullable: true })
    filter: AdvisoryCouncilFilter | undefined,
    @Arg('orderBy', () => AdvisoryCouncilOrder, { nullable: true })
    orderBy: AdvisoryCouncilOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilConnection> {
    return mapPage(
      await ctx.service(CouncilService).list(filter, orderBy, args),
      toAdvisoryCouncilType,
    );
  }

  @Mutation(() => AdvisoryCouncilType)
  async createAdvisoryCouncil(
    @Arg('input', () => CreateAdvisoryCouncilInput) input: CreateAdvisoryCouncilInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    return toAdvisoryCouncilType(await ctx.service(CouncilService).create(input));
  }

  @Mutation(() => AdvisoryCouncilType)
  async updateAdvisoryCouncil(
    @IdArg('id', 'AdvisoryCouncil') id: string,
    @Arg('input', () => UpdateAdvisoryCouncilInput) input: UpdateAdvisoryCouncilInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    return toAdvisoryCouncilType(await ctx.service(CouncilService).update(id, input));
  }

  @Mutation(() => AdvisoryCouncilType, {
    description: 'Puts accounts on the council; CONFLICT if one already is.',
  })
  async addCouncilAccounts(
    @Arg('input', () => CouncilAccountsInput) input: CouncilAccountsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    return toAdvisoryCouncilType(await ctx.service(CouncilService).addAccounts(input));
  }

  @Mutation(() => AdvisoryCouncilType, {
    description: 'Takes accounts off the council; refused while their contacts are members.',
  })
  async removeCouncilAccounts(
    @Arg('input', () => CouncilAccountsInput) input: CouncilAccountsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    return toAdvisoryCouncilType(await ctx.service(CouncilService).removeAccounts(input));
  }

  @FieldResolver(() => [ClientAccountType], { description: 'Accounts represented, by name.' })
  async accounts(
    @Root() council: AdvisoryCouncilType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType[]> {
    const rows = await manyToManyOf<ClientAccount>(ctx, AdvisoryCouncil, 'accounts', {
      orderBy: { name: 'asc' },
    }).load(council.dbId);
    return rows.map(toClientAccountType);
  }

  @FieldResolver(() => [CouncilMemberType], {
    description: 'Members sitting now, in the order they joined (ended seats are left out).',
  })
  async members(
    @Root() council: AdvisoryCouncilType,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMemberType[]> {
    const rows = await childrenOf(ctx, CouncilMember, {
      parentProperty: 'council',
      orderBy: { createdAt: 'asc' },
    }).load(council.dbId);
    return rows.filter((m) => !m.endedAt).map(toCouncilMemberType);
  }
}

@Resolver(() => CouncilMemberType)
export class CouncilMemberResolver {
  @Mutation(() => CouncilMemberType, {
    description:
      "Seats a contact of one of the council's accounts. A council has at most one CHAIR: seating a second is CONFLICT.",
  })
  async addCouncilMember(
    @Arg('input', () => AddCouncilMemberInput) input: AddCouncilMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMemberType> {
    return toCouncilMemberType(await ctx.service(CouncilMemberService).add(input));
  }

  @Mutation(() => CouncilMemberType, {
    description:
      "Changes a member's role. A council has at most one CHAIR: making a member CHAIR while another chairs is CONFLICT (naming the chair), so a handover is explicit — make the chair a MEMBER first.",
  })
  async updateCouncilMember(
    @IdArg('id', 'CouncilMember') id: string,
    @Arg('input', () => UpdateCouncilMemberInput) input: UpdateCouncilMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMemberType> {
    return toCouncilMemberType(await ctx.service(CouncilMemberService).update(id, input));
  }

  @Mutation(() => ID, { description: 'Removes a member; returns its id.' })
  async removeCouncilMember(
    @IdArg('id', 'CouncilMember') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('CouncilMember', await ctx.service(CouncilMemberService).remove(id));
  }

  @FieldResolver(() => ContactType)
  async contact(
    @Root() member: CouncilMemberType,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType> {
    const row = await requiredById(ctx, Contact, member.contactId);
    return toContactType(row);
  }

  @FieldResolver(() => AdvisoryCouncilType)
  async council(
    @Root() member: CouncilMemberType,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    const row = await requiredById(ctx, AdvisoryCouncil, member.councilId);
    return toAdvisoryCouncilType(row);
  }
}
