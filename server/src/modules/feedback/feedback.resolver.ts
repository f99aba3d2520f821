import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { Contact } from '../client/contact.entity.js';
import {
  ClientAccountType,
  ContactType,
  toClientAccountType,
  toContactType,
} from '../client/client.types.js';
import { Touchpoint } from '../journey/touchpoint.entity.js';
import { TouchpointType, toTouchpointType } from '../journey/journey.types.js';
import { ClientNotification } from '../notification/client-notification.entity.js';
import { NotificationKind } from '../notification/notification.enums.js';
import {
  ClientNotificationType,
  toClientNotificationType,
} from '../notification/notification.types.js';
import { FeedbackService } from './feedback.service.js';
import { FeedbackFilter, SubmitFeedbackInput, UpdateFeedbackInput } from './feedback.inputs.js';
import {
  FeedbackItemConnection,
  FeedbackItemType,
  FeedbackOrder,
  SubmitFeedbackPayload,
  toFeedbackItemType,
} from './feedback.types.js';

registerNodeType('FeedbackItem', async (ctx, id) => {
  const item = await entityById(ctx, (await import('./feedback-item.entity.js')).FeedbackItem).load(
    id,
  );
  return item ? toFeedbackItemType(item) : null;
});

@Resolver(() => FeedbackItemType)
export class FeedbackResolver {
  @Mutation(() => SubmitFeedbackPayload, {
    description:
      'Store a feedback item and start its collect workflow. The same externalId twice yields one item.',
  })
  async submitFeedback(
    @Arg('input', () => SubmitFeedbackInput) input: SubmitFeedbackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SubmitFeedbackPayload> {
    const { item, duplicate } = await ctx.service(FeedbackService).submit(input);
    return { feedbackItem: toFeedbackItemType(item), duplicate };
  }

  @Mutation(() => FeedbackItemType, {
    description: 'Correct classification, touchpoint or status of an item.',
  })
  async updateFeedback(
    @IdArg('id', 'FeedbackItem') id: string,
    @Arg('input', () => UpdateFeedbackInput) input: UpdateFeedbackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType> {
    return toFeedbackItemType(await ctx.service(FeedbackService).update(id, input));
  }

  @Query(() => FeedbackItemType, { nullable: true })
  async feedbackItem(
    @IdArg('id', 'FeedbackItem') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType | null> {
    const item = await ctx.service(FeedbackService).get(id);
    return item ? toFeedbackItemType(item) : null;
  }

  @Query(() => FeedbackItemConnection, {
    description: 'Feedback, newest first unless ordered otherwise.',
  })
  async feedbackItems(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => FeedbackFilter, { nullable: true }) filter: FeedbackFilter | undefined,
    @Arg('orderBy', () => FeedbackOrder, { nullable: true }) orderBy: FeedbackOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemConnection> {
    const page = await ctx.service(FeedbackService).list(filter, orderBy, args);
    return mapPage(page, toFeedbackItemType);
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() item: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    const account = await requiredById(ctx, ClientAccount, item.accountId);
    return toClientAccountType(account);
  }

  @FieldResolver(() => ContactType, { nullable: true })
  async contact(
    @Root() item: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType | null> {
    if (!item.contactId) return null;
    const contact = await entityById(ctx, Contact).load(item.contactId);
    return contact ? toContactType(contact) : null;
  }

  @FieldResolver(() => TouchpointType, { nullable: true })
  async touchpoint(
    @Root() item: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<TouchpointType | null> {
    if (!item.touchpointId) return null;
    const touchpoint = await entityById(ctx, Touchpoint).load(item.touchpointId);
    return touchpoint ? toTouchpointType(touchpoint) : null;
  }

  @FieldResolver(() => [ClientNotificationType], {
    description: 'Messages sent to the client about this item.',
  })
  async notifications(
    @Root() item: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType[]> {
    const rows = await childrenOf(ctx, ClientNotification, {
      parentProperty: 'feedbackItem',
      orderBy: { createdAt: 'asc' },
    }).load(item.dbId);
    return rows.map(toClientNotificationType);
  }

  @FieldResolver(() => ClientNotificationType, {
    nullable: true,
    description: 'The acknowledgement sent to the client, once the collect workflow has sent it.',
  })
  async acknowledgement(
    @Root() item: FeedbackItemType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType | null> {
    const all = await this.notifications(item, ctx);
    return all.find((n) => n.kind === NotificationKind.FEEDBACK_ACKNOWLEDGEMENT) ?? null;
  }
}
