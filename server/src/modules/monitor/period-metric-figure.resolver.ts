import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { entityById, requiredById } from '../../graphql/loaders.js';
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
    if (!row.accountId) return null;
    const account = await entityById(ctx, ClientAccount).load(row.accountId);
    return account ? toClientAccountType(account) : null;
  }

  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: PeriodMetricFigureType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    if (!row.segmentId) return null;
    const segment = await entityById(ctx, Segment).load(row.segmentId);
    return segment ? toSegmentType(segment) : null;
  }
}
