import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../graphql/relay.js';
import { SortDirection } from '../../graphql/sorting.js';
import { RespondentClass } from '../client/client.enums.js';
import type { ImportanceWeight } from './importance-weight.entity.js';
import type { ValueFactor } from './value-factor.entity.js';
import type { WeightSet } from './weight-set.entity.js';
import { ValueTier, WeightSource } from './value.enums.js';

registerEnumType(ValueTier, {
  name: 'ValueTier',
  description: 'Tier of the B2B Elements of Value pyramid, bottom to top.',
});
registerEnumType(WeightSource, { name: 'WeightSource' });

export enum ValueFactorSortField {
  SORT_ORDER = 'sortOrder',
  CODE = 'code',
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ValueFactorSortField, { name: 'ValueFactorSortField' });

export enum WeightSetSortField {
  VERSION = 'version',
  CREATED_AT = 'createdAt',
}
registerEnumType(WeightSetSortField, { name: 'WeightSetSortField' });

export enum ImportanceWeightSortField {
  WEIGHT = 'weight',
  CREATED_AT = 'createdAt',
}
registerEnumType(ImportanceWeightSortField, { name: 'ImportanceWeightSortField' });

@InputType()
export class ValueFactorOrder {
  @Field(() => ValueFactorSortField) field!: ValueFactorSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class WeightSetOrder {
  @Field(() => WeightSetSortField) field!: WeightSetSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class ImportanceWeightOrder {
  @Field(() => ImportanceWeightSortField) field!: ImportanceWeightSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@ObjectType('ValueFactor', {
  implements: Node,
  description: 'One element of value a B2B buyer judges.',
})
export class ValueFactorType extends Node {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameRu!: string | null;
  @Field(() => ValueTier) tier!: ValueTier;
  @Field(() => String, { nullable: true }) subgroup!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int) sortOrder!: number;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

@ObjectType('WeightSet', {
  implements: Node,
  description: 'A version of the importance weights; exactly one is current.',
})
export class WeightSetType extends Node {
  @Field(() => Int) version!: number;
  @Field(() => String) label!: string;
  @Field(() => WeightSource) source!: WeightSource;
  @Field(() => Boolean) isCurrent!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
}

@ObjectType('ImportanceWeight', {
  implements: Node,
  description:
    'How much a factor matters to one respondent class of one segment, within one weight set.',
})
export class ImportanceWeightType extends Node {
  @Field(() => RespondentClass) respondentClass!: RespondentClass;
  @Field(() => Float, { description: '0–1' }) weight!: number;
  @Field(() => Float, { nullable: true, description: 'Standard deviation across respondents.' })
  spread!: number | null;
  @Field(() => Int, { nullable: true }) sampleSize!: number | null;
  @Field(() => Date) createdAt!: Date;
  dbId!: string;
  weightSetId!: string;
  segmentId!: string;
  factorId!: string;
}

@ObjectType()
export class ValueFactorConnection extends Connection(ValueFactorType, 'ValueFactor') {}
@ObjectType()
export class WeightSetConnection extends Connection(WeightSetType, 'WeightSet') {}
@ObjectType()
export class ImportanceWeightConnection extends Connection(
  ImportanceWeightType,
  'ImportanceWeight',
) {}

export function toValueFactorType(e: ValueFactor): ValueFactorType {
  return Object.assign(new ValueFactorType(), {
    id: toGlobalId('ValueFactor', e.id),
    dbId: e.id,
    code: e.code,
    name: e.name,
    nameRu: e.nameRu ?? null,
    tier: e.tier,
    subgroup: e.subgroup ?? null,
    description: e.description ?? null,
    sortOrder: e.sortOrder,
    createdAt: e.createdAt,
  });
}

export function toWeightSetType(e: WeightSet): WeightSetType {
  return Object.assign(new WeightSetType(), {
    id: toGlobalId('WeightSet', e.id),
    dbId: e.id,
    version: e.version,
    label: e.label,
    source: e.source,
    isCurrent: e.isCurrent,
    notes: e.notes ?? null,
    createdAt: e.createdAt,
  });
}

export function toImportanceWeightType(e: ImportanceWeight): ImportanceWeightType {
  return Object.assign(new ImportanceWeightType(), {
    id: toGlobalId('ImportanceWeight', e.id),
    dbId: e.id,
    respondentClass: e.respondentClass,
    weight: e.weight,
    spread: e.spread ?? null,
    sampleSize: e.sampleSize ?? null,
    createdAt: e.createdAt,
    weightSetId: e.weightSet.id,
    segmentId: e.segment.id,
    factorId: e.factor.id,
  });
}
