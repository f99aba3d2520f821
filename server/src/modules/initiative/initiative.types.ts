import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { JourneyStage } from '../journey/journey.enums.js';
import type { Analysis } from './analysis.entity.js';
import type { Initiative } from './initiative.entity.js';
import type { InitiativeTarget } from './initiative-target.entity.js';
import {
  AnalysisKind,
  CouncilDecision,
  InboxKind,
  InitiativeStatus,
  Milestone,
  ProcessGroup,
  ReviewTrigger,
  RevisionOrigin,
  TaskStatus,
} from './initiative.enums.js';
// ProcessGroup is registered as a GraphQL enum by the maturity module; import it for that side effect.
import '../maturity/maturity.types.js';

registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });
registerEnumType(TaskStatus, { name: 'TaskStatus' });
registerEnumType(CouncilDecision, { name: 'CouncilDecision' });
registerEnumType(ReviewTrigger, {
  name: 'ReviewTrigger',
  description: 'What sent an initiative to its advisory council.',
});
registerEnumType(RevisionOrigin, {
  name: 'RevisionOrigin',
  description: 'Why a revision was opened.',
});
registerEnumType(Milestone, {
  name: 'Milestone',
  description: 'The "you said, we did" milestones of a client-visible initiative.',
});
registerEnumType(InboxKind, { name: 'InboxKind' });
registerEnumType(AnalysisKind, {
  name: 'AnalysisKind',
  description: 'Pareto, root cause or screening.',
});

@ObjectType('Analysis', {
  implements: Node,
  description: 'A recorded analysis that initiatives are linked to.',
})
export class AnalysisType extends Node {
  @Field(() => AnalysisKind) kind!: AnalysisKind;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) periodFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) periodTo!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The computed result as it was when made.',
  })
  result!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'What a scheduled analysis was computed from (period, thresholds, cut, counts).',
  })
  inputs!: Record<string, unknown> | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  createdById!: string | null;
}

@ObjectType()
export class AnalysisConnection extends Connection(AnalysisType, 'Analysis') {}

@ObjectType('Initiative', {
  implements: Node,
  description: 'An owned improvement initiative of the CX loop.',
})
export class InitiativeType extends Node {
  @Field(() => String, { description: 'Human code, INI-0001, INI-0002, …' }) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) problem!: string;
  @Field(() => JourneyStage, { nullable: true }) stage!: JourneyStage | null;
  @Field(() => Boolean, {
    description: 'Reported to affected clients; closing needs council approval.',
  })
  clientVisible!: boolean;
  @Field(() => ProcessGroup) processGroup!: ProcessGroup;
  @Field(() => InitiativeStatus) status!: InitiativeStatus;
  @Field(() => Int, {
    description: 'Raised each time the initiative loops from CORRECT back to IMPLEMENT.',
  })
  revision!: number;
  @Field(() => String, { nullable: true }) expectedEffect!: string | null;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it closed or was cancelled.' })
  closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it is on hold (while ON_HOLD).' })
  holdReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason!: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When its workflow was started; null until Temporal has accepted it.',
  })
  workflowStartedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  analysisId!: string | null;
  ownerId!: string | null;
  processClassId!: string | null;
}

@ObjectType()
export class InitiativeConnection extends Connection(InitiativeType, 'Initiative') {}

@ObjectType('InitiativeTarget', {
  implements: Node,
  description: 'A metric an initiative is meant to move.',
})
export class InitiativeTargetType extends Node {
  @Field(() => Float, { nullable: true }) baseline!: number | null;
  @Field(() => Float, { nullable: true }) targetValue!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Expected change in the metric's unit (signed).",
  })
  expectedDelta!: number | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  initiativeId!: string;
  metricId!: string;
}

export enum AnalysisSortField {
  CREATED_AT = 'createdAt',
}
registerEnumType(AnalysisSortField, { name: 'AnalysisSortField' });

@InputType()
export class AnalysisOrder {
  @Field(() => AnalysisSortField) field!: AnalysisSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export enum InitiativeSortField {
  CREATED_AT = 'createdAt',
  /** Keyset cursors cannot order NULLs portably: ordering by due date lists dated initiatives only. */
  DUE_AT = 'dueAt',
  CODE = 'code',
}
registerEnumType(InitiativeSortField, {
  name: 'InitiativeSortField',
  valuesConfig: { DUE_AT: { description: 'Lists only initiatives that have a due date.' } },
});

@InputType()
export class InitiativeOrder {
  @Field(() => InitiativeSortField) field!: InitiativeSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export function toAnalysisType(e: Analysis): AnalysisType {
  return Object.assign(new AnalysisType(), {
    id: toGlobalId('Analysis', e.id),
    dbId: e.id,
    kind: e.kind,
    title: e.title,
    periodFrom: e.periodFrom ?? null,
    periodTo: e.periodTo ?? null,
    summary: e.summary ?? null,
    result: e.result ?? null,
    inputs: e.inputs ?? null,
    createdAt: e.createdAt,
    createdById: e.createdBy?.id ?? null,
  });
}

export function toInitiativeType(e: Initiative): InitiativeType {
  return Object.assign(new InitiativeType(), {
    id: toGlobalId('Initiative', e.id),
    dbId: e.id,
    code: e.code,
    title: e.title,
    problem: e.problem,
    stage: e.stage ?? null,
    clientVisible: e.clientVisible,
    processGroup: e.processGroup,
    status: e.status,
    revision: e.revision,
    expectedEffect: e.expectedEffect ?? null,
    startedAt: e.startedAt ?? null,
    dueAt: e.dueAt ?? null,
    closedAt: e.closedAt ?? null,
    holdReason: e.holdReason ?? null,
    cancelReason: e.cancelReason ?? null,
    workflowStartedAt: e.workflowStartedAt ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    analysisId: e.analysis?.id ?? null,
    ownerId: e.owner?.id ?? null,
    processClassId: e.processClass?.id ?? null,
  });
}

export function toInitiativeTargetType(e: InitiativeTarget): InitiativeTargetType {
  return Object.assign(new InitiativeTargetType(), {
    id: toGlobalId('InitiativeTarget', e.id),
    dbId: e.id,
    baseline: e.baseline ?? null,
    targetValue: e.targetValue ?? null,
    expectedDelta: e.expectedDelta ?? null,
    createdAt: e.createdAt,
    initiativeId: e.initiative.id,
    metricId: e.metric.id,
  });
}
