import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { InitiativeTarget } from './initiative-target.entity.js';
import { InitiativeCommandService } from './initiative-command.service.js';
import { InitiativeTargetService } from './initiative-targets.service.js';
import { Initiative } from './initiative.entity.js';
import {
  CreateInitiativeInput,
  InitiativeFilter,
  InitiativeTargetInput,
  UpdateInitiativeInput,
} from './initiative.inputs.js';
import { InitiativeService } from './initiative.service.js';
import {
  InitiativeConnection,
  InitiativeOrder,
  InitiativeType,
  toInitiativeTargetType,
  toInitiativeType,
} from './initiative.types.js';

registerNodeType('Initiative', async (ctx, id) => {
  const initiative = await entityById(ctx, Initiative).load(id);
  return initiative ? toInitiativeType(initiative) : null;
});
registerNodeType('InitiativeTarget', async (ctx, id) => {
  const target = await entityById(ctx, InitiativeTarget).load(id);
  return target ? toInitiativeTargetType(target) : null;
});

@Resolver(() => InitiativeType)
export class InitiativeResolver {
  @Mutation(() => InitiativeType, {
    description: 'Open an initiative; it gets the next code (INI-0001, …).',
  })
  async createInitiative(
    @Arg('input', () => CreateInitiativeInput) input: CreateInitiativeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return toInitiativeType(await ctx.service(InitiativeService).create(input));
  }

  @Mutation(() => InitiativeType, {
    description:
      'Change the given fields; absent fields stay as they are. Goes through the initiative’s workflow (a new owner is told in their inbox).',
  })
  async updateInitiative(
    @IdArg('id', 'Initiative') id: string,
    @Arg('input', () => UpdateInitiativeInput) input: UpdateInitiativeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    const { dueAt, ...rest } = input;
    const changes = {
      ...rest,
      ...(dueAt !== undefined ? { dueAt: dueAt?.toISOString() ?? null } : {}),
    };
    return toInitiativeType(await ctx.service(InitiativeCommandService).run(id, 'edit', changes));
  }

  @Mutation(() => InitiativeType, {
    description: "Replace the initiative's metric targets with the given set.",
  })
  async setInitiativeTargets(
    @IdArg('initiativeId', 'Initiative') initiativeId: string,
    @Arg('targets', () => [InitiativeTargetInput]) targets: InitiativeTargetInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return toInitiativeType(
      await ctx.service(InitiativeTargetService).setTargets(initiativeId, targets),
    );
  }

  @Query(() => InitiativeType, { nullable: true })
  async initiative(
    @IdArg('id', 'Initiative') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType | null> {
    const initiative = await ctx.service(InitiativeService).get(id);
    return initiative ? toInitiativeType(initiative) : null;
  }

  @Query(() => InitiativeConnection, {
    description: 'Initiatives, newest first unless ordered otherwise.',
  })
  async initiatives(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InitiativeFilter, { nullable: true }) filter: InitiativeFilter | undefined,
    @Arg('orderBy', () => InitiativeOrder, { nullable: true }) orderBy: InitiativeOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeConnection> {
    return mapPage(
      await ctx.service(InitiativeService).list(filter, orderBy, args),
      toInitiativeType,
    );
  }
}
