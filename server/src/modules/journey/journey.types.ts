import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { InteractionChannel, JourneyStage } from './journey.enums.js';
import type { ProcessClass } from './process-class.entity.js';
import type { Touchpoint } from './touchpoint.entity.js';

registerEnumType(JourneyStage, {
  name: 'JourneyStage',
  description: 'Awareness → evaluation & deal → usage → post-sale.',
});
registerEnumType(InteractionChannel, { name: 'InteractionChannel' });

@ObjectType('ProcessClass', { implements: Node, description: 'A class of business process the client experiences.' })
export class ProcessClassType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameRu!: string | null;
  @Field(() => JourneyStage) primaryStage!: JourneyStage;
  @Field(() => String, { nullable: true }) description!: string | null;
  dbId!: string;
  owningDepartmentId!: string;
}

@ObjectType('Touchpoint', { implements: Node, description: 'Journey stage × process class × channel.' })
export class TouchpointType extends Node {
  @Field(() => JourneyStage) stage!: JourneyStage;
  @Field(() => InteractionChannel) channel!: InteractionChannel;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  dbId!: string;
  processClassId!: string;
  owningDepartmentId!: string;
}

export function toProcessClassType(e: ProcessClass): ProcessClassType {
  return Object.assign(new ProcessClassType(), {
    id: toGlobalId('ProcessClass', e.id),
    dbId: e.id,
    code: e.code,
    name: e.name,
    nameRu: e.nameRu ?? null,
    primaryStage: e.primaryStage,
    description: e.description ?? null,
    owningDepartmentId: e.owningDepartment.id,
  });
}

export function toTouchpointType(e: Touchpoint): TouchpointType {
  return Object.assign(new TouchpointType(), {
    id: toGlobalId('Touchpoint', e.id),
    dbId: e.id,
    stage: e.stage,
    channel: e.channel,
    name: e.name,
    description: e.description ?? null,
    processClassId: e.processClass.id,
    owningDepartmentId: e.owningDepartment.id,
  });
}
