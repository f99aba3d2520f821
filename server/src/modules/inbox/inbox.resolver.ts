import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { InboxEntry } from './inbox-entry.entity.js';
import { InboxFilter } from './inbox.inputs.js';
import { InboxService } from './inbox.service.js';
import { InboxEntryConnection, InboxEntryType, toInboxEntryType } from './inbox.types.js';

registerNodeType('InboxEntry', async (ctx, id) => {
  const entry = await entityById(ctx, InboxEntry).load(id);
  return entry ? toInboxEntryType(entry) : null;
});

@Resolver(() => InboxEntryType)
export class InboxResolver {
  @Query(() => InboxEntryConnection, {
    description:
      'Inbox entries, newest first: per user (recipientUserId) or per department (recipientDepartmentId).',
  })
  async inboxEntries(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InboxFilter, { nullable: true }) filter: InboxFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InboxEntryConnection> {
    return mapPage(await ctx.service(InboxService).list(filter, args), toInboxEntryType);
  }

  @Mutation(() => InboxEntryType, {
    description: 'Mark an inbox entry read (the first time counts).',
  })
  async markInboxEntryRead(
    @IdArg('id', 'InboxEntry') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InboxEntryType> {
    return toInboxEntryType(await ctx.service(InboxService).markRead(id));
  }
}
