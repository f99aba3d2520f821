import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { IdField } from '../../graphql/global-ids.js';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import type { InboundEvent } from './inbound-event.entity.js';
import { InboundEventStatus, InboundSource } from './inbound.enums.js';

registerEnumType(InboundSource, { name: 'InboundSource' });
registerEnumType(InboundEventStatus, {
  name: 'InboundEventStatus',
  description: 'UNRESOLVED: waits for a person to name the respondent; RESOLVED: became feedback.',
});

@ObjectType('InboundEvent', {
  implements: Node,
  description:
    'A delivery from an outside tool (a Formbricks survey response) that could not be mapped to ' +
    'an account and contact: kept until a person resolves it into feedback.',
})
export class InboundEventType extends Node {
  @Field(() => InboundSource) source!: InboundSource;
  @Field(() => String, { description: 'The source’s id (the Formbricks response id).' })
  externalId!: string;
  @Field(() => String, { description: 'The last event delivered, e.g. `responseFinished`.' })
  eventType!: string;
  @Field(() => String, { description: 'Why it could not be mapped.' }) reason!: string;
  @Field(() => String, { description: 'The last payload delivered, as JSON text.' })
  payload!: string;
  @Field(() => InboundEventStatus) status!: InboundEventStatus;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who resolved it (an actor id).' })
  resolvedBy!: string | null;
  feedbackItemId!: string | null;
}

@ObjectType()
export class InboundEventConnection extends Connection(InboundEventType, 'InboundEvent') {}

@InputType()
export class InboundEventFilterInput {
  @Field(() => InboundEventStatus, { nullable: true })
  @IsOptional()
  status?: InboundEventStatus | null;
  @Field(() => InboundSource, { nullable: true }) @IsOptional() source?: InboundSource | null;
}

@InputType({ description: 'Name whose answer a kept response is; it becomes a feedback item.' })
export class ResolveInboundEventInput {
  @IdField('InboundEvent') id!: string;
  @IdField('ClientAccount') accountId!: string;
  @IdField('Contact', { nullable: true, description: 'A contact of that account, if known.' })
  @IsOptional()
  contactId?: string | null;
}

export function toInboundEventType(e: InboundEvent): InboundEventType {
  return Object.assign(new InboundEventType(), {
    id: toGlobalId('InboundEvent', e.id),
    source: e.source,
    externalId: e.externalId,
    eventType: e.eventType,
    reason: e.reason,
    payload: JSON.stringify(e.payload),
    status: e.status,
    receivedAt: e.receivedAt,
    resolvedAt: e.resolvedAt ?? null,
    resolvedBy: e.resolvedBy ?? null,
    feedbackItemId: e.feedbackItem?.id ?? null,
  });
}
