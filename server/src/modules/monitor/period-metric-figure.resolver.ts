import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { optionalById, requiredById } from '../../graphql/loaders.js';
import { ClientAccount } from '../client/client-account.entity.js';
import {
  ClientAccountType,
  SegmentType,
  toClientAccountType,
  toSegmentType,
} from '../client/client.types.js';
import { Segment } from '../client/segment.entity.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { MetricDefinitionType, toMetricDefinitionType } from '../metric/metric.types.js';
import { PeriodMetricFigureType } from './period-figure.types.js';

@Resolver(() => PeriodMetricFigureType)
export class PeriodMetricFigureResolver {
  @FieldResolver(() => MetricDefinitionType)
  async metric(
    @Root() row: PeriodMetricFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType> {
    return toMetricDefinitionType(await requiredById(ctx, MetricDefinition, row.metricId));
  }

  @FieldResolver(() => ClientAccountType, { nullable: true })
  async account(
    @Root() row: PeriodMetricFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType | null> {
    return optionalById(ctx, ClientAccount, row.accountId, toClientAccountType);
  }

  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: PeriodMetricFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }
}
