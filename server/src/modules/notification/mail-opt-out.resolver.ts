import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { childrenOf } from '../../graphql/loaders.js';
import { ContactType, toContactType } from '../client/client.types.js';
import { MailOptOut, OptOutSource } from './mail-opt-out.entity.js';
import { MailOptOutService } from './mail-opt-out.service.js';

@Resolver(() => ContactType)
export class MailOptOutResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'When the contact unsubscribed from e-mail (by the link in a message, or as recorded by the CX office); null while they receive it.',
  })
  async mailOptedOutAt(
    @Root() contact: ContactType,
    @Ctx() ctx: RequestContext,
  ): Promise<Date | null> {
    const rows = await childrenOf(ctx, MailOptOut, {
      parentProperty: 'contact',
      orderBy: { optedOutAt: 'asc' },
    }).load(contact.dbId);
    return rows[0]?.optedOutAt ?? null;
  }

  @Mutation(() => ContactType, {
    description:
      'Records that a contact wants no more e-mail (optedOut: true), or wants it again; messages to an opted-out contact are SKIPPED when they would be sent.',
  })
  async setContactMailOptOut(
    @IdArg('contactId', 'Contact') contactId: string,
    @Arg('optedOut', () => Boolean) optedOut: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactType> {
    const contact = await ctx
      .service(MailOptOutService)
      .set(contactId, optedOut, OptOutSource.STAFF);
    return toContactType(contact);
  }
}
