import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { CaseStatus } from './case.enums.js';
import { MAX_RESOLUTION_NOTE } from './case.service.js';

@InputType()
export class CaseFilter {
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;
  @Field(() => [CaseStatus], { nullable: true }) @IsOptional() statuses?: CaseStatus[] | null;
  @Field(() => Float, { nullable: true, description: 'Opened at least this many hours ago.' })
  @IsOptional()
  @Min(0, { message: 'olderThanHours must not be negative' })
  @Max(100_000, { message: 'olderThanHours must be at most 100000' })
  olderThanHours?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only open cases past their response deadline.',
  })
  @IsOptional()
  overdueOnly?: boolean | null;
}

@InputType()
export class ResolveCaseInput {
  @IdField('Case') caseId!: string;
  @Field(() => String, { description: 'What was done; sent to the client in their language.' })
  @MaxLength(MAX_RESOLUTION_NOTE, {
    message: `note must be at most ${MAX_RESOLUTION_NOTE} characters`,
  })
  note!: string;
}

@InputType({ description: 'Give a department, an owner or both.' })
export class ReassignCaseInput {
  @IdField('Case') caseId!: string;
  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;
  @IdField('User', { nullable: true }) @IsOptional() ownerId?: string | null;
}
