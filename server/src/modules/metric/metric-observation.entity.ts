import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { ClientAccount } from '../client/client-account.entity.js';
import { MetricDefinition } from './metric-definition.entity.js';

/** A metric's value for one account and one month. */
const MetricObservationSchema = defineEntity({
  name: 'MetricObservation',
  tableName: 'metric_observation',
  uniques: [{ properties: ['metric', 'account', 'period'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    externalId: p.string().length(200).nullable().unique(),
    metric: () => p.manyToOne(MetricDefinition).index(),
    account: () => p.manyToOne(ClientAccount).index(),
    /** Calendar month, `YYYY-MM`. */
    period: p.string().length(7).index(),
    value: p.double(),
    sampleSize: p.integer().nullable(),
    /** Where the value came from, e.g. "erp", "survey:Q3". */
    source: p.string().length(120).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class MetricObservation extends MetricObservationSchema.class {}
MetricObservationSchema.setClass(MetricObservation);
export { MetricObservationSchema };
