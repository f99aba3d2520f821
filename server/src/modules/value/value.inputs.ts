import { IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { RespondentClass } from '../client/client.enums.js';
import { ValueTier, WeightSource } from './value.enums.js';

/** One call may replace a whole interview round: segments × 3 classes × ~40 factors fits easily. */
export const MAX_WEIGHTS_PER_CALL = 5_000;

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CODE_MESSAGE =
  'code must be 1 to 64 lower-case letters, digits, "_", "-" or "." and start with a letter or digit';

@InputType()
export class ValueFactorFilter {
  @Field(() => [ValueTier], { nullable: true }) @IsOptional() tiers?: ValueTier[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) subgroup?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive match on code, name or Russian name.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class CreateValueFactorInput {
  @Field(() => String) @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @Field(() => String)
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'nameRu must be 1 to 200 characters' })
  nameRu?: string | null;
  @Field(() => ValueTier) tier!: ValueTier;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) subgroup?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) description?:
    string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() sortOrder?: number | null;
}

@InputType({ description: 'Only the given fields change.' })
export class UpdateValueFactorInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'nameRu must be 1 to 200 characters' })
  nameRu?: string | null;
  @Field(() => ValueTier, { nullable: true }) @IsOptional() tier?: ValueTier | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) subgroup?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) description?:
    string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() sortOrder?: number | null;
}

@InputType()
export class CreateWeightSetInput {
  @Field(() => String)
  @Length(1, 200, { message: 'label must be 1 to 200 characters' })
  label!: string;
  @Field(() => WeightSource) source!: WeightSource;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) notes?: string | null;
  @IdField('WeightSet', {
    nullable: true,
    description: 'Start the new version with a copy of this set’s weights.',
  })
  @IsOptional()
  copyFromWeightSetId?: string | null;
}

@InputType()
export class ImportanceWeightInput {
  @IdField('Segment') segmentId!: string;
  @Field(() => RespondentClass) respondentClass!: RespondentClass;
  @IdField('ValueFactor') factorId!: string;
  @Field(() => Float, { description: '0–1' })
  @Min(0, { message: 'weight must be between 0 and 1' })
  @Max(1, { message: 'weight must be between 0 and 1' })
  weight!: number;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'spread must be zero or more' })
  spread?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'sampleSize must be zero or more' })
  sampleSize?: number | null;
}

@InputType()
export class WeightSetFilter {
  @Field(() => [WeightSource], { nullable: true }) @IsOptional() sources?: WeightSource[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() isCurrent?: boolean | null;
}

@InputType()
export class ImportanceWeightFilter {
  @IdField('WeightSet', { nullable: true, description: 'Defaults to the current weight set.' })
  @IsOptional()
  weightSetId?: string | null;
  @IdField('Segment', { nullable: true }) @IsOptional() segmentId?: string | null;
  @Field(() => RespondentClass, { nullable: true })
  @IsOptional()
  respondentClass?: RespondentClass | null;
  @IdField('ValueFactor', { nullable: true }) @IsOptional() factorId?: string | null;
}
