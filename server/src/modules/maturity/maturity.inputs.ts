import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ProcessGroup } from '../initiative/initiative.enums.js';

@InputType()
export class MaturityEvidenceInput {
  @Field(() => String)
  @Length(1, 500, { message: 'criterion must be 1 to 500 characters' })
  criterion!: string;
  @Field(() => Boolean) met!: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'detail must be at most 2000 characters' })
  detail?: string | null;
}

@InputType()
export class RecordMaturityAssessmentInput {
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
  @Field(() => Int, { description: '1 (ad hoc) to 5 (optimised).' })
  @IsInt()
  @Min(1, { message: 'level must be between 1 and 5' })
  @Max(5, { message: 'level must be between 1 and 5' })
  level!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'note must be at most 10000 characters' })
  note?: string | null;
  @Field(() => [MaturityEvidenceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'evidence may list at most 100 criteria' })
  @ValidateNested({ each: true })
  evidence?: MaturityEvidenceInput[] | null;
}

@InputType()
export class MaturityAssessmentFilter {
  @Field(() => ProcessGroup, { nullable: true }) @IsOptional() processGroup?: ProcessGroup | null;
}
