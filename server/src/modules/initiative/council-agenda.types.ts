import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { AgendaTarget, AgendaTask, CouncilAgenda } from './council-agenda.js';

@ObjectType('CouncilAgendaTask', {
  description: 'A task as it stood when the review was asked for.',
})
export class CouncilAgendaTaskType {
  @Field(() => String) title!: string;
  @Field(() => String) department!: string;
  @Field(() => String) status!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => String, { nullable: true }) outcomeNote!: string | null;
}

@ObjectType('CouncilAgendaTarget', {
  description: 'A target metric with its baseline, target and latest measured value.',
})
export class CouncilAgendaTargetType {
  @Field(() => String) metricCode!: string;
  @Field(() => String) metricName!: string;
  @Field(() => String) unit!: string;
  @Field(() => Float, { nullable: true }) baseline!: number | null;
  @Field(() => Float, { nullable: true }) targetValue!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean over the affected accounts in the latest month with observations.',
  })
  latestValue!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) latestPeriod!: string | null;
  @Field(() => Int) accountsMeasured!: number;
}

@ObjectType('MilestoneCount')
export class MilestoneCountType {
  @Field(() => String) milestone!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('CouncilAgenda', {
  description:
    'What a council is asked to review: the initiative’s status when the review was asked for.',
})
export class CouncilAgendaType {
  @Field(() => Int) revision!: number;
  @Field(() => String, { nullable: true, description: 'What this revision set out to do.' })
  brief!: string | null;
  @Field(() => String) processGroup!: string;
  @Field(() => [CouncilAgendaTaskType]) tasksDone!: CouncilAgendaTaskType[];
  @Field(() => [CouncilAgendaTaskType]) tasksOpen!: CouncilAgendaTaskType[];
  @Field(() => [MilestoneCountType], {
    description: '"You said, we did" messages written so far, per milestone.',
  })
  notificationsSent!: MilestoneCountType[];
  @Field(() => [CouncilAgendaTargetType]) targets!: CouncilAgendaTargetType[];
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const task = (t: AgendaTask) =>
  Object.assign(new CouncilAgendaTaskType(), {
    ...t,
    dueAt: date(t.dueAt),
    completedAt: date(t.completedAt),
  });
const target = (t: AgendaTarget) => Object.assign(new CouncilAgendaTargetType(), t);

export function toAgendaType(a: CouncilAgenda): CouncilAgendaType {
  return Object.assign(new CouncilAgendaType(), {
    revision: a.revision,
    brief: a.brief,
    processGroup: a.processGroup,
    tasksDone: a.tasksDone.map(task),
    tasksOpen: a.tasksOpen.map(task),
    notificationsSent: a.notificationsSent.map((n) => Object.assign(new MilestoneCountType(), n)),
    targets: a.targets.map(target),
  });
}
