import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
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
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { Initiative } from '../initiative/initiative.entity.js';
import { InitiativeType, toInitiativeType } from '../initiative/initiative.types.js';
import { ClientNotification } from './client-notification.entity.js';
import { ClientNotificationFilter, QueueClientNotificationInput } from './notification.inputs.js';
import { NotificationService } from './notification.service.js';
import {
  ClientNotificationConnection,
  ClientNotificationType,
  toClientNotificationType,
} from './notification.types.js';

registerNodeType('ClientNotification', async (ctx, id) => {
  const notification = await entityById(ctx, ClientNotification).load(id);
  return notification ? toClientNotificationType(notification) : null;
});

@Resolver(() => ClientNotificationType)
export class NotificationResolver {
  @Query(() => ClientNotificationType, { nullable: true })
  async clientNotification(
    @IdArg('id', 'ClientNotification') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType | null> {
    const notification = await ctx.service(NotificationService).get(id);
    return notification ? toClientNotificationType(notification) : null;
  }

  @Query(() => ClientNotificationConnection, {
    description: 'The client-notification outbox, newest first.',
  })
  async clientNotifications(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ClientNotificationFilter, { nullable: true })
    filter: ClientNotificationFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationConnection> {
    return mapPage(
      await ctx.service(NotificationService).list(filter, args),
      toClientNotificationType,
    );
  }

  @Mutation(() => ClientNotificationType, {
    description:
      'Writes a message from the CX office to a client into the outbox ("you said, we did"). PENDING when the contact has an e-mail address, else SKIPPED.',
  })
  async queueClientNotification(
    @Arg('input', () => QueueClientNotificationInput) input: QueueClientNotificationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType> {
    return toClientNotificationType(await ctx.service(NotificationService).queue(input));
  }

  @Mutation(() => ClientNotificationType, {
    description: 'Withdraws a PENDING notification (it becomes SKIPPED); CONFLICT otherwise.',
  })
  async cancelClientNotification(
    @IdArg('id', 'ClientNotification') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType> {
    return toClientNotificationType(await ctx.service(NotificationService).cancel(id));
  }

  @Mutation(() => ClientNotificationType, {
    description:
      'Queues a FAILED notification for delivery again (PENDING, attempts kept); CONFLICT otherwise.',
  })
  async retryClientNotification(
    @IdArg('id', 'ClientNotification') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientNotificationType> {
    return toClientNotificationType(await ctx.service(NotificationService).retry(id));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() n: ClientNotificationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    const account = await requiredById(ctx, ClientAccount, n.accountId);
    return toClientAccountType(account);
  }

  @FieldResolver(() => ContactType, { nullable: true })
  async contact(
    @Root() n: ClientNotificationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType | null> {
    const contact = n.contactId ? await entityById(ctx, Contact).load(n.contactId) : null;
    return contact ? toContactType(contact) : null;
  }

  @FieldResolver(() => FeedbackItemType, { nullable: true })
  async feedbackItem(
    @Root() n: ClientNotificationType,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType | null> {
    const item = n.feedbackItemId
      ? await entityById(ctx, FeedbackItem).load(n.feedbackItemId)
      : null;
    return item ? toFeedbackItemType(item) : null;
  }

  @FieldResolver(() => InitiativeType, { nullable: true })
  async initiative(
    @Root() n: ClientNotificationType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType | null> {
    const initiative = n.initiativeId
      ? await entityById(ctx, Initiative).load(n.initiativeId)
      : null;
    return initiative ? toInitiativeType(initiative) : null;
  }
}
