import { GraphQLJSONObject } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { JourneyStage } from '../journey/journey.enums.js';
import { AnalysisKind, InitiativeStatus, ProcessGroup } from './initiative.enums.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Enough for a wide initiative; larger sets are a segment-level initiative, not a list of accounts. */
const MAX_LINKS = 500;

/** The describable part of an analysis, shared by create and update. Never emitted itself. */
@InputType()
abstract class AnalysisTextFields {
  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodFrom must be a month as YYYY-MM' })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  @IsOptional()
  @Matches(PERIOD, { message: 'periodTo must be a month as YYYY-MM' })
  periodTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000, { message: 'summary must be at most 20000 characters' })
  summary?: string | null;
}

@InputType()
export class CreateAnalysisInput extends AnalysisTextFields {
  @Field(() => AnalysisKind) kind!: AnalysisKind;

  @Field(() => String)
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  result?: Record<string, unknown> | null;

  @IdField('User', { nullable: true, description: 'The user who made the analysis.' })
  @IsOptional()
  createdById?: string | null;
}

@InputType({
  description:
    'Only the fields given change; null clears the period or summary. The kind and computed result are fixed.',
})
export class UpdateAnalysisInput extends AnalysisTextFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title?: string | null;
}

@InputType()
export class AnalysisFilter {
  @Field(() => [AnalysisKind], { nullable: true }) @IsOptional() kinds?: AnalysisKind[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) search?: string | null;
}

/** Fields shared by create and update; in an update, absent fields stay as they are. Never emitted itself. */
@InputType()
abstract class InitiativeFields {
  @IdField('Analysis', { nullable: true }) @IsOptional() analysisId?: string | null;
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;

  @IdField(['ClientAccount'], {
    nullable: true,
    description: 'Client accounts the initiative concerns (replaces the set).',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKS, { message: `affectedAccountIds can hold at most ${MAX_LINKS} accounts` })
  affectedAccountIds?: string[] | null;

  @IdField(['FeedbackItem'], {
    nullable: true,
    description: 'Feedback acted on; linked items become ACTIONED.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LINKS, { message: `feedbackIds can hold at most ${MAX_LINKS} items` })
  feedbackIds?: string[] | null;

  @Field(() => Boolean, { nullable: true }) @IsOptional() clientVisible?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5_000, { message: 'expectedEffect must be at most 5000 characters' })
  expectedEffect?: string | null;

  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;
}

@InputType()
export class CreateInitiativeInput extends InitiativeFields {
  @Field(() => String)
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;

  @Field(() => String)
  @Length(1, 20_000, { message: 'problem must be 1 to 20000 characters' })
  problem!: string;

  @Field(() => ProcessGroup, { nullable: true, description: 'COLLECT or ANALYSE (the default).' })
  @IsOptional()
  processGroup?: ProcessGroup | null;
}

@InputType()
export class UpdateInitiativeInput extends InitiativeFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20_000, { message: 'problem must be 1 to 20000 characters' })
  problem?: string | null;
}

@InputType()
export class InitiativeFilter {
  @Field(() => [ProcessGroup], { nullable: true }) @IsOptional() processGroups?:
    ProcessGroup[] | null;
  @Field(() => [InitiativeStatus], { nullable: true }) @IsOptional() statuses?:
    InitiativeStatus[] | null;
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
  @IdField('ClientAccount', {
    nullable: true,
    description: 'Initiatives affecting this client account.',
  })
  @IsOptional()
  accountId?: string | null;
  @IdField('Segment', {
    nullable: true,
    description: 'Initiatives affecting at least one client account of this segment.',
  })
  @IsOptional()
  segmentId?: string | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() clientVisible?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the title.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class InitiativeTargetInput {
  @IdField('MetricDefinition') metricId!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() baseline?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() targetValue?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() expectedDelta?: number | null;
}
