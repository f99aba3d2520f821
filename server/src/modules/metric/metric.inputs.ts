import { IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { JourneyStage } from '../journey/journey.enums.js';
import { BetterDirection, CollectionMethod, MetricKind, MetricLayer } from './metric.enums.js';

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIOD_MESSAGE = (field: string) => `${field} must be a month written YYYY-MM, e.g. 2025-03`;
const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CODE_MESSAGE =
  'code must be 1 to 64 lower-case letters, digits, "_", "-" or "." and start with a letter or digit';

@InputType()
export class CreateMetricDefinitionInput {
  @Field(() => String, { description: 'Stable key; cannot change later.' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'nameRu must be 1 to 200 characters' })
  nameRu?: string | null;
  @Field(() => MetricLayer) layer!: MetricLayer;
  @Field(() => MetricKind) kind!: MetricKind;
  @Field(() => CollectionMethod) collectionMethod!: CollectionMethod;
  @Field(() => FeedbackChannel, { nullable: true, description: 'Only for TRIGGER metrics.' })
  @IsOptional()
  collectionChannel?: FeedbackChannel | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
  @IdField('ValueFactor', { nullable: true }) @IsOptional() factorId?: string | null;
  @Field(() => String) @Length(1, 32, { message: 'unit must be 1 to 32 characters' }) unit!: string;
  @Field(() => BetterDirection) betterDirection!: BetterDirection;
  @Field(() => Float, { nullable: true }) @IsOptional() target?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Defaults to true.' })
  @IsOptional()
  active?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) description?:
    string | null;
}

@InputType({ description: 'Only the given fields change; null clears an optional field.' })
export class UpdateMetricDefinitionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'nameRu must be 1 to 200 characters' })
  nameRu?: string | null;
  @Field(() => MetricLayer, { nullable: true }) @IsOptional() layer?: MetricLayer | null;
  @Field(() => MetricKind, { nullable: true }) @IsOptional() kind?: MetricKind | null;
  @Field(() => CollectionMethod, { nullable: true })
  @IsOptional()
  collectionMethod?: CollectionMethod | null;
  @Field(() => FeedbackChannel, { nullable: true })
  @IsOptional()
  collectionChannel?: FeedbackChannel | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
  @IdField('ValueFactor', { nullable: true }) @IsOptional() factorId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 32, { message: 'unit must be 1 to 32 characters' })
  unit?: string | null;
  @Field(() => BetterDirection, { nullable: true })
  @IsOptional()
  betterDirection?: BetterDirection | null;
  @Field(() => Float, { nullable: true }) @IsOptional() target?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) description?:
    string | null;
}

@InputType()
export class MetricDefinitionFilter {
  @Field(() => MetricLayer, { nullable: true }) @IsOptional() layer?: MetricLayer | null;
  @Field(() => MetricKind, { nullable: true }) @IsOptional() kind?: MetricKind | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
  @IdField('ValueFactor', { nullable: true }) @IsOptional() factorId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive match on code, name or Russian name.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class MetricKindShareFilter {
  @Field(() => MetricLayer, { nullable: true }) @IsOptional() layer?: MetricLayer | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
}

@InputType({
  description: 'Inserts or replaces the value of one metric for one account and month.',
})
export class RecordMetricObservationInput {
  @IdField('MetricDefinition') metricId!: string;
  @IdField('ClientAccount') accountId!: string;
  @Field(() => String, { description: 'YYYY-MM' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE('period') })
  period!: string;
  @Field(() => Float) value!: number;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'sampleSize must be zero or more' })
  sampleSize?: number | null;
  @Field(() => String, { nullable: true, description: 'Where the value came from, e.g. "erp".' })
  @IsOptional()
  @Length(1, 120, { message: 'source must be 1 to 120 characters' })
  source?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'externalId must be 1 to 200 characters' })
  externalId?: string | null;
}

@InputType()
export class MetricObservationFilter {
  @IdField('MetricDefinition', { nullable: true }) @IsOptional() metricId?: string | null;
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'First month included, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('periodFrom') })
  periodFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month included, YYYY-MM.' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE('periodTo') })
  periodTo?: string | null;
}
