import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { InteractionChannel, JourneyStage } from './journey.enums.js';
import type { ProcessClass } from './process-class.entity.js';
import type { Touchpoint } from './touchpoint.entity.js';

registerEnumType(JourneyStage, {
  name: 'JourneyStage',
  description: 'Awareness → evaluation & deal → usage → post-sale.',
});
registerEnumType(InteractionChannel, { name: 'InteractionChannel' });

@ObjectType('ProcessClass', {
  implements: Node,
  description: 'A class of business process the client experiences.',
})
export class ProcessClassType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameRu!: string | null;
  @Field(() => JourneyStage) primaryStage!: JourneyStage;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  owningDepartmentId!: string;
}

@ObjectType('Touchpoint', {
  implements: Node,
  description: 'Journey stage × process class × channel.',
})
export class TouchpointType extends Node {
  @Field(() => JourneyStage) stage!: JourneyStage;
  @Field(() => InteractionChannel) channel!: InteractionChannel;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;
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
    createdAt: e.createdAt,
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
    createdAt: e.createdAt,
    processClassId: e.processClass.id,
    owningDepartmentId: e.owningDepartment.id,
  });
}

@ObjectType()
export class ProcessClassConnection extends Connection(ProcessClassType, 'ProcessClass') {}

@ObjectType()
export class TouchpointConnection extends Connection(TouchpointType, 'Touchpoint') {}

export enum ProcessClassSortField {
  NAME = 'name',
  CODE = 'code',
  CREATED_AT = 'createdAt',
}
registerEnumType(ProcessClassSortField, { name: 'ProcessClassSortField' });

export enum TouchpointSortField {
  NAME = 'name',
  STAGE = 'stage',
  CREATED_AT = 'createdAt',
}
registerEnumType(TouchpointSortField, { name: 'TouchpointSortField' });

@InputType()
export class ProcessClassOrder {
  @Field(() => ProcessClassSortField) field!: ProcessClassSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class TouchpointOrder {
  @Field(() => TouchpointSortField) field!: TouchpointSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('JourneyStageInfo', { description: 'A stage of the customer journey with its labels.' })
export class JourneyStageInfo {
  @Field(() => JourneyStage) stage!: JourneyStage;
  @Field(() => Int, { description: '1–4, in journey order.' }) order!: number;
  @Field(() => String) label!: string;
  @Field(() => String) labelRu!: string;
}

/** The four stages in journey order (DOMAIN.md, "The customer journey"). */
export const JOURNEY_STAGES: readonly JourneyStageInfo[] = [
  { stage: JourneyStage.AWARENESS, label: 'Awareness', labelRu: 'Осведомлённость' },
  {
    stage: JourneyStage.EVALUATION_AND_DEAL,
    label: 'Evaluation & deal',
    labelRu: 'Оценка и сделка',
  },
  { stage: JourneyStage.USAGE, label: 'Usage', labelRu: 'Использование' },
  { stage: JourneyStage.POST_SALE, label: 'Post-sale', labelRu: 'Послепродажный этап' },
].map((s, i) => Object.assign(new JourneyStageInfo(), { ...s, order: i + 1 }));
