import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import type { Department } from './department.entity.js';
import { UserRole } from './organisation.enums.js';
import type { User } from './user.entity.js';

registerEnumType(UserRole, { name: 'UserRole' });

@ObjectType('Department', {
  implements: Node,
  description: 'A department of the company; the CX office is one.',
})
export class DepartmentType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean, { description: 'The CX office owns initiatives end to end.' })
  isCxOffice!: boolean;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

@ObjectType('User', { implements: Node, description: 'A person working with the hub.' })
export class UserType extends Node {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => String) locale!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  departmentId!: string | null;
}

@ObjectType()
export class DepartmentConnection extends Connection(DepartmentType, 'Department') {}

@ObjectType()
export class UserConnection extends Connection(UserType, 'User') {}

export enum DepartmentSortField {
  NAME = 'name',
  CODE = 'code',
  CREATED_AT = 'createdAt',
}
registerEnumType(DepartmentSortField, { name: 'DepartmentSortField' });

export enum UserSortField {
  NAME = 'name',
  EMAIL = 'email',
  CREATED_AT = 'createdAt',
}
registerEnumType(UserSortField, { name: 'UserSortField' });

@InputType()
export class DepartmentOrder {
  @Field(() => DepartmentSortField) field!: DepartmentSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class UserOrder {
  @Field(() => UserSortField) field!: UserSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export function toDepartmentType(e: Department): DepartmentType {
  return Object.assign(new DepartmentType(), {
    id: toGlobalId('Department', e.id),
    dbId: e.id,
    code: e.code,
    name: e.name,
    isCxOffice: e.isCxOffice,
    createdAt: e.createdAt,
  });
}

export function toUserType(e: User): UserType {
  return Object.assign(new UserType(), {
    id: toGlobalId('User', e.id),
    dbId: e.id,
    email: e.email,
    name: e.name,
    role: e.role,
    locale: e.locale,
    active: e.active,
    createdAt: e.createdAt,
    departmentId: e.department?.id ?? null,
  });
}
