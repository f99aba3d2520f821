import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { InitiativeLiveState } from '../../../../workflows/contracts/initiative.contract.js';
import type { InitiativeRevision } from './initiative-revision.entity.js';
import { InitiativeStatus, ProcessGroup, RevisionOrigin } from './initiative.enums.js';
// Registers the module's enums before these types use them.
import './initiative.types.js';

@ObjectType('PlannedTimer', {
  description:
    'Something the initiative’s workflow will do by itself unless the initiative changes first.',
})
export class PlannedTimerType {
  @Field(() => String, {
    description:
      'TASK_REMINDER, TASK_OVERDUE (to the owner), TASK_ESCALATION (to the CX office) or COUNCIL_REMINDER.',
  })
  kind!: string;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => ID, { nullable: true }) reviewId!: string | null;
}

@ObjectType('InitiativeLiveState', {
  description: 'The initiative as its running workflow holds it, answered by a workflow query.',
})
export class InitiativeLiveStateType {
  @Field(() => String) workflowId!: string;
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
  @Field(() => InitiativeStatus) status!: InitiativeStatus;
  @Field(() => Int) revision!: number;
  @Field(() => Int) openTasks!: number;
  @Field(() => Int) pendingReviews!: number;
  @Field(() => [PlannedTimerType], {
    description: 'The next action of each open task and pending review.',
  })
  timers!: PlannedTimerType[];
}

@ObjectType('InitiativeRevision', {
  implements: Node,
  description: 'One pass through IMPLEMENT: what it is asked to do, and why it was opened.',
})
export class InitiativeRevisionType extends Node {
  @Field(() => Int) number!: number;
  @Field(() => RevisionOrigin) origin!: RevisionOrigin;
  @Field(() => String, {
    description: 'What this revision changes; the council’s comments when it asked for it.',
  })
  brief!: string;
  @Field(() => String, { description: 'Who opened it (audit actor).' }) openedBy!: string;
  @Field(() => Date) openedAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description: 'The council review whose change request opened it.',
  })
  councilReviewId!: string | null;
}

export function toRevisionType(e: InitiativeRevision): InitiativeRevisionType {
  return Object.assign(new InitiativeRevisionType(), {
    id: toGlobalId('InitiativeRevision', e.id),
    number: e.number,
    origin: e.origin,
    brief: e.brief,
    openedBy: e.openedBy,
    openedAt: e.openedAt,
    councilReviewId: e.councilReview ? toGlobalId('CouncilReview', e.councilReview.id) : null,
  });
}

export function toLiveStateType(s: InitiativeLiveState): InitiativeLiveStateType {
  return Object.assign(new InitiativeLiveStateType(), {
    workflowId: s.workflowId,
    processGroup: s.processGroup,
    status: s.status,
    revision: s.revision,
    openTasks: s.tasks.filter((t) => t.status === 'OPEN' || t.status === 'IN_PROGRESS').length,
    pendingReviews: s.reviews.filter((r) => r.decision === 'PENDING').length,
    timers: s.timers.map((t) =>
      Object.assign(new PlannedTimerType(), {
        kind: t.kind,
        at: new Date(t.at),
        taskId: t.taskId ? toGlobalId('InitiativeTask', t.taskId) : null,
        reviewId: t.reviewId ? toGlobalId('CouncilReview', t.reviewId) : null,
      }),
    ),
  });
}
