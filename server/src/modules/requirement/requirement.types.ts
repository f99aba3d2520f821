import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { RequirementStatus, type SpecialRequirement } from './special-requirement.entity.js';

registerEnumType(RequirementStatus, { name: 'RequirementStatus' });

export enum SpecialRequirementSortField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
}
registerEnumType(SpecialRequirementSortField, { name: 'SpecialRequirementSortField' });

@InputType()
export class SpecialRequirementOrder {
  @Field(() => SpecialRequirementSortField) field!: SpecialRequirementSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('SpecialRequirement', {
  implements: Node,
  description:
    "A client's special requirement on one process (special delivery, product purpose, chemical properties…).",
})
export class SpecialRequirementType extends Node {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => RequirementStatus) status!: RequirementStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  accountId!: string;
  processClassId!: string;
  capturedById!: string | null;
}

@ObjectType()
export class SpecialRequirementConnection extends Connection(
  SpecialRequirementType,
  'SpecialRequirement',
) {}

export function toSpecialRequirementType(e: SpecialRequirement): SpecialRequirementType {
  return Object.assign(new SpecialRequirementType(), {
    id: toGlobalId('SpecialRequirement', e.id),
    dbId: e.id,
    title: e.title,
    description: e.description ?? null,
    status: e.status,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    accountId: e.account.id,
    processClassId: e.processClass.id,
    capturedById: e.capturedBy?.id ?? null,
  });
}
