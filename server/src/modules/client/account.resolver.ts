import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById, manyToManyOf, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { UserType, toUserType } from '../organisation/organisation.types.js';
import { User } from '../organisation/user.entity.js';
import { AccountService } from './account.service.js';
import { AdvisoryCouncil } from './advisory-council.entity.js';
import { ClientAccount } from './client-account.entity.js';
import {
  ClientAccountFilter,
  CreateClientAccountInput,
  UpdateClientAccountInput,
} from './client.inputs.js';
import { feedbackLimit, figuresByAccount } from './client.loaders.js';
import {
  ClientAccountConnection,
  ClientAccountOrder,
  ClientAccountType,
  ContactType,
  SegmentType,
  toClientAccountType,
  toContactType,
  toSegmentType,
} from './client.types.js';
import { Contact } from './contact.entity.js';
import {
  AdvisoryCouncilType,
  TransactionalFiguresType,
  toAdvisoryCouncilType,
  toTransactionalFiguresType,
} from './council.types.js';
import { Segment } from './segment.entity.js';

registerNodeType('ClientAccount', async (ctx, id) => {
  const row = await entityById(ctx, ClientAccount).load(id);
  return row ? toClientAccountType(row) : null;
});

@Resolver(() => ClientAccountType)
export class ClientAccountResolver {
  @Query(() => ClientAccountType, { nullable: true })
  async clientAccount(
    @IdArg('id', 'ClientAccount') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType | null> {
    const row = await ctx.service(AccountService).get(id);
    return row ? toClientAccountType(row) : null;
  }

  @Query(() => ClientAccountConnection, {
    description: 'Client accounts, by name unless ordered otherwise.',
  })
  async clientAccounts(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ClientAccountFilter, { nullable: true })
    filter: ClientAccountFilter | undefined,
    @Arg('orderBy', () => ClientAccountOrder, { nullable: true })
    orderBy: ClientAccountOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountConnection> {
    return mapPage(
      await ctx.service(AccountService).list(filter, orderBy, args),
      toClientAccountType,
    );
  }

  @Mutation(() => ClientAccountType)
  async createClientAccount(
    @Arg('input', () => CreateClientAccountInput) input: CreateClientAccountInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await ctx.service(AccountService).create(input));
  }

  @Mutation(() => ClientAccountType)
  async updateClientAccount(
    @IdArg('id', 'ClientAccount') id: string,
    @Arg('input', () => UpdateClientAccountInput) input: UpdateClientAccountInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await ctx.service(AccountService).update(id, input));
  }

  @FieldResolver(() => SegmentType)
  async segment(
    @Root() account: ClientAccountType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType> {
    const row = await requiredById(ctx, Segment, account.segmentId);
    return toSegmentType(row);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The account manager.' })
  async owner(
    @Root() account: ClientAccountType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    if (!account.ownerId) return null;
    const row = await entityById(ctx, User).load(account.ownerId);
    return row ? toUserType(row) : null;
  }

  @FieldResolver(() => [ContactType], { description: 'People at the account, by name.' })
  async contacts(
    @Root() account: ClientAccountType,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType[]> {
    const rows = await childrenOf(ctx, Contact, {
      parentProperty: 'account',
      orderBy: { name: 'asc' },
    }).load(account.dbId);
    return rows.map(toContactType);
  }

  @FieldResolver(() => [FeedbackItemType], {
    description: 'The newest feedback about the account.',
  })
  async recentFeedback(
    @Root() account: ClientAccountType,
    @Arg('limit', () => Int, { defaultValue: 5, description: '1–50' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType[]> {
    const rows = await childrenOf(ctx, FeedbackItem, {
      parentProperty: 'account',
      orderBy: { receivedAt: 'desc' },
      limitPerParent: feedbackLimit(limit),
    }).load(account.dbId);
    return rows.map(toFeedbackItemType);
  }

  @FieldResolver(() => [TransactionalFiguresType], {
    description: 'Monthly figures, oldest first, within from–to (YYYY-MM, inclusive).',
  })
  async transactionalFigures(
    @Root() account: ClientAccountType,
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<TransactionalFiguresType[]> {
    const rows = await figuresByAccount(ctx, from, to).load(account.dbId);
    return rows.map(toTransactionalFiguresType);
  }

  @FieldResolver(() => [AdvisoryCouncilType], {
    description: 'Advisory councils the account sits on.',
  })
  async councils(
    @Root() account: ClientAccountType,
    @Ctx() ctx: RequestContext,
  ): Promise<AdvisoryCouncilType[]> {
    const rows = await manyToManyOf<AdvisoryCouncil>(ctx, AdvisoryCouncil, 'accounts', {
      inverse: true,
      orderBy: { name: 'asc' },
    }).load(account.dbId);
    return rows.map(toAdvisoryCouncilType);
  }
}
