import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { WeightSource } from './value.enums.js';

/** A version of the importance weights: each interview round or calibration makes a new one. */
const WeightSetSchema = defineEntity({
  name: 'WeightSet',
  tableName: 'weight_set',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    version: p.integer().unique(),
    label: p.string().length(200),
    source: p.enum(() => WeightSource),
    /** Exactly one set is current; the index uses it. */
    isCurrent: p.boolean().default(false),
    notes: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class WeightSet extends WeightSetSchema.class {}
WeightSetSchema.setClass(WeightSet);
export { WeightSetSchema };
