import { Field, ID, ObjectType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { InboxKind } from '../initiative/initiative.enums.js';
import type { InboxEntry } from './inbox-entry.entity.js';
// Registers InboxKind as a GraphQL enum.
import '../initiative/initiative.types.js';

@ObjectType('InboxEntry', {
  implements: Node,
  description:
    'Something a person or a department has to know or act on: a task assigned, due soon, overdue or rejected, an escalation, a council decision.',
})
export class InboxEntryType extends Node {
  @Field(() => InboxKind) kind!: InboxKind;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => ID, { nullable: true, description: 'The user it is addressed to.' })
  recipientUserId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The department it is addressed to.' })
  recipientDepartmentId!: string | null;
  @Field(() => ID, { nullable: true }) initiativeId!: string | null;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => ID, { nullable: true }) councilReviewId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class InboxEntryConnection extends Connection(InboxEntryType, 'InboxEntry') {}

const gid = (type: string, ref: { id: string } | null | undefined) =>
  ref ? toGlobalId(type, ref.id) : null;

export function toInboxEntryType(e: InboxEntry): InboxEntryType {
  return Object.assign(new InboxEntryType(), {
    id: toGlobalId('InboxEntry', e.id),
    kind: e.kind,
    subject: e.subject,
    body: e.body,
    recipientUserId: gid('User', e.recipientUser),
    recipientDepartmentId: gid('Department', e.recipientDepartment),
    initiativeId: gid('Initiative', e.initiative),
    taskId: gid('InitiativeTask', e.task),
    councilReviewId: gid('CouncilReview', e.councilReview),
    createdAt: e.createdAt,
    readAt: e.readAt ?? null,
  });
}
