import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { countOf, entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { ClientAccount } from './client-account.entity.js';
import { CreateSegmentInput, SegmentFilter, UpdateSegmentInput } from './client.inputs.js';
import { SegmentConnection, SegmentOrder, SegmentType, toSegmentType } from './client.types.js';
import { Segment } from './segment.entity.js';
import { SegmentService } from './segment.service.js';

registerNodeType('Segment', async (ctx, id) => {
  const row = await entityById(ctx, Segment).load(id);
  return row ? toSegmentType(row) : null;
});

@Resolver(() => SegmentType)
export class SegmentResolver {
  @Query(() => SegmentType, { nullable: true })
  async segment(
    @IdArg('id', 'Segment') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    const row = await ctx.service(SegmentService).get(id);
    return row ? toSegmentType(row) : null;
  }

  @Query(() => SegmentConnection, {
    description: 'Client segments, by name unless ordered otherwise.',
  })
  async segments(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SegmentFilter, { nullable: true }) filter: SegmentFilter | undefined,
    @Arg('orderBy', () => SegmentOrder, { nullable: true }) orderBy: SegmentOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentConnection> {
    return mapPage(await ctx.service(SegmentService).list(filter, orderBy, args), toSegmentType);
  }

  @Mutation(() => SegmentType)
  async createSegment(
    @Arg('input', () => CreateSegmentInput) input: CreateSegmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    return toSegmentType(await ctx.service(SegmentService).create(input));
  }

  @Mutation(() => SegmentType)
  async updateSegment(
    @IdArg('id', 'Segment') id: string,
    @Arg('input', () => UpdateSegmentInput) input: UpdateSegmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    return toSegmentType(await ctx.service(SegmentService).update(id, input));
  }

  @Mutation(() => ID, {
    description: 'Deletes a segment no account belongs to; CONFLICT otherwise.',
  })
  async deleteSegment(
    @IdArg('id', 'Segment') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('Segment', await ctx.service(SegmentService).delete(id));
  }

  @FieldResolver(() => Int, {
    description:
      'Client accounts in the segment (list them with clientAccounts(filter: { segmentId })).',
  })
  async accountCount(@Root() segment: SegmentType, @Ctx() ctx: RequestContext): Promise<number> {
    return countOf(ctx, ClientAccount, 'segment').load(segment.dbId);
  }
}
