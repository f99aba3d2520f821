import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context.js';
import { IdArg } from '../../../graphql/global-ids.js';
import { optionalById } from '../../../graphql/loaders.js';
import { ConnectionArgs, mapPage } from '../../../graphql/relay.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import {
  ClientAccountType,
  SegmentType,
  toClientAccountType,
  toSegmentType,
} from '../../client/client.types.js';
import { Segment } from '../../client/segment.entity.js';
import { toProcessClassType } from '../../journey/journey.types.js';
import { toMetricDefinitionType } from '../../metric/metric.types.js';
import { toDepartmentType } from '../../organisation/organisation.types.js';
import { toValueFactorType, toWeightSetType, WeightSetType } from '../../value/value.types.js';
import { WeightSet } from '../../value/weight-set.entity.js';
import { ScaleAlignmentService } from './alignment.service.js';
import { IndexCalibrationService } from './calibration.service.js';
import { IndexReadService } from './index-read.service.js';
import {
  AlignedAccountScoreType,
  CalibrateIndexInput,
  IndexCalibrationRoundType,
  IndexCalibrationRunType,
  SatisfactionIndexConnection,
  SatisfactionIndexDrillDownType,
  SatisfactionIndexFilter,
  SatisfactionIndexOrder,
  SatisfactionIndexTrendInput,
  SatisfactionIndexType,
  ScaleAlignmentInput,
  ScaleAlignmentType,
  SegmentIndexPointType,
  toCalibrationRoundType,
  toSatisfactionIndexType,
} from './index.types.js';

@Resolver(() => SatisfactionIndexType)
export class SatisfactionIndexResolver {
  @Query(() => SatisfactionIndexConnection, {
    description:
      'The predicted satisfaction index per account and month (current weight set unless named), newest month first unless ordered.',
  })
  async satisfactionIndices(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SatisfactionIndexFilter, { nullable: true })
    filter: SatisfactionIndexFilter | undefined,
    @Arg('orderBy', () => SatisfactionIndexOrder, { nullable: true })
    orderBy: SatisfactionIndexOrder | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SatisfactionIndexConnection> {
    return mapPage(
      await ctx.service(IndexReadService).list(filter ?? {}, orderBy, args),
      toSatisfactionIndexType,
    );
  }

  @Query(() => [SegmentIndexPointType], {
    description: 'Per segment and month: mean index, predicted and measured NPS (a trend).',
  })
  async satisfactionIndexTrend(
    @Arg('input', () => SatisfactionIndexTrendInput) input: SatisfactionIndexTrendInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentIndexPointType[]> {
    const points = await ctx.service(IndexReadService).trend(input);
    return points.map((p) => Object.assign(new SegmentIndexPointType(), p));
  }

  @Query(() => SatisfactionIndexDrillDownType, {
    nullable: true,
    description:
      "One account's index → blocks → factors (unmeasured ones flagged) → metrics → process class → owning department; the latest month unless one is named. Null when the index was not computed for it.",
  })
  async satisfactionIndexDrillDown(
    @IdArg('accountId', 'ClientAccount') accountId: string,
    @Arg('period', () => String, { nullable: true }) period: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SatisfactionIndexDrillDownType | null> {
    const drill = await ctx.service(IndexReadService).drillDown(accountId, period);
    if (!drill) return null;
    return Object.assign(new SatisfactionIndexDrillDownType(), {
      index: toSatisfactionIndexType(drill.row),
      blocks: drill.blocks.map((b) => ({
        tier: b.tier,
        score: b.score,
        weight: b.weight,
        factors: b.factors.map((f) => ({
          factor: toValueFactorType(f.factor),
          weight: f.weight,
          measured: f.score !== null,
          score: f.score,
          contribution: f.contribution,
          metrics: f.metrics.map((m) => ({
            metric: toMetricDefinitionType(m.metric),
            value: m.value,
            normalised: m.normalised,
            processClass: m.metric.processClass ? toProcessClassType(m.metric.processClass) : null,
            department: m.metric.processClass
              ? toDepartmentType(m.metric.processClass.owningDepartment)
              : null,
          })),
        })),
      })),
    });
  }

  @Query(() => [IndexCalibrationRoundType], {
    description: 'Calibration rounds and scale fits, newest first, with their fit errors.',
  })
  async indexCalibrationRounds(
    @IdArg('weightSetId', 'WeightSet', { nullable: true }) weightSetId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<IndexCalibrationRoundType[]> {
    return (await ctx.service(IndexReadService).calibrations(weightSetId)).map(
      toCalibrationRoundType,
    );
  }

  @Query(() => ScaleAlignmentType, {
    description:
      "Raw vs scale-aligned (each contact's own history) NPS or CSI per account over complete months, and where the rankings disagree.",
  })
  async scaleAlignedScores(
    @Arg('input', () => ScaleAlignmentInput) input: ScaleAlignmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ScaleAlignmentType> {
    const r = await ctx.service(ScaleAlignmentService).compare(input);
    const toScore = (p: (typeof r.accounts)[number]) =>
      Object.assign(new AlignedAccountScoreType(), {
        raw: p.raw,
        aligned: p.aligned,
        responses: p.item.responses,
        rawRank: p.rawRank,
        alignedRank: p.alignedRank,
        rankShift: p.rankShift,
        accountId: p.item.accountId,
      });
    const byRaw = [...r.accounts].sort((a, b) => a.rawRank - b.rawRank);
    const largest = [...r.accounts]
      .sort((a, b) => Math.abs(b.rankShift) - Math.abs(a.rankShift))
      .slice(0, 10);
    return Object.assign(new ScaleAlignmentType(), {
      metric: input.metric,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      historyFrom: r.historyFrom,
      spearman: r.spearman,
      accounts: byRaw.map(toScore),
      largestShifts: largest.map(toScore),
    });
  }

  @Mutation(() => IndexCalibrationRunType, {
    description:
      'Calibrates the current weight set to measured account NPS on complete months: damped NNLS rounds, each stored as a new CALIBRATION weight set (make one current with setCurrentWeightSet).',
  })
  async calibrateSatisfactionIndex(
    @Arg('input', () => CalibrateIndexInput) input: CalibrateIndexInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IndexCalibrationRunType> {
    const sets = await ctx
      .service(IndexCalibrationService)
      .run(input.periodFrom, input.periodTo, input.rounds);
    const rounds = await ctx.service(IndexReadService).calibrationsOf(sets.map((s) => s.id));
    return Object.assign(new IndexCalibrationRunType(), {
      weightSets: sets.map(toWeightSetType),
      rounds: rounds.map(toCalibrationRoundType),
    });
  }

  @FieldResolver(() => ClientAccountType, { nullable: true })
  async account(
    @Root() row: SatisfactionIndexType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType | null> {
    return optionalById(ctx, ClientAccount, row.accountId, toClientAccountType);
  }

  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: SatisfactionIndexType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }

  @FieldResolver(() => WeightSetType, { nullable: true })
  async weightSet(
    @Root() row: SatisfactionIndexType,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType | null> {
    return optionalById(ctx, WeightSet, row.weightSetId, toWeightSetType);
  }
}

@Resolver(() => SegmentIndexPointType)
export class SegmentIndexPointResolver {
  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: SegmentIndexPointType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }
}

@Resolver(() => IndexCalibrationRoundType)
export class IndexCalibrationRoundResolver {
  @FieldResolver(() => SegmentType, { nullable: true })
  async segment(
    @Root() row: IndexCalibrationRoundType,
    @Ctx() ctx: RequestContext,
  ): Promise<SegmentType | null> {
    return optionalById(ctx, Segment, row.segmentId, toSegmentType);
  }

  @FieldResolver(() => WeightSetType, { nullable: true })
  async weightSet(
    @Root() row: IndexCalibrationRoundType,
    @Ctx() ctx: RequestContext,
  ): Promise<WeightSetType | null> {
    return optionalById(ctx, WeightSet, row.weightSetId, toWeightSetType);
  }
}

@Resolver(() => AlignedAccountScoreType)
export class AlignedAccountScoreResolver {
  @FieldResolver(() => ClientAccountType, { nullable: true })
  async account(
    @Root() row: AlignedAccountScoreType,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientAccountType | null> {
    return optionalById(ctx, ClientAccount, row.accountId, toClientAccountType);
  }
}
