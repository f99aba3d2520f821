import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { entityById, optionalById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage, toGlobalId } from '../../graphql/relay.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { ClientAccountType, toClientAccountType } from '../client/client.types.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { ProcessClassType, toProcessClassType } from '../journey/journey.types.js';
import { ValueFactor } from '../value/value-factor.entity.js';
import { ValueFactorType, toValueFactorType } from '../value/value.types.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricObservation } from './metric-observation.entity.js';
import {
  CreateMetricDefinitionInput,
  MetricDefinitionFilter,
  MetricKindShareFilter,
  MetricObservationFilter,
  RecordMetricObservationInput,
  UpdateMetricDefinitionInput,
} from './metric.inputs.js';
import { MetricObservationService } from './metric-observation.service.js';
import { MetricService } from './metric.service.js';
import {
  MetricDefinitionConnection,
  MetricDefinitionOrder,
  MetricDefinitionType,
  MetricKindShare,
  MetricObservationConnection,
  MetricObservationOrder,
  MetricObservationType,
  toMetricDefinitionType,
  toMetricObservationType,
} from './metric.types.js';

registerNodeType('MetricDefinition', async (ctx, id) => {
  const e = await entityById(ctx, MetricDefinition).load(id);
  return e ? toMetricDefinitionType(e) : null;
});
registerNodeType('MetricObservation', async (ctx, id) => {
  const e = await entityById(ctx, MetricObservation).load(id);
  return e ? toMetricObservationType(e) : null;
});

@Resolver(() => MetricDefinitionType)
export class MetricDefinitionResolver {
  @Query(() => MetricDefinitionType, { nullable: true })
  async metricDefinition(
    @IdArg('id', 'MetricDefinition') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType | null> {
    const e = await ctx.service(MetricService).get(id);
    return e ? toMetricDefinitionType(e) : null;
  }

  @Query(() => MetricDefinitionConnection, {
    description: 'Metric definitions, by code unless ordered otherwise.',
  })
  async metricDefinitions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => MetricDefinitionFilter, { nullable: true })
    filter: MetricDefinitionFilter | undefined,
    @Arg('orderBy', () => MetricDefinitionOrder, { nullable: true })
    orderBy: MetricDefinitionOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionConnection> {
    return mapPage(
      await ctx.service(MetricService).list(filter, orderBy, args),
      toMetricDefinitionType,
    );
  }

  @Query(() => MetricKindShare, {
    description: 'Computable vs trigger counts over active metric definitions.',
  })
  metricKindShare(
    @Arg('filter', () => MetricKindShareFilter, { nullable: true })
    filter: MetricKindShareFilter | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricKindShare> {
    return ctx.service(MetricService).kindShare(filter);
  }

  @Mutation(() => MetricDefinitionType)
  async createMetricDefinition(
    @Arg('input', () => CreateMetricDefinitionInput) input: CreateMetricDefinitionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType> {
    return toMetricDefinitionType(await ctx.service(MetricService).create(input));
  }

  @Mutation(() => MetricDefinitionType)
  async updateMetricDefinition(
    @IdArg('id', 'MetricDefinition') id: string,
    @Arg('input', () => UpdateMetricDefinitionInput) input: UpdateMetricDefinitionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType> {
    return toMetricDefinitionType(await ctx.service(MetricService).update(id, input));
  }

  @Mutation(() => ID, {
    description: 'Deletes a metric never observed; observed metrics are deactivated instead.',
  })
  async deleteMetricDefinition(
    @IdArg('id', 'MetricDefinition') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return toGlobalId('MetricDefinition', await ctx.service(MetricService).delete(id));
  }

  @FieldResolver(() => ProcessClassType, { nullable: true })
  processClass(
    @Root() m: MetricDefinitionType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessClassType | null> {
    return optionalById(ctx, ProcessClass, m.processClassId, toProcessClassType);
  }

  @FieldResolver(() => ValueFactorType, { nullable: true })
  factor(
    @Root() m: MetricDefinitionType,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorType | null> {
    return optionalById(ctx, ValueFactor, m.factorId, toValueFactorType);
  }
}

@Resolver(() => MetricObservationType)
export class MetricObservationResolver {
  @Query(() => MetricObservationType, { nullable: true })
  async metricObservation(
    @IdArg('id', 'MetricObservation') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricObservationType | null> {
    const e = await ctx.service(MetricObservationService).getObservation(id);
    return e ? toMetricObservationType(e) : null;
  }

  @Query(() => MetricObservationConnection, {
    description: 'Observations, newest month first unless ordered otherwise.',
  })
  async metricObservations(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => MetricObservationFilter, { nullable: true })
    filter: MetricObservationFilter | undefined,
    @Arg('orderBy', () => MetricObservationOrder, { nullable: true })
    orderBy: MetricObservationOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricObservationConnection> {
    return mapPage(
      await ctx.service(MetricObservationService).listObservations(filter, orderBy, args),
      toMetricObservationType,
    );
  }

  @Mutation(() => MetricObservationType, {
    description: 'Inserts or replaces the value of a metric for an account and month.',
  })
  async recordMetricObservation(
    @Arg('input', () => RecordMetricObservationInput) input: RecordMetricObservationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricObservationType> {
    return toMetricObservationType(await ctx.service(MetricObservationService).record(input));
  }

  @FieldResolver(() => MetricDefinitionType)
  async metric(
    @Root() o: MetricObservationType,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType> {
    return toMetricDefinitionType(await requiredById(ctx, MetricDefinition, o.metricId));
  }

  @FieldResolver(() => ClientAccountType)
  async account(
    @Root() o: MetricObservationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType> {
    return toClientAccountType(await requiredById(ctx, ClientAccount, o.accountId));
  }
}
