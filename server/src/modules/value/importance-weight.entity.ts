import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { Segment } from '../client/segment.entity.js';
import { RespondentClass } from '../client/client.enums.js';
import { ValueFactor } from './value-factor.entity.js';
import { WeightSet } from './weight-set.entity.js';

/** How much a factor matters to one respondent class in one segment, within one weight set. */
const ImportanceWeightSchema = defineEntity({
  name: 'ImportanceWeight',
  tableName: 'importance_weight',
  uniques: [{ properties: ['weightSet', 'segment', 'respondentClass', 'factor'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    weightSet: () => p.manyToOne(WeightSet).index(),
    segment: () => p.manyToOne(Segment).index(),
    respondentClass: p.enum(() => RespondentClass),
    factor: () => p.manyToOne(ValueFactor).index(),
    /** 0..1 importance. */
    weight: p.double(),
    /** Standard deviation of the importance across respondents. */
    spread: p.double().nullable(),
    sampleSize: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class ImportanceWeight extends ImportanceWeightSchema.class {}
ImportanceWeightSchema.setClass(ImportanceWeight);
export { ImportanceWeightSchema };
