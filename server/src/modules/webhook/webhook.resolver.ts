import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveryFilter,
} from './webhook.inputs.js';
import {
  WebhookSubscriptionService,
  type WebhookSubscriptionWithSecret,
} from './webhook-subscription.service.js';
import {
  toWebhookDeliveryType,
  toWebhookSubscriptionType,
  WebhookDeliveryConnection,
  WebhookSubscriptionConnection,
  WebhookSubscriptionType,
  WebhookSubscriptionWithSecretType,
} from './webhook.types.js';

registerNodeType('WebhookSubscription', async (ctx, id) => {
  const row = await entityById(ctx, WebhookSubscription).load(id);
  return row ? toWebhookSubscriptionType(row) : null;
});
registerNodeType('WebhookDelivery', async (ctx, id) => {
  const row = await entityById(ctx, WebhookDelivery).load(id);
  return row ? toWebhookDeliveryType(row) : null;
});

const withSecret = (r: WebhookSubscriptionWithSecret) =>
  Object.assign(new WebhookSubscriptionWithSecretType(), {
    subscription: toWebhookSubscriptionType(r.subscription),
    secret: r.secret,
  });

const subscriptions = (ctx: RequestContext): WebhookSubscriptionService =>
  ctx.service(WebhookSubscriptionService);

@Resolver(() => WebhookSubscriptionType)
export class WebhookResolver {
  @Query(() => WebhookSubscriptionConnection, {
    description: 'Webhook subscriptions, newest first.',
  })
  async webhookSubscriptions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionConnection> {
    return mapPage(await subscriptions(ctx).list(args), toWebhookSubscriptionType);
  }

  @Query(() => WebhookSubscriptionType)
  async webhookSubscription(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionType> {
    return toWebhookSubscriptionType(await subscriptions(ctx).get(id));
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      'Deliveries, newest first, with every attempt (time, status code, latency, error).',
  })
  async webhookDeliveries(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true })
    filter: WebhookDeliveryFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDeliveryConnection> {
    return mapPage(
      await ctx.service(WebhookDispatchService).list(filter, args),
      toWebhookDeliveryType,
    );
  }

  @Mutation(() => WebhookSubscriptionWithSecretType, {
    description: 'Subscribes a receiver; the answer shows the signing secret, once.',
  })
  async createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionWithSecretType> {
    return withSecret(await subscriptions(ctx).create(input));
  }

  @Mutation(() => WebhookSubscriptionType)
  async updateWebhookSubscription(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Arg('input', () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionType> {
    return toWebhookSubscriptionType(await subscriptions(ctx).update(id, input));
  }

  @Mutation(() => WebhookSubscriptionWithSecretType, {
    description: 'A new signing secret (shown once); the old one stops at once.',
  })
  async rotateWebhookSecret(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionWithSecretType> {
    return withSecret(await subscriptions(ctx).rotateSecret(id));
  }

  @Mutation(() => WebhookSubscriptionType, { description: 'Stops deliveries until resumed.' })
  async pauseWebhookSubscription(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionType> {
    return toWebhookSubscriptionType(await subscriptions(ctx).pause(id));
  }

  @Mutation(() => WebhookSubscriptionType, {
    description: 'Active again; held and failed deliveries are sent again.',
  })
  async resumeWebhookSubscription(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookSubscriptionType> {
    return toWebhookSubscriptionType(await subscriptions(ctx).resume(id));
  }

  @Mutation(() => ID, { description: 'Removes the subscription and its delivery history.' })
  async deleteWebhookSubscription(
    @IdArg('id', 'WebhookSubscription') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('WebhookSubscription', await subscriptions(ctx).delete(id));
  }
}
