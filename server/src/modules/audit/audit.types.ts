import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import type { AuditEvent } from './audit-event.entity.js';

@ObjectType('AuditEvent', {
  implements: Node,
  description:
    'One recorded change: who did what to which object, with its state before and after. ' +
    'Readable by CX admins only.',
})
export class AuditEventType extends Node {
  @Field(() => Date) at!: Date;
  @Field(() => String, {
    description: '`user:<id>`, `token:<id>`, `system`, `workflow:<id>` or `anonymous`.',
  })
  actor!: string;
  @Field(() => String, { description: 'Mutation or activity name, e.g. `updateInitiative`.' })
  action!: string;
  @Field(() => String, { description: 'GraphQL type name of the changed object.' })
  entityType!: string;
  @Field(() => ID, {
    description: 'Global id of the changed object (it may since have been deleted).',
  })
  entityId!: string;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Null when the object was created.',
  })
  before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Null when the object was deleted.',
  })
  after!: Record<string, unknown> | null;
  dbId!: string;
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent') {}

export function toAuditEventType(e: AuditEvent): AuditEventType {
  return Object.assign(new AuditEventType(), {
    id: toGlobalId('AuditEvent', e.id),
    dbId: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entityType: e.entityType,
    entityId: toGlobalId(e.entityType, e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
  });
}
