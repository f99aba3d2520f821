import { Field, Float, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { ComplaintClass } from '../feedback/feedback.enums.js';
import type { FeedbackCase } from './case.entity.js';
import { CaseReason, CaseResponseClock, CaseStatus } from './case.enums.js';

registerEnumType(CaseStatus, { name: 'CaseStatus' });
registerEnumType(CaseReason, { name: 'CaseReason' });
registerEnumType(CaseResponseClock, {
  name: 'CaseResponseClock',
  description: 'Where the response deadline stands: running, overdue, met or missed.',
});

export enum CaseSortField {
  OPENED_AT = 'openedAt',
  RESPONSE_DUE_AT = 'responseDueAt',
}
registerEnumType(CaseSortField, { name: 'CaseSortField' });

@InputType()
export class CaseOrder {
  @Field(() => CaseSortField) field!: CaseSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

const HOUR = 3_600_000;
const hoursBetween = (from: Date, to: Date | null | undefined) =>
  to ? Math.round(((to.getTime() - from.getTime()) / HOUR) * 100) / 100 : null;

@ObjectType('Case', {
  implements: Node,
  description:
    'A case for unhappy feedback: an owner, a response deadline watched by a durable timer, ' +
    'and a resolution note sent to the client.',
})
export class CaseType extends Node {
  @Field(() => CaseStatus) status!: CaseStatus;
  @Field(() => CaseReason) reason!: CaseReason;
  @Field(() => ComplaintClass, { nullable: true }) complaintClass!: ComplaintClass | null;
  @Field(() => Boolean, {
    description: 'The account has a special requirement on the same process class.',
  })
  specialRequirementInPlay!: boolean;
  @Field(() => Float, { description: 'Hours the owner had to answer the client.' })
  slaHours!: number;
  @Field(() => Date) openedAt!: Date;
  @Field(() => Date) responseDueAt!: Date;
  @Field(() => Date, { nullable: true }) remindedAt!: Date | null;
  @Field(() => Date, { nullable: true }) escalatedAt!: Date | null;
  @Field(() => Date, { nullable: true }) firstResponseAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true }) resolutionNote!: string | null;
  @Field(() => Float, { nullable: true, description: 'Hours from opening to the first response.' })
  timeToFirstResponseHours!: number | null;
  @Field(() => Float, { nullable: true, description: 'Hours from opening to resolution.' })
  timeToResolutionHours!: number | null;
  dbId!: string;
  feedbackId!: string;
  accountId!: string;
  departmentId!: string | null;
  ownerId!: string | null;
  processClassId!: string | null;
  specialRequirementId!: string | null;
}

@ObjectType()
export class CaseConnection extends Connection(CaseType, 'Case') {}

export function toCaseType(e: FeedbackCase): CaseType {
  return Object.assign(new CaseType(), {
    id: toGlobalId('Case', e.id),
    dbId: e.id,
    status: e.status,
    reason: e.reason,
    complaintClass: e.complaintClass ?? null,
    specialRequirementInPlay: !!e.specialRequirement,
    slaHours: e.slaHours,
    openedAt: e.openedAt,
    responseDueAt: e.responseDueAt,
    remindedAt: e.remindedAt ?? null,
    escalatedAt: e.escalatedAt ?? null,
    firstResponseAt: e.firstResponseAt ?? null,
    resolvedAt: e.resolvedAt ?? null,
    resolutionNote: e.resolutionNote ?? null,
    timeToFirstResponseHours: hoursBetween(e.openedAt, e.firstResponseAt),
    timeToResolutionHours: hoursBetween(e.openedAt, e.resolvedAt),
    feedbackId: e.feedback.id,
    accountId: e.account.id,
    departmentId: e.department?.id ?? null,
    ownerId: e.owner?.id ?? null,
    processClassId: e.processClass?.id ?? null,
    specialRequirementId: e.specialRequirement?.id ?? null,
  });
}
