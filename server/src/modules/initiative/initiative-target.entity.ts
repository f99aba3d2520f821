import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import { Initiative } from './initiative.entity.js';

/** A metric an initiative is meant to move, with its baseline and the expected effect. */
const InitiativeTargetSchema = defineEntity({
  name: 'InitiativeTarget',
  tableName: 'initiative_target',
  uniques: [{ properties: ['initiative', 'metric'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    initiative: () => p.manyToOne(Initiative).index(),
    metric: () => p.manyToOne(MetricDefinition).index(),
    baseline: p.double().nullable(),
    targetValue: p.double().nullable(),
    /** Expected change in the metric's unit (signed). */
    expectedDelta: p.double().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class InitiativeTarget extends InitiativeTargetSchema.class {}
InitiativeTargetSchema.setClass(InitiativeTarget);
export { InitiativeTargetSchema };
