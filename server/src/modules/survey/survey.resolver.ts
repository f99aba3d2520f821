import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { Segment } from '../client/segment.entity.js';
import { SegmentType, toSegmentType } from '../client/client.types.js';
import { Questionnaire } from './questionnaire.entity.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import {
  CreateQuestionnaireInput,
  CreateSurveyCampaignInput,
  QuestionnaireFilter,
  SurveyCampaignFilter,
  UpdateSurveyCampaignInput,
} from './survey.inputs.js';
import { QuestionnaireService } from './questionnaire.service.js';
import { SurveyCampaignService } from './survey-campaign.service.js';
import {
  QuestionnaireConnection,
  QuestionnaireOrder,
  QuestionnaireType,
  SurveyCampaignConnection,
  SurveyCampaignOrder,
  SurveyCampaignType,
  toQuestionnaireType,
  toSurveyCampaignType,
} from './survey.types.js';

registerNodeType('Questionnaire', async (ctx, id) => {
  const e = await entityById(ctx, Questionnaire).load(id);
  return e ? toQuestionnaireType(e) : null;
});
registerNodeType('SurveyCampaign', async (ctx, id) => {
  const e = await entityById(ctx, SurveyCampaign).load(id);
  return e ? toSurveyCampaignType(e) : null;
});

@Resolver(() => QuestionnaireType)
export class QuestionnaireResolver {
  @Query(() => QuestionnaireType, { nullable: true })
  async questionnaire(
    @IdArg('id', 'Questionnaire') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireType | null> {
    const e = await ctx.service(QuestionnaireService).getQuestionnaire(id);
    return e ? toQuestionnaireType(e) : null;
  }

  @Query(() => QuestionnaireConnection, {
    description: 'Questionnaires by code, newest version first, unless ordered otherwise.',
  })
  async questionnaires(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => QuestionnaireFilter, { nullable: true })
    filter: QuestionnaireFilter | undefined,
    @Arg('orderBy', () => QuestionnaireOrder, { nullable: true })
    orderBy: QuestionnaireOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireConnection> {
    return mapPage(
      await ctx.service(QuestionnaireService).listQuestionnaires(filter, orderBy, args),
      toQuestionnaireType,
    );
  }

  @Mutation(() => QuestionnaireType, {
    description: 'Creates version 1 of a code, or its next version.',
  })
  async createQuestionnaire(
    @Arg('input', () => CreateQuestionnaireInput) input: CreateQuestionnaireInput,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireType> {
    return toQuestionnaireType(await ctx.service(QuestionnaireService).createQuestionnaire(input));
  }
}

@Resolver(() => SurveyCampaignType)
export class SurveyCampaignResolver {
  @Query(() => SurveyCampaignType, { nullable: true })
  async surveyCampaign(
    @IdArg('id', 'SurveyCampaign') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType | null> {
    const e = await ctx.service(SurveyCampaignService).getCampaign(id);
    return e ? toSurveyCampaignType(e) : null;
  }

  @Query(() => SurveyCampaignConnection, {
    description: 'Campaigns, newest first unless ordered otherwise.',
  })
  async surveyCampaigns(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SurveyCampaignFilter, { nullable: true })
    filter: SurveyCampaignFilter | undefined,
    @Arg('orderBy', () => SurveyCampaignOrder, { nullable: true })
    orderBy: SurveyCampaignOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignConnection> {
    return mapPage(
      await ctx.service(SurveyCampaignService).listCampaigns(filter, orderBy, args),
      toSurveyCampaignType,
    );
  }

  @Mutation(() => SurveyCampaignType, { description: 'Creates a campaign in DRAFT.' })
  async createSurveyCampaign(
    @Arg('input', () => CreateSurveyCampaignInput) input: CreateSurveyCampaignInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType> {
    return toSurveyCampaignType(await ctx.service(SurveyCampaignService).createCampaign(input));
  }

  @Mutation(() => SurveyCampaignType, {
    description: 'Partial update; status moves DRAFT → ACTIVE ⇄ PAUSED → FINISHED.',
  })
  async updateSurveyCampaign(
    @IdArg('id', 'SurveyCampaign') id: string,
    @Arg('input', () => UpdateSurveyCampaignInput) input: UpdateSurveyCampaignInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType> {
    return toSurveyCampaignType(await ctx.service(SurveyCampaignService).updateCampaign(id, input));
  }

  @FieldResolver(() => QuestionnaireType)
  async questionnaire(
    @Root() c: SurveyCampaignType,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireType> {
    const q = await requiredById(ctx, Questionnaire, c.questionnaireId);
    return toQuestionnaireType(q);
  }

  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() c: SurveyCampaignType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    if (!c.segmentId) return null;
    const s = await entityById(ctx, Segment).load(c.segmentId);
    return s ? toSegmentType(s) : null;
  }
}
