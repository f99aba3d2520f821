import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { childrenOf, entityById } from '../../graphql/loaders.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType } from '../feedback/feedback.types.js';
import { SurveyInvitationType, toSurveyInvitationType } from './survey-dispatch.types.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyCampaignType, toSurveyCampaignType } from './survey.types.js';

/** What a feedback item answers: the survey module's fields on FeedbackItem (batched). */
@Resolver(() => FeedbackItemType)
export class FeedbackSurveyFieldsResolver {
  @FieldResolver(() => SurveyCampaignType, {
    nullable: true,
    description: 'The survey campaign the item answers.',
  })
  async campaign(
    @Root() f: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType | null> {
    const item = await entityById(ctx, FeedbackItem).load(f.dbId);
    const id = item?.campaign?.id;
    const campaign = id ? await entityById(ctx, SurveyCampaign).load(id) : null;
    return campaign ? toSurveyCampaignType(campaign) : null;
  }

  @FieldResolver(() => SurveyInvitationType, {
    nullable: true,
    description: 'The survey invitation the item answers.',
  })
  async surveyInvitation(
    @Root() f: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyInvitationType | null> {
    const [invitation] = await childrenOf(ctx, SurveyInvitation, {
      parentProperty: 'feedback',
      orderBy: { createdAt: 'asc' },
    }).load(f.dbId);
    return invitation ? toSurveyInvitationType(invitation) : null;
  }
}
