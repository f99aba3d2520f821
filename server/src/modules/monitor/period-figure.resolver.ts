import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { optionalById } from '../../graphql/loaders.js';
import { ClientAccount } from '../client/client-account.entity.js';
import {
  ClientAccountType,
  SegmentType,
  toClientAccountType,
  toSegmentType,
} from '../client/client.types.js';
import { Segment } from '../client/segment.entity.js';
import { PeriodFigureType } from './period-figure.types.js';

@Resolver(() => PeriodFigureType)
export class PeriodFigureResolver {
  @FieldResolver(() => ClientAccountType, { nullable: true })
  async account(
    @Root() row: PeriodFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType | null> {
    return optionalById(ctx, ClientAccount, row.accountId, toClientAccountType);
  }

  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: PeriodFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }
}
