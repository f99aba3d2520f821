import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import type { AdvisoryCouncil } from './advisory-council.entity.js';
import { CouncilRole } from './client.enums.js';
import type { CouncilMember } from './council-member.entity.js';
import type { TransactionalFigures } from './transactional-figures.entity.js';

@ObjectType('TransactionalFigures', {
  implements: Node,
  description: 'How one account bought and paid in one month (the transactional layer of metrics).',
})
export class TransactionalFiguresType extends Node {
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { description: 'Calendar month, YYYY-MM.' }) period!: string;
  @Field(() => Float) revenue!: number;
  @Field(() => Float) grossMargin!: number;
  @Field(() => Float, { description: 'Average days invoices were paid after their due date.' })
  avgDaysLate!: number;
  @Field(() => Int) orderCount!: number;
  @Field(() => Float, { nullable: true, description: '0–1' }) orderRegularity!: number | null;
  @Field(() => Float, { nullable: true, description: '0–1' }) shareOfWallet!: number | null;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  accountId!: string;
}

@ObjectType('AdvisoryCouncil', {
  implements: Node,
  description: 'Client representatives who review what concerns them.',
})
export class AdvisoryCouncilType extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

@ObjectType('CouncilMember', {
  implements: Node,
  description: 'A client contact sitting on an advisory council.',
})
export class CouncilMemberType extends Node {
  @Field(() => CouncilRole) role!: CouncilRole;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When the seat ended (the contact's personal data was erased).",
  })
  endedAt!: Date | null;
  dbId!: string;
  councilId!: string;
  contactId!: string;
}

@ObjectType()
export class TransactionalFiguresConnection extends Connection(
  TransactionalFiguresType,
  'TransactionalFigures',
) {}

@ObjectType()
export class AdvisoryCouncilConnection extends Connection(AdvisoryCouncilType, 'AdvisoryCouncil') {}

export enum TransactionalFiguresSortField {
  PERIOD = 'period',
  REVENUE = 'revenue',
}
registerEnumType(TransactionalFiguresSortField, { name: 'TransactionalFiguresSortField' });

export enum AdvisoryCouncilSortField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(AdvisoryCouncilSortField, { name: 'AdvisoryCouncilSortField' });

@InputType()
export class TransactionalFiguresOrder {
  @Field(() => TransactionalFiguresSortField) field!: TransactionalFiguresSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class AdvisoryCouncilOrder {
  @Field(() => AdvisoryCouncilSortField) field!: AdvisoryCouncilSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export function toTransactionalFiguresType(e: TransactionalFigures): TransactionalFiguresType {
  return Object.assign(new TransactionalFiguresType(), {
    id: toGlobalId('TransactionalFigures', e.id),
    dbId: e.id,
    externalId: e.externalId ?? null,
    period: e.period,
    revenue: e.revenue,
    grossMargin: e.grossMargin,
    avgDaysLate: e.avgDaysLate,
    orderCount: e.orderCount,
    orderRegularity: e.orderRegularity ?? null,
    shareOfWallet: e.shareOfWallet ?? null,
    updatedAt: e.updatedAt,
    accountId: e.account.id,
  });
}

export function toAdvisoryCouncilType(e: AdvisoryCouncil): AdvisoryCouncilType {
  return Object.assign(new AdvisoryCouncilType(), {
    id: toGlobalId('AdvisoryCouncil', e.id),
    dbId: e.id,
    name: e.name,
    description: e.description ?? null,
    createdAt: e.createdAt,
  });
}

export function toCouncilMemberType(e: CouncilMember): CouncilMemberType {
  return Object.assign(new CouncilMemberType(), {
    id: toGlobalId('CouncilMember', e.id),
    dbId: e.id,
    role: e.role,
    createdAt: e.createdAt,
    endedAt: e.endedAt ?? null,
    councilId: e.council.id,
    contactId: e.contact.id,
  });
}
