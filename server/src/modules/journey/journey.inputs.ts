import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { CODE_PATTERN } from '../organisation/organisation.inputs.js';
import { InteractionChannel, JourneyStage } from './journey.enums.js';

const CODE_MESSAGE = 'code may contain only letters, digits, "-" and "_"';
const len = (field: string, min: number, max: number) =>
  Length(min, max, { message: `${field} must be ${min} to ${max} characters` });

@InputType()
export class CreateProcessClassInput {
  @Field(() => String)
  @len('code', 1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
  @Field(() => String) @len('name', 1, 200) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @len('nameRu', 1, 200) nameRu?:
    string | null;
  @Field(() => JourneyStage) primaryStage!: JourneyStage;
  @IdField('Department') owningDepartmentId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateProcessClassInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @len('code', 1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('name', 1, 200) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('nameRu', 1, 200) nameRu?:
    string | null;
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() primaryStage?: JourneyStage | null;
  @IdField('Department', { nullable: true }) @IsOptional() owningDepartmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType()
export class ProcessClassFilter {
  @Field(() => [JourneyStage], { nullable: true }) @IsOptional() primaryStages?:
    JourneyStage[] | null;
  @IdField('Department', { nullable: true }) @IsOptional() owningDepartmentId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, Russian name or code, any case.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType({ description: 'A touchpoint is unique per stage × process class × channel.' })
export class CreateTouchpointInput {
  @Field(() => JourneyStage) stage!: JourneyStage;
  @IdField('ProcessClass') processClassId!: string;
  @Field(() => InteractionChannel) channel!: InteractionChannel;
  @Field(() => String) @len('name', 1, 200) name!: string;
  @IdField('Department', {
    nullable: true,
    description: "Defaults to the process class's owning department.",
  })
  @IsOptional()
  owningDepartmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateTouchpointInput {
  @Field(() => JourneyStage, { nullable: true }) @IsOptional() stage?: JourneyStage | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => InteractionChannel, { nullable: true })
  @IsOptional()
  channel?: InteractionChannel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @len('name', 1, 200) name?: string | null;
  @IdField('Department', { nullable: true }) @IsOptional() owningDepartmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?:
    string | null;
}

@InputType()
export class TouchpointFilter {
  @Field(() => [JourneyStage], { nullable: true }) @IsOptional() stages?: JourneyStage[] | null;
  @IdField('ProcessClass', { nullable: true }) @IsOptional() processClassId?: string | null;
  @Field(() => [InteractionChannel], { nullable: true }) @IsOptional() channels?:
    InteractionChannel[] | null;
  @IdField('Department', { nullable: true }) @IsOptional() owningDepartmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) search?: string | null;
}
