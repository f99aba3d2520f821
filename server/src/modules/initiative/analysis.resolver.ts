import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { User } from '../organisation/user.entity.js';
import { Analysis } from './analysis.entity.js';
import { AnalysisService } from './analysis.service.js';
import { AnalysisFilter, CreateAnalysisInput, UpdateAnalysisInput } from './initiative.inputs.js';
import {
  AnalysisConnection,
  AnalysisOrder,
  AnalysisType,
  toAnalysisType,
} from './initiative.types.js';

registerNodeType('Analysis', async (ctx, id) => {
  const analysis = await entityById(ctx, Analysis).load(id);
  return analysis ? toAnalysisType(analysis) : null;
});

@Resolver(() => AnalysisType)
export class AnalysisResolver {
  @Mutation(() => AnalysisType, {
    description: 'Record an analysis (Pareto, root cause, screening) and its result.',
  })
  async createAnalysis(
    @Arg('input', () => CreateAnalysisInput) input: CreateAnalysisInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisType> {
    return toAnalysisType(await ctx.service(AnalysisService).create(input));
  }

  @Mutation(() => AnalysisType, {
    description:
      "Changes an analysis's title, summary or period; only the fields given change. The kind and computed result stay as recorded: the result is a snapshot initiatives were decided on, so record a new analysis for a new result.",
  })
  async updateAnalysis(
    @IdArg('id', 'Analysis') id: string,
    @Arg('input', () => UpdateAnalysisInput) input: UpdateAnalysisInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisType> {
    return toAnalysisType(await ctx.service(AnalysisService).update(id, input));
  }

  @Query(() => AnalysisType, { nullable: true })
  async analysis(
    @IdArg('id', 'Analysis') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisType | null> {
    const analysis = await ctx.service(AnalysisService).get(id);
    return analysis ? toAnalysisType(analysis) : null;
  }

  @Query(() => AnalysisConnection, {
    description: 'Analyses, newest first unless ordered otherwise.',
  })
  async analyses(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AnalysisFilter, { nullable: true }) filter: AnalysisFilter | undefined,
    @Arg('orderBy', () => AnalysisOrder, { nullable: true }) orderBy: AnalysisOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AnalysisConnection> {
    return mapPage(await ctx.service(AnalysisService).list(filter, orderBy, args), toAnalysisType);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async createdBy(
    @Root() analysis: AnalysisType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    if (!analysis.createdById) return null;
    const user = await entityById(ctx, User).load(analysis.createdById);
    return user ? toUserType(user) : null;
  }
}
