import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import type { AuditEvent } from './audit-event.entity.js';
import { redactSecrets } from './redact.js';

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
  @Field(() => String, {
    description: 'Mutation or activity name, e.g. `updateInitiative`, or the security event kind.',
  })
  action!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'GraphQL type name of the changed object; null for a security event about no object.',
  })
  entityType!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of the changed object (it may since have been deleted); null with entityType.',
  })
  entityId!: string | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Null when the object was created.',
  })
  before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "Null when the object was deleted; a security event's detail.",
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
    entityType: e.entityType ?? null,
    entityId: e.entityType && e.entityId ? toGlobalId(e.entityType, e.entityId) : null,
    // Redacted again on the way out, for rows written before redaction existed.
    before: redactSecrets(e.before ?? null),
    after: redactSecrets(e.after ?? null),
  });
}
