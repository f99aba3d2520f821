import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { AdvisoryCouncil } from '../client/advisory-council.entity.js';
import { CouncilMember } from '../client/council-member.entity.js';
import {
  AdvisoryCouncilType,
  CouncilMemberType,
  toAdvisoryCouncilType,
  toCouncilMemberType,
} from '../client/council.types.js';
import { CouncilReview } from './council-review.entity.js';
import { CouncilReviewService } from './council-review.service.js';
import { InitiativeCommandService } from './initiative-command.service.js';
import { Initiative } from './initiative.entity.js';
import { InitiativeType, toInitiativeType } from './initiative.types.js';
import { CouncilReviewFilter, DecideCouncilReviewInput } from './task.inputs.js';
import { CouncilReviewConnection, CouncilReviewType, toCouncilReviewType } from './task.types.js';

registerNodeType('CouncilReview', async (ctx, id) => {
  const review = await entityById(ctx, CouncilReview).load(id);
  return review ? toCouncilReviewType(review) : null;
});

@Resolver(() => CouncilReviewType)
export class CouncilReviewResolver {
  @Mutation(() => CouncilReviewType, {
    description:
      'Ask a council whose accounts the client-visible initiative affects to review its current revision.',
  })
  async requestCouncilReview(
    @IdArg('initiativeId', 'Initiative') initiativeId: string,
    @IdArg('councilId', 'AdvisoryCouncil') councilId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilReviewType> {
    return toCouncilReviewType(
      await ctx.service(InitiativeCommandService).requestReview(initiativeId, councilId),
    );
  }

  @Mutation(() => CouncilReviewType, {
    description:
      'Record the decision of a pending review (by a member of that council). CHANGES_REQUESTED (with comments) opens the next revision in IMPLEMENT with the comments as its brief; APPROVED lets the initiative close.',
  })
  async decideCouncilReview(
    @IdArg('id', 'CouncilReview') id: string,
    @Arg('input', () => DecideCouncilReviewInput) input: DecideCouncilReviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilReviewType> {
    return toCouncilReviewType(await ctx.service(InitiativeCommandService).decideReview(id, input));
  }

  @Query(() => CouncilReviewType, { nullable: true })
  async councilReview(
    @IdArg('id', 'CouncilReview') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilReviewType | null> {
    const review = await ctx.service(CouncilReviewService).get(id);
    return review ? toCouncilReviewType(review) : null;
  }

  @Query(() => CouncilReviewConnection, { description: 'Council reviews, newest first.' })
  async councilReviews(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CouncilReviewFilter, { nullable: true })
    filter: CouncilReviewFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilReviewConnection> {
    return mapPage(await ctx.service(CouncilReviewService).list(filter, args), toCouncilReviewType);
  }

  @FieldResolver(() => InitiativeType)
  async initiative(
    @Root() review: CouncilReviewType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    const initiative = await requiredById(ctx, Initiative, review.initiativeId);
    return toInitiativeType(initiative);
  }

  @FieldResolver(() => AdvisoryCouncilType)
  async council(
    @Root() review: CouncilReviewType,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType> {
    const council = await requiredById(ctx, AdvisoryCouncil, review.councilId);
    return toAdvisoryCouncilType(council);
  }

  @FieldResolver(() => CouncilMemberType, { nullable: true })
  async decidedBy(
    @Root() review: CouncilReviewType,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMemberType | null> {
    const member = review.decidedById
      ? await entityById(ctx, CouncilMember).load(review.decidedById)
      : null;
    return member ? toCouncilMemberType(member) : null;
  }
}
