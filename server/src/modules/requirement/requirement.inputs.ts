import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RequirementStatus } from './special-requirement.entity.js';

@InputType()
export class CreateSpecialRequirementInput {
  @Field(() => ID) accountId!: string;
  @Field(() => ID) processClassId!: string;
  @Field(() => String)
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;
}

@InputType({ description: 'Only the given fields change. The account is fixed once captured.' })
export class UpdateSpecialRequirementInput {
  @Field(() => ID, { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000, { message: 'description must be at most 10000 characters' })
  description?: string | null;
  @Field(() => RequirementStatus, { nullable: true })
  @IsOptional()
  status?: RequirementStatus | null;
}

@InputType()
export class SpecialRequirementFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() accountId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => RequirementStatus, { nullable: true })
  @IsOptional()
  status?: RequirementStatus | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the title.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}
