import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { RespondentClass } from '../client/client.enums.js';
import type { Alert } from './alert.entity.js';
import { AlertKind, AlertStatus } from './monitor.enums.js';

registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: 'What made the monitor raise an alert.',
});
registerEnumType(AlertStatus, { name: 'AlertStatus' });

@ObjectType('Alert', {
  implements: Node,
  description:
    "A condition the monitor found on an account; with the owner's inbox entry it is the owner's task.",
})
export class AlertType extends Node {
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => AlertStatus) status!: AlertStatus;
  @Field(() => String, { description: 'The month (YYYY-MM) the condition was found in.' })
  period!: string;
  @Field(() => GraphQLJSONObject, {
    description: 'What fired it: the figures the rule compared, and what was done.',
  })
  figures!: Record<string, unknown>;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) closeNote!: string | null;
  dbId!: string;
  accountId!: string;
  contactId!: string | null;
  ownerId!: string | null;
  closedById!: string | null;
}

@ObjectType()
export class AlertConnection extends Connection(AlertType, 'Alert') {}

export enum AlertSortField {
  RAISED_AT = 'raisedAt',
}
registerEnumType(AlertSortField, { name: 'AlertSortField' });

@InputType()
export class AlertOrder {
  @Field(() => AlertSortField) field!: AlertSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export function toAlertType(e: Alert): AlertType {
  return Object.assign(new AlertType(), {
    id: toGlobalId('Alert', e.id),
    dbId: e.id,
    kind: e.kind,
    status: e.status,
    period: e.period,
    figures: e.figures,
    raisedAt: e.raisedAt,
    closedAt: e.closedAt ?? null,
    closeNote: e.closeNote ?? null,
    accountId: e.account.id,
    contactId: e.contact?.id ?? null,
    ownerId: e.owner?.id ?? null,
    closedById: e.closedBy?.id ?? null,
  });
}

@ObjectType('RespondentClassCoverage', {
  description: 'How many of the respondent classes were heard, as accounts and as revenue.',
})
export class RespondentClassCoverageType {
  @Field(() => RespondentClass) respondentClass!: RespondentClass;
  @Field(() => Int, { description: 'Accounts this class gave feedback for in the period.' })
  accountsHeard!: number;
  @Field(() => Float, { description: 'accountsHeard / accounts (0–1); 0 without accounts.' })
  accountShare!: number;
  @Field(() => Float, { description: 'Revenue of those accounts / revenue of all (0–1).' })
  revenueShare!: number;
}

@ObjectType('Coverage', {
  description:
    'Respondent coverage of a period: which of the three respondent classes gave feedback, for one account, one segment or the whole company.',
})
export class CoverageType {
  @Field(() => String, { description: 'First month (YYYY-MM).' }) periodFrom!: string;
  @Field(() => String, { description: 'Last month (YYYY-MM), included.' }) periodTo!: string;
  @Field(() => Int, { description: 'Accounts counted (not churned).' }) accounts!: number;
  @Field(() => Float, { description: 'Their revenue in the period (transactional figures).' })
  revenue!: number;
  @Field(() => Int, { description: 'Accounts all three classes gave feedback for.' })
  fullyCovered!: number;
  @Field(() => Float, { description: 'fullyCovered / accounts (0–1).' })
  fullAccountShare!: number;
  @Field(() => Float, { description: 'Revenue of the fully covered accounts / revenue (0–1).' })
  fullRevenueShare!: number;
  @Field(() => [RespondentClassCoverageType]) classes!: RespondentClassCoverageType[];
}
