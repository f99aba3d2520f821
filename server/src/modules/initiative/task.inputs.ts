import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/global-ids.js';
import { CouncilDecision, TaskStatus } from './initiative.enums.js';

@InputType()
export class CreateInitiativeTaskInput {
  @IdField('Initiative') initiativeId!: string;

  @Field(() => String)
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000, { message: 'description must be at most 20000 characters' })
  description?: string | null;

  @IdField('Department', { description: 'The department that does the work.' })
  departmentId!: string;

  @IdField('User', { nullable: true, description: 'A member of that department.' })
  @IsOptional()
  assigneeId?: string | null;

  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether its completion is announced to the clients ("you said, we did"); defaults to the initiative’s own visibility.',
  })
  @IsOptional()
  clientVisible?: boolean | null;
}

@InputType({
  description: 'Who does an open or rejected task now; it starts a new round of reminders.',
})
export class ReassignTaskInput {
  @IdField('Department') departmentId!: string;
  @IdField('User', { nullable: true }) @IsOptional() assigneeId?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'A new due date; absent keeps the current one.',
  })
  @IsOptional()
  dueAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Told to the department with the task.' })
  @IsOptional()
  @MaxLength(5_000, { message: 'note must be at most 5000 characters' })
  note?: string | null;
}

@InputType()
export class UpdateInitiativeTaskInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300, { message: 'title must be 1 to 300 characters' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000, { message: 'description must be at most 20000 characters' })
  description?: string | null;

  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;
  @IdField('User', { nullable: true }) @IsOptional() assigneeId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;

  @Field(() => TaskStatus, {
    nullable: true,
    description: 'OPEN, IN_PROGRESS or CANCELLED; use completeTask/rejectTask to finish.',
  })
  @IsOptional()
  status?: TaskStatus | null;
}

@InputType()
export class InitiativeTaskFilter {
  @IdField('Initiative', { nullable: true }) @IsOptional() initiativeId?: string | null;
  @IdField('Department', { nullable: true }) @IsOptional() departmentId?: string | null;
  @IdField('User', { nullable: true }) @IsOptional() assigneeId?: string | null;
  @Field(() => [TaskStatus], { nullable: true }) @IsOptional() statuses?: TaskStatus[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Past due and not DONE, REJECTED or CANCELLED.',
  })
  @IsOptional()
  overdue?: boolean | null;
}

@InputType()
export class DecideCouncilReviewInput {
  @Field(() => CouncilDecision, { description: 'APPROVED or CHANGES_REQUESTED.' })
  decision!: CouncilDecision;

  @Field(() => String, { nullable: true, description: 'Required when changes are requested.' })
  @IsOptional()
  @MaxLength(20_000, { message: 'comments must be at most 20000 characters' })
  comments?: string | null;

  @IdField('CouncilMember', {
    nullable: true,
    description:
      'The council member recording the decision; left out, the signed-in person’s own seat on the review’s council.',
  })
  @IsOptional()
  decidedByMemberId?: string | null;
}

@InputType()
export class CouncilReviewFilter {
  @IdField('Initiative', { nullable: true }) @IsOptional() initiativeId?: string | null;
  @IdField('AdvisoryCouncil', { nullable: true }) @IsOptional() councilId?: string | null;
  @Field(() => [CouncilDecision], { nullable: true }) @IsOptional() decisions?:
    CouncilDecision[] | null;
}
