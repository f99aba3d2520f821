import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ValueTier } from './value.enums.js';

/** One element of value a B2B buyer judges (catalogue seeded from Bain's B2B Elements of Value). */
const ValueFactorSchema = defineEntity({
  name: 'ValueFactor',
  tableName: 'value_factor',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64).unique(),
    name: p.string().length(200),
    nameRu: p.string().length(200).nullable(),
    tier: p.enum(() => ValueTier),
    /** Sub-group inside the tier, e.g. "productivity" or "relationship". */
    subgroup: p.string().length(64).nullable(),
    description: p.text().nullable(),
    sortOrder: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class ValueFactor extends ValueFactorSchema.class {}
ValueFactorSchema.setClass(ValueFactor);
export { ValueFactorSchema };
