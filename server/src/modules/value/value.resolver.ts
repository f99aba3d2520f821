import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { IdArg } from '../../graphql/global-ids.js';
import { countOf, entityById, requiredById } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { ConnectionArgs, mapPage } from '../../graphql/relay.js';
import { Segment } from '../client/segment.entity.js';
import { SegmentType, toSegmentType } from '../client/client.types.js';
import { ImportanceWeight } from './importance-weight.entity.js';
import { ValueFactor } from './value-factor.entity.js';
import { WeightSet } from './weight-set.entity.js';
import {
  CreateValueFactorInput,
  CreateWeightSetInput,
  ImportanceWeightFilter,
  ImportanceWeightInput,
  UpdateValueFactorInput,
  ValueFactorFilter,
  WeightSetFilter,
} from './value.inputs.js';
import { ValueFactorService } from './value-factor.service.js';
import { WeightService } from './weight.service.js';
import {
  ImportanceWeightConnection,
  ImportanceWeightOrder,
  ImportanceWeightType,
  ValueFactorConnection,
  ValueFactorOrder,
  ValueFactorType,
  WeightSetConnection,
  WeightSetOrder,
  WeightSetType,
  toImportanceWeightType,
  toValueFactorType,
  toWeightSetType,
} from './value.types.js';

registerNodeType('ValueFactor', async (ctx, id) => {
  const e = await entityById(ctx, ValueFactor).load(id);
  return e ? toValueFactorType(e) : null;
});
registerNodeType('WeightSet', async (ctx, id) => {
  const e = await entityById(ctx, WeightSet).load(id);
  return e ? toWeightSetType(e) : null;
});
registerNodeType('ImportanceWeight', async (ctx, id) => {
  const e = await entityById(ctx, ImportanceWeight).load(id);
  return e ? toImportanceWeightType(e) : null;
});

@Resolver(() => ValueFactorType)
export class ValueFactorResolver {
  @Query(() => ValueFactorType, { nullable: true })
  async valueFactor(
    @IdArg('id', 'ValueFactor') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorType | null> {
    const e = await ctx.service(ValueFactorService).getFactor(id);
    return e ? toValueFactorType(e) : null;
  }

  @Query(() => ValueFactorConnection, {
    description: 'Value factors, pyramid order (sortOrder) unless ordered otherwise.',
  })
  async valueFactors(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ValueFactorFilter, { nullable: true })
    filter: ValueFactorFilter | undefined,
    @Arg('orderBy', () => ValueFactorOrder, { nullable: true })
    orderBy: ValueFactorOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorConnection> {
    return mapPage(
      await ctx.service(ValueFactorService).listFactors(filter, orderBy, args),
      toValueFactorType,
    );
  }

  @Mutation(() => ValueFactorType)
  async createValueFactor(
    @Arg('input', () => CreateValueFactorInput) input: CreateValueFactorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorType> {
    return toValueFactorType(await ctx.service(ValueFactorService).createFactor(input));
  }

  @Mutation(() => ValueFactorType)
  async updateValueFactor(
    @IdArg('id', 'ValueFactor') id: string,
    @Arg('input', () => UpdateValueFactorInput) input: UpdateValueFactorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorType> {
    return toValueFactorType(await ctx.service(ValueFactorService).updateFactor(id, input));
  }
}

@Resolver(() => WeightSetType)
export class WeightSetResolver {
  @Query(() => WeightSetType, { nullable: true })
  async weightSet(
    @IdArg('id', 'WeightSet') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType | null> {
    const e = await ctx.service(WeightService).getWeightSet(id);
    return e ? toWeightSetType(e) : null;
  }

  @Query(() => WeightSetType, {
    nullable: true,
    description: 'The weight set the index uses now, if any.',
  })
  async currentWeightSet(@Ctx() ctx: RequestContext): Promise<WeightSetType | null> {
    const e = await ctx.service(WeightService).currentWeightSet();
    return e ? toWeightSetType(e) : null;
  }

  @Query(() => WeightSetConnection, {
    description: 'Weight sets, newest version first unless ordered otherwise.',
  })
  async weightSets(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => WeightSetFilter, { nullable: true }) filter: WeightSetFilter | undefined,
    @Arg('orderBy', () => WeightSetOrder, { nullable: true }) orderBy: WeightSetOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetConnection> {
    return mapPage(
      await ctx.service(WeightService).listWeightSets(filter, orderBy, args),
      toWeightSetType,
    );
  }

  @Mutation(() => WeightSetType, {
    description: 'A new version (highest + 1); not current until setCurrentWeightSet.',
  })
  async createWeightSet(
    @Arg('input', () => CreateWeightSetInput) input: CreateWeightSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType> {
    return toWeightSetType(await ctx.service(WeightService).createWeightSet(input));
  }

  @Mutation(() => WeightSetType, { description: 'Makes this set the only current one.' })
  async setCurrentWeightSet(
    @IdArg('id', 'WeightSet') id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType> {
    return toWeightSetType(await ctx.service(WeightService).setCurrentWeightSet(id));
  }

  @Mutation(() => WeightSetType, {
    description:
      'Inserts or replaces up to 5,000 weights of a set that is not current, all or nothing.',
  })
  async setImportanceWeights(
    @IdArg('weightSetId', 'WeightSet') weightSetId: string,
    @Arg('weights', () => [ImportanceWeightInput]) weights: ImportanceWeightInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType> {
    return toWeightSetType(
      await ctx.service(WeightService).setImportanceWeights(weightSetId, weights),
    );
  }

  @FieldResolver(() => Int, { description: 'Number of importance weights in the set.' })
  async weightCount(@Root() set: WeightSetType, @Ctx() ctx: RequestContext): Promise<number> {
    return countOf(ctx, ImportanceWeight, 'weightSet').load(set.dbId);
  }
}

@Resolver(() => ImportanceWeightType)
export class ImportanceWeightResolver {
  @Query(() => ImportanceWeightConnection, {
    description: 'Weights of the current set unless filter.weightSetId says otherwise.',
  })
  async importanceWeights(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ImportanceWeightFilter, { nullable: true })
    filter: ImportanceWeightFilter | undefined,
    @Arg('orderBy', () => ImportanceWeightOrder, { nullable: true })
    orderBy: ImportanceWeightOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportanceWeightConnection> {
    return mapPage(
      await ctx.service(WeightService).listWeights(filter, orderBy, args),
      toImportanceWeightType,
    );
  }

  @FieldResolver(() => ValueFactorType)
  async factor(
    @Root() w: ImportanceWeightType,
    @Ctx() ctx: RequestContext,
  ): Promise<ValueFactorType> {
    return toValueFactorType(await requiredById(ctx, ValueFactor, w.factorId));
  }

  @FieldResolver(() => SegmentType)
  async segment(@Root() w: ImportanceWeightType, @Ctx() ctx: RequestContext): Promise<SegmentType> {
    return toSegmentType(await requiredById(ctx, Segment, w.segmentId));
  }

  @FieldResolver(() => WeightSetType)
  async weightSet(
    @Root() w: ImportanceWeightType,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType> {
    return toWeightSetType(await requiredById(ctx, WeightSet, w.weightSetId));
  }
}
