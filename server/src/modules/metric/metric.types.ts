import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { JourneyStage } from '../journey/journey.enums.js';
import type { MetricDefinition } from './metric-definition.entity.js';
import type { MetricObservation } from './metric-observation.entity.js';
import { BetterDirection, CollectionMethod, MetricKind, MetricLayer } from './metric.enums.js';

registerEnumType(MetricLayer, {
  name: 'MetricLayer',
  description: 'Layer of the metric cake, top to bottom.',
});
registerEnumType(MetricKind, {
  name: 'MetricKind',
  description:
    'COMPUTABLE from internal systems, or TRIGGER: only obtainable by asking the client.',
});
registerEnumType(CollectionMethod, { name: 'CollectionMethod' });
registerEnumType(BetterDirection, { name: 'BetterDirection' });

export enum MetricDefinitionSortField {
  CODE = 'code',
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(MetricDefinitionSortField, { name: 'MetricDefinitionSortField' });

export enum MetricObservationSortField {
  PERIOD = 'period',
  VALUE = 'value',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(MetricObservationSortField, { name: 'MetricObservationSortField' });

@InputType()
export class MetricDefinitionOrder {
  @Field(() => MetricDefinitionSortField) field!: MetricDefinitionSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class MetricObservationOrder {
  @Field(() => MetricObservationSortField) field!: MetricObservationSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('MetricDefinition', {
  implements: Node,
  description: 'A metric of the cake: what is measured, how and where.',
})
export class MetricDefinitionType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameRu!: string | null;
  @Field(() => MetricLayer) layer!: MetricLayer;
  @Field(() => MetricKind) kind!: MetricKind;
  @Field(() => CollectionMethod) collectionMethod!: CollectionMethod;
  @Field(() => FeedbackChannel, {
    nullable: true,
    description: 'For trigger metrics: the channel that asks the client.',
  })
  collectionChannel!: FeedbackChannel | null;
  @Field(() => JourneyStage, { nullable: true }) stage!: JourneyStage | null;
  @Field(() => String) unit!: string;
  @Field(() => BetterDirection) betterDirection!: BetterDirection;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  processClassId!: string | null;
  factorId!: string | null;
}

@ObjectType('MetricObservation', {
  implements: Node,
  description: "A metric's value for one account and one month.",
})
export class MetricObservationType extends Node {
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { description: 'YYYY-MM' }) period!: string;
  @Field(() => Float) value!: number;
  @Field(() => Int, { nullable: true }) sampleSize!: number | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  dbId!: string;
  metricId!: string;
  accountId!: string;
}

@ObjectType({
  description:
    'How many active metrics are computable vs trigger; the method aims to raise the computable share.',
})
export class MetricKindShare {
  @Field(() => Int) computable!: number;
  @Field(() => Int) trigger!: number;
  @Field(() => Float, {
    description: 'computable / (computable + trigger); 0 when there are none.',
  })
  computableShare!: number;
}

@ObjectType()
export class MetricDefinitionConnection extends Connection(
  MetricDefinitionType,
  'MetricDefinition',
) {}
@ObjectType()
export class MetricObservationConnection extends Connection(
  MetricObservationType,
  'MetricObservation',
) {}

export function toMetricDefinitionType(e: MetricDefinition): MetricDefinitionType {
  return Object.assign(new MetricDefinitionType(), {
    id: toGlobalId('MetricDefinition', e.id),
    dbId: e.id,
    code: e.code,
    name: e.name,
    nameRu: e.nameRu ?? null,
    layer: e.layer,
    kind: e.kind,
    collectionMethod: e.collectionMethod,
    collectionChannel: e.collectionChannel ?? null,
    stage: e.stage ?? null,
    unit: e.unit,
    betterDirection: e.betterDirection,
    target: e.target ?? null,
    active: e.active,
    description: e.description ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    processClassId: e.processClass?.id ?? null,
    factorId: e.factor?.id ?? null,
  });
}

export function toMetricObservationType(e: MetricObservation): MetricObservationType {
  return Object.assign(new MetricObservationType(), {
    id: toGlobalId('MetricObservation', e.id),
    dbId: e.id,
    externalId: e.externalId ?? null,
    period: e.period,
    value: e.value,
    sampleSize: e.sampleSize ?? null,
    source: e.source ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    metricId: e.metric.id,
    accountId: e.account.id,
  });
}
