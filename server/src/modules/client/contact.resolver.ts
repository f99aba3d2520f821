import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf, entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { FeedbackItem } from '../feedback/feedback-item.entity.js';
import { FeedbackItemType, toFeedbackItemType } from '../feedback/feedback.types.js';
import { ClientAccount } from './client-account.entity.js';
import { ContactFilter, CreateContactInput, UpdateContactInput } from './client.inputs.js';
import { feedbackLimit } from './client.loaders.js';
import {
  ClientAccountType,
  ContactConnection,
  ContactOrder,
  ContactType,
  toClientAccountType,
  toContactType,
} from './client.types.js';
import { Contact } from './contact.entity.js';
import { ContactService } from './contact.service.js';

registerNodeType('Contact', async (ctx, id) => {
  const row = await entityById(ctx, Contact).load(id);
  return row ? toContactType(row) : null;
});

@Resolver(() => ContactType)
export class ContactResolver {
  @Query(() => ContactType, { nullable: true })
  async contact(
    @IdArg('id', 'Contact') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType | null> {
    const row = await ctx.service(ContactService).get(id);
    return row ? toContactType(row) : null;
  }

  @Query(() => ContactConnection, { description: 'Contacts, by name unless ordered otherwise.' })
  async contacts(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | undefined,
    @Arg('orderBy', () => ContactOrder, { nullable: true }) orderBy: ContactOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactConnection> {
    return mapPage(await ctx.service(ContactService).list(filter, orderBy, args), toContactType);
  }

  @Mutation(() => ContactType)
  async createContact(
    @Arg('input', () => CreateContactInput) input: CreateContactInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType> {
    return toContactType(await ctx.service(ContactService).create(input));
  }

  @Mutation(() => ContactType)
  async updateContact(
    @IdArg('id', 'Contact') id: string,
    @Arg('input', () => UpdateContactInput) input: UpdateContactInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType> {
    return toContactType(await ctx.service(ContactService).update(id, input));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() contact: ContactType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    const row = await requiredById(ctx, ClientAccount, contact.accountId);
    return toClientAccountType(row);
  }

  @FieldResolver(() => [FeedbackItemType], { description: 'The newest feedback this person gave.' })
  async recentFeedback(
    @Root() contact: ContactType,
    @Arg('limit', () => Int, { defaultValue: 5, description: '1–50' }) limit: number,
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackItemType[]> {
    const rows = await childrenOf(ctx, FeedbackItem, {
      parentProperty: 'contact',
      orderBy: { receivedAt: 'desc' },
      limitPerParent: feedbackLimit(limit),
    }).load(contact.dbId);
    return rows.map(toFeedbackItemType);
  }
}
