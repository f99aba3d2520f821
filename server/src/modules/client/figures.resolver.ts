import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { ClientAccount } from './client-account.entity.js';
import { ClientAccountType, toClientAccountType } from './client.types.js';
import { RecordTransactionalFiguresInput, TransactionalFiguresFilter } from './council.inputs.js';
import {
  TransactionalFiguresConnection,
  TransactionalFiguresOrder,
  TransactionalFiguresType,
  toTransactionalFiguresType,
} from './council.types.js';
import { FiguresService } from './figures.service.js';
import { TransactionalFigures } from './transactional-figures.entity.js';

registerNodeType('TransactionalFigures', async (ctx, id) => {
  const row = await entityById(ctx, TransactionalFigures).load(id);
  return row ? toTransactionalFiguresType(row) : null;
});

@Resolver(() => TransactionalFiguresType)
export class TransactionalFiguresResolver {
  @Query(() => TransactionalFiguresConnection, {
    description: 'Monthly figures, oldest first unless ordered otherwise.',
  })
  async transactionalFigures(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => TransactionalFiguresFilter, { nullable: true })
    filter: TransactionalFiguresFilter | undefined,
    @Arg('orderBy', () => TransactionalFiguresOrder, { nullable: true })
    orderBy: TransactionalFiguresOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<TransactionalFiguresConnection> {
    return mapPage(
      await ctx.service(FiguresService).list(filter, orderBy, args),
      toTransactionalFiguresType,
    );
  }

  @Mutation(() => TransactionalFiguresType, {
    description: 'Creates or replaces the figures of one account and month.',
  })
  async recordTransactionalFigures(
    @Arg('input', () => RecordTransactionalFiguresInput) input: RecordTransactionalFiguresInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TransactionalFiguresType> {
    return toTransactionalFiguresType(await ctx.service(FiguresService).record(input));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() figures: TransactionalFiguresType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    const row = await requiredById(ctx, ClientAccount, figures.accountId);
    return toClientAccountType(row);
  }
}
