import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { entityById, optionalById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { InboundEvent } from './inbound-event.entity.js';
import { InboundEventService } from './inbound.service.js';
import {
  InboundEventConnection,
  InboundEventFilterInput,
  InboundEventType,
  ResolveInboundEventInput,
  toInboundEventType,
} from './inbound.types.js';

registerNodeType('InboundEvent', async (ctx, id) => {
  const e = await entityById(ctx, InboundEvent).load(id);
  return e ? toInboundEventType(e) : null;
});

@Resolver(() => InboundEventType)
export class InboundEventResolver {
  @Query(() => InboundEventConnection, {
    description: 'Deliveries from outside tools kept for a person to resolve, newest first.',
  })
  async inboundEvents(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InboundEventFilterInput, { nullable: true })
    filter: InboundEventFilterInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InboundEventConnection> {
    return mapPage(await ctx.service(InboundEventService).list(filter, args), toInboundEventType);
  }

  @Mutation(() => InboundEventType, {
    description:
      'Names the account (and contact) of a kept response: it becomes a feedback item through ' +
      'the same intake as submitFeedback, and the event is RESOLVED.',
  })
  async resolveInboundEvent(
    @Arg('input', () => ResolveInboundEventInput) input: ResolveInboundEventInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InboundEventType> {
    return toInboundEventType(await ctx.service(InboundEventService).resolve(input));
  }

  @FieldResolver(() => FeedbackItemType, { nullable: true })
  feedbackItem(
    @Root() e: InboundEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType | null> {
    return optionalById(ctx, FeedbackItem, e.feedbackItemId, toFeedbackItemType);
  }
}
