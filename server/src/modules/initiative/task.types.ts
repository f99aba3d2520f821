import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import type { CouncilReview } from './council-review.entity.js';
import type { InitiativeTask } from './initiative-task.entity.js';
import { CouncilDecision, TaskStatus } from './initiative.enums.js';
// Registers the module's enums before these types use them.
import './initiative.types.js';

@ObjectType('InitiativeTask', {
  implements: Node,
  description: 'Work a department does within an initiative.',
})
export class InitiativeTaskType extends Node {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field(() => String, {
    nullable: true,
    description: 'What was done, or why the task was rejected.',
  })
  outcomeNote!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Boolean, { description: 'Past its due date and still open or in progress.' })
  overdue!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  initiativeId!: string;
  departmentId!: string;
  assigneeId!: string | null;
}

@ObjectType()
export class InitiativeTaskConnection extends Connection(InitiativeTaskType, 'InitiativeTask') {}

export enum TaskSortField {
  CREATED_AT = 'createdAt',
  DUE_AT = 'dueAt',
}
registerEnumType(TaskSortField, {
  name: 'InitiativeTaskSortField',
  valuesConfig: { DUE_AT: { description: 'Lists only tasks that have a due date.' } },
});

@InputType()
export class InitiativeTaskOrder {
  @Field(() => TaskSortField) field!: TaskSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('CouncilReview', {
  implements: Node,
  description: "A council's review of one revision of an initiative.",
})
export class CouncilReviewType extends Node {
  @Field(() => Int, { description: 'The initiative revision under review.' }) revision!: number;
  @Field(() => CouncilDecision) decision!: CouncilDecision;
  @Field(() => String, { nullable: true }) comments!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  initiativeId!: string;
  councilId!: string;
  decidedById!: string | null;
}

@ObjectType()
export class CouncilReviewConnection extends Connection(CouncilReviewType, 'CouncilReview') {}

export const OPEN_TASK_STATUSES = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS];

export function toInitiativeTaskType(e: InitiativeTask, now = new Date()): InitiativeTaskType {
  const open = OPEN_TASK_STATUSES.includes(e.status);
  return Object.assign(new InitiativeTaskType(), {
    id: toGlobalId('InitiativeTask', e.id),
    dbId: e.id,
    title: e.title,
    description: e.description ?? null,
    dueAt: e.dueAt ?? null,
    status: e.status,
    outcomeNote: e.outcomeNote ?? null,
    completedAt: e.completedAt ?? null,
    overdue: open && !!e.dueAt && e.dueAt.getTime() < now.getTime(),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    initiativeId: e.initiative.id,
    departmentId: e.department.id,
    assigneeId: e.assignee?.id ?? null,
  });
}

export function toCouncilReviewType(e: CouncilReview): CouncilReviewType {
  return Object.assign(new CouncilReviewType(), {
    id: toGlobalId('CouncilReview', e.id),
    dbId: e.id,
    revision: e.revision,
    decision: e.decision,
    comments: e.comments ?? null,
    decidedAt: e.decidedAt ?? null,
    createdAt: e.createdAt,
    initiativeId: e.initiative.id,
    councilId: e.council.id,
    decidedById: e.decidedBy?.id ?? null,
  });
}
