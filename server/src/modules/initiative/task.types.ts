import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import type { CouncilReview } from './council-review.entity.js';
import type { InitiativeTask } from './initiative-task.entity.js';
import { isOpenTask } from '../../../../workflows/contracts/initiative.rules.js';
import { CouncilDecision, ReviewTrigger, TaskStatus } from './initiative.enums.js';
import { CouncilAgendaType, toAgendaType } from './council-agenda.types.js';
import type { CouncilAgenda } from './council-agenda.js';
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
  @Field(() => Boolean, {
    description: 'Its completion is announced to the initiative’s clients ("you said, we did").',
  })
  clientVisible!: boolean;
  @Field(() => Int, { description: 'The initiative revision the task was created in.' })
  revision!: number;
  @Field(() => Int, {
    description: 'Assignment round: each reassignment or new due date starts a new one.',
  })
  round!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the department was reminded (this round).',
  })
  remindedAt!: Date | null;
  @Field(() => Int, {
    description: '0 on time, 1 escalated to the initiative owner, 2 to the CX office (this round).',
  })
  escalationLevel!: number;
  @Field(() => Date, { nullable: true }) escalatedAt!: Date | null;
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
  @Field(() => ReviewTrigger, {
    nullable: true,
    description:
      'What sent the initiative to the council (null for reviews older than the workflows).',
  })
  trigger!: ReviewTrigger | null;
  @Field(() => CouncilAgendaType, {
    nullable: true,
    description: 'What the council was asked to review, as it stood when the review was requested.',
  })
  agenda!: CouncilAgendaType | null;
  @Field(() => Int, { description: 'Reminders sent to the council while it had not decided.' })
  remindersSent!: number;
  @Field(() => Date, { nullable: true }) lastRemindedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  initiativeId!: string;
  councilId!: string;
  decidedById!: string | null;
}

@ObjectType()
export class CouncilReviewConnection extends Connection(CouncilReviewType, 'CouncilReview') {}

export { OPEN_TASK_STATUSES } from '../../../../workflows/contracts/initiative.rules.js';

/** `now` is the request's clock (`ctx.clock.now()`), the one the `overdue` filter uses too. */
export function toInitiativeTaskType(e: InitiativeTask, now: Date): InitiativeTaskType {
  const open = isOpenTask(e);
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
    clientVisible: e.clientVisible,
    revision: e.revision,
    round: e.round,
    remindedAt: e.remindedAt ?? null,
    escalationLevel: e.escalationLevel,
    escalatedAt: e.escalatedAt ?? null,
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
    trigger: e.trigger ?? null,
    agenda: e.agenda ? toAgendaType(e.agenda as unknown as CouncilAgenda) : null,
    remindersSent: e.remindersSent,
    lastRemindedAt: e.lastRemindedAt ?? null,
    createdAt: e.createdAt,
    initiativeId: e.initiative.id,
    councilId: e.council.id,
    decidedById: e.decidedBy?.id ?? null,
  });
}
