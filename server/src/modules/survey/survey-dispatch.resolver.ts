import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { childrenOf, entityById, optionalById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import {
  ClientAccountType,
  ContactType,
  toClientAccountType,
  toContactType,
} from '../client/client.types.js';
import { Contact } from '../client/contact.entity.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import {
  ClientNotificationType,
  toClientNotificationType,
} from '../notification/notification.types.js';
import { SurveyCampaign } from './survey-campaign.entity.js';
import {
  RecordTriggerEventInput,
  SurveyInvitationFilter,
  SurveyResponseRateFilter,
} from './survey-dispatch.inputs.js';
import {
  SurveyInvitationConnection,
  SurveyInvitationType,
  SurveyResponseRateType,
  SurveyTriggerEventType,
  toSurveyInvitationType,
  toSurveyResponseRateType,
  toSurveyTriggerEventType,
} from './survey-dispatch.types.js';
import { SurveyInvitation } from './survey-invitation.entity.js';
import { SurveyResponseService } from './survey-response.service.js';
import { SurveyTriggerEvent } from './survey-trigger-event.entity.js';
import { SurveyCampaignType, toSurveyCampaignType } from './survey.types.js';
import { TriggerEventService } from './trigger-event.service.js';

registerNodeType('SurveyInvitation', async (ctx, id) => {
  const e = await entityById(ctx, SurveyInvitation).load(id);
  return e ? toSurveyInvitationType(e) : null;
});
registerNodeType('SurveyTriggerEvent', async (ctx, id) => {
  const e = await entityById(ctx, SurveyTriggerEvent).load(id);
  return e ? toSurveyTriggerEventType(e) : null;
});

async function campaignOf(ctx: RequestContext, id: string): Promise<SurveyCampaignType> {
  return toSurveyCampaignType(await requiredById(ctx, SurveyCampaign, id));
}

@Resolver(() => SurveyInvitationType)
export class SurveyInvitationResolver {
  @Query(() => SurveyInvitationConnection, {
    description: 'Survey invitations, newest first: sent, held back (with the reason), answered.',
  })
  async surveyInvitations(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SurveyInvitationFilter, { nullable: true })
    filter: SurveyInvitationFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyInvitationConnection> {
    return mapPage(
      await ctx.service(SurveyResponseService).listInvitations(filter, args),
      toSurveyInvitationType,
    );
  }

  @Query(() => [SurveyResponseRateType], {
    description: 'Response rate per campaign, channel and trigger (a database aggregate).',
  })
  async surveyResponseRates(
    @Arg('filter', () => SurveyResponseRateFilter, { nullable: true })
    filter: SurveyResponseRateFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyResponseRateType[]> {
    const rows = await ctx.service(SurveyResponseService).responseRates(filter);
    return rows.map(toSurveyResponseRateType);
  }

  @FieldResolver(() => SurveyCampaignType)
  campaign(
    @Root() i: SurveyInvitationType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType> {
    return campaignOf(ctx, i.campaignId);
  }

  @FieldResolver(() => ContactType)
  async contact(@Root() i: SurveyInvitationType, @Ctx() ctx: RequestContext): Promise<ContactType> {
    return toContactType(await requiredById(ctx, Contact, i.contactId));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() i: SurveyInvitationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, i.accountId));
  }

  @FieldResolver(() => SurveyTriggerEventType, { nullable: true })
  async triggerEvent(
    @Root() i: SurveyInvitationType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyTriggerEventType | null> {
    return optionalById(ctx, SurveyTriggerEvent, i.triggerEventId, toSurveyTriggerEventType);
  }

  @FieldResolver(() => ClientNotificationType, {
    nullable: true,
    description: 'The outbox message (SENT and ANSWERED only).',
  })
  async notification(
    @Root() i: SurveyInvitationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType | null> {
    return optionalById(ctx, ClientNotification, i.notificationId, toClientNotificationType);
  }

  @FieldResolver(() => FeedbackItemType, { nullable: true, description: 'The answer, if any.' })
  async feedbackItem(
    @Root() i: SurveyInvitationType,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType | null> {
    return optionalById(ctx, FeedbackItem, i.feedbackId, toFeedbackItemType);
  }
}

@Resolver(() => SurveyTriggerEventType)
export class SurveyTriggerEventResolver {
  @Mutation(() => SurveyTriggerEventType, {
    description:
      'Records a client-side event (idempotent by externalId) and starts the ACTIVE TRIGGER campaigns bound to its type.',
  })
  async recordTriggerEvent(
    @Arg('input', () => RecordTriggerEventInput) input: RecordTriggerEventInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyTriggerEventType> {
    const { event, duplicate } = await ctx.service(TriggerEventService).record(input);
    return toSurveyTriggerEventType(event, duplicate);
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() e: SurveyTriggerEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, e.accountId));
  }

  @FieldResolver(() => [SurveyInvitationType], {
    description: 'The invitations its dispatch made so far (the dispatch runs after recording).',
  })
  async invitations(
    @Root() e: SurveyTriggerEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyInvitationType[]> {
    const rows = await childrenOf(ctx, SurveyInvitation, {
      parentProperty: 'triggerEvent',
      orderBy: { createdAt: 'asc' },
    }).load(e.dbId);
    return rows.map(toSurveyInvitationType);
  }
}

@Resolver(() => SurveyResponseRateType)
export class SurveyResponseRateResolver {
  @FieldResolver(() => SurveyCampaignType)
  campaign(
    @Root() r: SurveyResponseRateType,
    @Ctx() ctx: RequestContext,
  ): Promise<SurveyCampaignType> {
    return campaignOf(ctx, r.campaignId);
  }
}
