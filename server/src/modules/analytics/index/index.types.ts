import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IdField } from '../../../graphql/global-ids.js';
import { Connection } from '../../../graphql/relay.js';
import { SortDirection } from '../../../graphql/sorting.js';
import { MetricDefinitionType } from '../../metric/metric.types.js';
import { ProcessClassType } from '../../journey/journey.types.js';
import { DepartmentType } from '../../organisation/organisation.types.js';
import { ValueFactorType, WeightSetType } from '../../value/value.types.js';
import { ValueTier } from '../../value/value.enums.js';
import type { IndexCalibration } from './index-calibration.entity.js';
import type { SatisfactionIndex } from './satisfaction-index.entity.js';
import { MAX_ROUNDS } from './calibration.service.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH = { message: 'must be a month as YYYY-MM' };

export enum AlignedMetric {
  NPS = 'NPS',
  CSI = 'CSI',
}
registerEnumType(AlignedMetric, { name: 'AlignedMetric' });

export enum SatisfactionIndexSortField {
  INDEX = 'value',
  PREDICTED_NPS = 'predictedNps',
  PERIOD = 'period',
}
registerEnumType(SatisfactionIndexSortField, { name: 'SatisfactionIndexSortField' });

@ObjectType('SatisfactionIndex', {
  description:
    "One account's predicted satisfaction index in one month under one weight set, with its block scores (Bain's tiers).",
})
export class SatisfactionIndexType {
  @Field(() => String, { description: 'YYYY-MM' }) period!: string;
  @Field(() => Float, {
    nullable: true,
    description: '0–100; null when nothing weighted was measured.',
  })
  index!: number | null;
  @Field(() => Float, { description: 'Share (0..1) of the weight carried by measured factors.' })
  coverage!: number;
  @Field(() => Float, { nullable: true }) tableStakes!: number | null;
  @Field(() => Float, { nullable: true }) functional!: number | null;
  @Field(() => Float, { nullable: true }) easeOfDoingBusiness!: number | null;
  @Field(() => Float, { nullable: true }) individual!: number | null;
  @Field(() => Float, { nullable: true }) inspirational!: number | null;
  @Field(() => Float, { nullable: true, description: 'The NPS the index maps to in the segment.' })
  predictedNps!: number | null;
  @Field(() => Float, { nullable: true }) measuredNps!: number | null;
  @Field(() => Int) npsResponses!: number;
  @Field(() => Date) computedAt!: Date;
  accountId!: string;
  segmentId!: string;
  weightSetId!: string;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function toSatisfactionIndexType(e: SatisfactionIndex): SatisfactionIndexType {
  return Object.assign(new SatisfactionIndexType(), {
    period: e.period,
    index: num(e.value),
    coverage: Number(e.coverage),
    tableStakes: num(e.tableStakes),
    functional: num(e.functional),
    easeOfDoingBusiness: num(e.easeOfDoingBusiness),
    individual: num(e.individual),
    inspirational: num(e.inspirational),
    predictedNps: num(e.predictedNps),
    measuredNps: num(e.measuredNps),
    npsResponses: e.npsResponses,
    computedAt: e.computedAt,
    accountId: e.account.id,
    segmentId: e.segment.id,
    weightSetId: e.weightSet.id,
  });
}

@ObjectType()
export class SatisfactionIndexConnection extends Connection(
  SatisfactionIndexType,
  'SatisfactionIndex',
) {}

@InputType()
export class SatisfactionIndexFilter {
  @Field(() => String, { nullable: true, description: 'One month, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, MONTH)
  period?: string | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @IdField('WeightSet', { nullable: true, description: 'Default: the current weight set.' })
  @IsOptional()
  weightSetId?: string | null;
}

@InputType()
export class SatisfactionIndexOrder {
  @Field(() => SatisfactionIndexSortField) field!: SatisfactionIndexSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class SatisfactionIndexTrendInput {
  @Field(() => String) @Matches(PERIOD, MONTH) periodFrom!: string;
  @Field(() => String) @Matches(PERIOD, MONTH) periodTo!: string;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @IdField('WeightSet', { nullable: true, description: 'Default: the current weight set.' })
  @IsOptional()
  weightSetId?: string | null;
}

@ObjectType('SegmentIndexPoint', {
  description: "A segment's mean index and predicted NPS in one month, and the NPS measured.",
})
export class SegmentIndexPointType {
  @Field(() => String) period!: string;
  @Field(() => Int) accounts!: number;
  @Field(() => Float, { nullable: true }) index!: number | null;
  @Field(() => Float, { nullable: true }) predictedNps!: number | null;
  @Field(() => Float, { nullable: true, description: 'Over all NPS answers of the segment.' })
  measuredNps!: number | null;
  segmentId!: string;
}

@ObjectType('IndexDrillMetric')
export class IndexDrillMetricType {
  @Field(() => MetricDefinitionType) metric!: MetricDefinitionType;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'Percent rank among the month’s accounts, 0 worst … 1 best.' })
  normalised!: number;
  @Field(() => ProcessClassType, { nullable: true }) processClass!: ProcessClassType | null;
  @Field(() => DepartmentType, { nullable: true, description: 'The process class’s owner.' })
  department!: DepartmentType | null;
}

@ObjectType('IndexDrillFactor')
export class IndexDrillFactorType {
  @Field(() => ValueFactorType) factor!: ValueFactorType;
  @Field(() => Float, { description: "The segment's weight (mean over respondent classes)." })
  weight!: number;
  @Field(() => Boolean, { description: 'False: no metric of the factor was observed.' })
  measured!: boolean;
  @Field(() => Float, { nullable: true, description: '0..1' }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'Index points this factor adds.' })
  contribution!: number | null;
  @Field(() => [IndexDrillMetricType]) metrics!: IndexDrillMetricType[];
}

@ObjectType('IndexDrillBlock')
export class IndexDrillBlockType {
  @Field(() => ValueTier) tier!: ValueTier;
  @Field(() => Float, { nullable: true, description: '0–100' }) score!: number | null;
  @Field(() => Float) weight!: number;
  @Field(() => [IndexDrillFactorType]) factors!: IndexDrillFactorType[];
}

@ObjectType('SatisfactionIndexDrillDown', {
  description: 'Index → block → factor → metric → process class → owning department.',
})
export class SatisfactionIndexDrillDownType {
  @Field(() => SatisfactionIndexType) index!: SatisfactionIndexType;
  @Field(() => [IndexDrillBlockType]) blocks!: IndexDrillBlockType[];
}

@ObjectType('IndexCalibrationRound', {
  description:
    'One calibration round (round ≥ 1) or scale fit (round 0) of a weight set in one segment: the line index → NPS and the fit error on the training months before and after.',
})
export class IndexCalibrationRoundType {
  @Field(() => Int) round!: number;
  @Field(() => String) trainFrom!: string;
  @Field(() => String) trainTo!: string;
  @Field(() => Int) samples!: number;
  @Field(() => Float) rmseBefore!: number;
  @Field(() => Float) maeBefore!: number;
  @Field(() => Float) rmseAfter!: number;
  @Field(() => Float) maeAfter!: number;
  @Field(() => Float) intercept!: number;
  @Field(() => Float, { description: 'NPS points per 100 index points.' }) slope!: number;
  @Field(() => Date) createdAt!: Date;
  weightSetId!: string;
  segmentId!: string;
}

export function toCalibrationRoundType(e: IndexCalibration): IndexCalibrationRoundType {
  return Object.assign(new IndexCalibrationRoundType(), {
    round: e.round,
    trainFrom: e.trainFrom,
    trainTo: e.trainTo,
    samples: e.samples,
    rmseBefore: Number(e.rmseBefore),
    maeBefore: Number(e.maeBefore),
    rmseAfter: Number(e.rmseAfter),
    maeAfter: Number(e.maeAfter),
    intercept: Number(e.intercept),
    slope: Number(e.slope),
    createdAt: e.createdAt,
    weightSetId: e.weightSet.id,
    segmentId: e.segment.id,
  });
}

@InputType()
export class CalibrateIndexInput {
  @Field(() => String, { description: 'First training month, YYYY-MM.' })
  @Matches(PERIOD, MONTH)
  periodFrom!: string;
  @Field(() => String, { description: 'Last training month, YYYY-MM (complete).' })
  @Matches(PERIOD, MONTH)
  periodTo!: string;
  @Field(() => Int, { description: `Rounds, 1–${MAX_ROUNDS}; each makes a weight set.` })
  @IsInt()
  @Min(1)
  @Max(MAX_ROUNDS)
  rounds!: number;
}

@ObjectType('IndexCalibrationRun')
export class IndexCalibrationRunType {
  @Field(() => [WeightSetType], { description: 'One new weight set per round, oldest first.' })
  weightSets!: WeightSetType[];
  @Field(() => [IndexCalibrationRoundType]) rounds!: IndexCalibrationRoundType[];
}

@InputType()
export class ScaleAlignmentInput {
  @Field(() => AlignedMetric) @IsIn(Object.values(AlignedMetric)) metric!: AlignedMetric;
  @Field(() => String) @Matches(PERIOD, MONTH) periodFrom!: string;
  @Field(() => String) @Matches(PERIOD, MONTH) periodTo!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Months of history before the window (1–36, default 12).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  historyMonths?: number | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
}

@ObjectType('AlignedAccountScore')
export class AlignedAccountScoreType {
  @Field(() => Float, { description: 'NPS (%) or mean CSI of the window.' }) raw!: number;
  @Field(() => Float, { description: "Mean z-score against each contact's own history." })
  aligned!: number;
  @Field(() => Int) responses!: number;
  @Field(() => Float) rawRank!: number;
  @Field(() => Float) alignedRank!: number;
  @Field(() => Float, { description: 'alignedRank − rawRank: positive, lower when aligned.' })
  rankShift!: number;
  accountId!: string;
}

@ObjectType('ScaleAlignment', {
  description: 'Raw vs scale-aligned scores of the accounts and where the two rankings disagree.',
})
export class ScaleAlignmentType {
  @Field(() => AlignedMetric) metric!: AlignedMetric;
  @Field(() => String) periodFrom!: string;
  @Field(() => String) periodTo!: string;
  @Field(() => String, { description: 'First month of the contacts’ history.' })
  historyFrom!: string;
  @Field(() => Float, { nullable: true, description: 'Spearman correlation of the two rankings.' })
  spearman!: number | null;
  @Field(() => [AlignedAccountScoreType], { description: 'By raw rank.' })
  accounts!: AlignedAccountScoreType[];
  @Field(() => [AlignedAccountScoreType], { description: 'The 10 largest rank shifts.' })
  largestShifts!: AlignedAccountScoreType[];
}
