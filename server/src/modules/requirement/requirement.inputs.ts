import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { RequirementStatus } from './special-requirement.entity.js';

@InputType()
export class CreateSpecialRequirementInput {
  @IdField('ClientAccount') accountId!: string;
  @IdField('ProcessClass') processClassId!: string;
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
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
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
  @IdField('ClientAccount', { nullable: true }) @IsOptional() accountId?: string | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => RequirementStatus, { nullable: true })
  @IsOptional()
  status?: RequirementStatus | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the title.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}
