import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { ClientAccountType, toClientAccountType } from '../client/client.types.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ProcessClassType, toProcessClassType } from '../journey/journey.types.js';
import { User } from '../organisation/user.entity.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { SpecialRequirement } from './special-requirement.entity.js';
import {
  CreateSpecialRequirementInput,
  SpecialRequirementFilter,
  UpdateSpecialRequirementInput,
} from './requirement.inputs.js';
import { RequirementService } from './requirement.service.js';
import {
  SpecialRequirementConnection,
  SpecialRequirementOrder,
  SpecialRequirementType,
  toSpecialRequirementType,
} from './requirement.types.js';

registerNodeType('SpecialRequirement', async (ctx, id) => {
  const e = await entityById(ctx, SpecialRequirement).load(id);
  return e ? toSpecialRequirementType(e) : null;
});

@Resolver(() => SpecialRequirementType)
export class SpecialRequirementResolver {
  @Query(() => SpecialRequirementType, { nullable: true })
  async specialRequirement(
    @IdArg('id', 'SpecialRequirement') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SpecialRequirementType | null> {
    const e = await ctx.service(RequirementService).get(id);
    return e ? toSpecialRequirementType(e) : null;
  }

  @Query(() => SpecialRequirementConnection, {
    description: 'Special requirements, newest first unless ordered otherwise.',
  })
  async specialRequirements(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SpecialRequirementFilter, { nullable: true })
    filter: SpecialRequirementFilter | undefined,
    @Arg('orderBy', () => SpecialRequirementOrder, { nullable: true })
    orderBy: SpecialRequirementOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SpecialRequirementConnection> {
    return mapPage(
      await ctx.service(RequirementService).list(filter, orderBy, args),
      toSpecialRequirementType,
    );
  }

  @Mutation(() => SpecialRequirementType)
  async createSpecialRequirement(
    @Arg('input', () => CreateSpecialRequirementInput) input: CreateSpecialRequirementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SpecialRequirementType> {
    return toSpecialRequirementType(await ctx.service(RequirementService).create(input));
  }

  @Mutation(() => SpecialRequirementType)
  async updateSpecialRequirement(
    @IdArg('id', 'SpecialRequirement') id: string,
    @Arg('input', () => UpdateSpecialRequirementInput) input: UpdateSpecialRequirementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SpecialRequirementType> {
    return toSpecialRequirementType(await ctx.service(RequirementService).update(id, input));
  }

  @Mutation(() => ID)
  async deleteSpecialRequirement(
    @IdArg('id', 'SpecialRequirement') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('SpecialRequirement', await ctx.service(RequirementService).delete(id));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() r: SpecialRequirementType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    const a = await requiredById(ctx, ClientAccount, r.accountId);
    return toClientAccountType(a);
  }

  @FieldResolver(() => ProcessClassType)
  async processClass(
    @Root() r: SpecialRequirementType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType> {
    const p = await requiredById(ctx, ProcessClass, r.processClassId);
    return toProcessClassType(p);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who captured it, when known.' })
  async capturedBy(
    @Root() r: SpecialRequirementType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    if (!r.capturedById) return null;
    const u = await entityById(ctx, User).load(r.capturedById);
    return u ? toUserType(u) : null;
  }
}
