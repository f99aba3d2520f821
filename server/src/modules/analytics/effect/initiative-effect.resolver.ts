import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context.js';
import { childrenOf, optionalById, requiredById } from '../../../graphql/loaders.js';
import { ConnectionArgs, mapPage } from '../../../graphql/relay.js';
import { Initiative } from '../../initiative/initiative.entity.js';
import { InitiativeType, toInitiativeType } from '../../initiative/initiative.types.js';
import { MetricDefinition } from '../../metric/metric-definition.entity.js';
import { MetricDefinitionType, toMetricDefinitionType } from '../../metric/metric.types.js';
import { InitiativeEffect } from './initiative-effect.entity.js';
import { InitiativeEffectService } from './initiative-effect.service.js';
import {
  InitiativeEffectConnection,
  InitiativeEffectFilter,
  InitiativeEffectType,
  toInitiativeEffectType,
} from './initiative-effect.types.js';

/** `Initiative.effects` and the dashboard's list of effects; the numbers come from the service. */
@Resolver(() => InitiativeType)
export class InitiativeEffectsFieldResolver {
  @FieldResolver(() => [InitiativeEffectType], {
    description:
      'Measured effect on NPS, CSI and each target metric against a control group (written when the initiative reaches MONITOR, kept current by the monitor), by measure.',
  })
  async effects(
    @Root() i: InitiativeType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeEffectType[]> {
    const rows = await childrenOf(ctx, InitiativeEffect, {
      parentProperty: 'initiative',
      orderBy: { measure: 'asc' },
    }).load(i.dbId);
    return rows.map(toInitiativeEffectType);
  }
}

@Resolver(() => InitiativeEffectType)
export class InitiativeEffectResolver {
  @Query(() => InitiativeEffectConnection, {
    description:
      "Initiatives' measured effects (difference in differences against unaffected accounts of the same segments), most recently computed first.",
  })
  async initiativeEffects(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InitiativeEffectFilter, { nullable: true })
    filter: InitiativeEffectFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeEffectConnection> {
    return mapPage(
      await ctx.service(InitiativeEffectService).list(filter ?? {}, args),
      toInitiativeEffectType,
    );
  }

  @FieldResolver(() => InitiativeType)
  async initiative(
    @Root() e: InitiativeEffectType,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeType> {
    return toInitiativeType(await requiredById(ctx, Initiative, e.initiativeId));
  }

  @FieldResolver(() => MetricDefinitionType, {
    nullable: true,
    description: 'The target metric (null for NPS and CSI unless targeted).',
  })
  async metric(
    @Root() e: InitiativeEffectType,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricDefinitionType | null> {
    return optionalById(ctx, MetricDefinition, e.metricId, toMetricDefinitionType);
  }
}
