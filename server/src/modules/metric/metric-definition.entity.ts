import { defineEntity, p } from '@mikro-orm/core';
import { uuidv7 } from '../../db/ids.js';
import { FeedbackChannel } from '../feedback/feedback.enums.js';
import { ProcessClass } from '../journey/process-class.entity.js';
import { JourneyStage } from '../journey/journey.enums.js';
import { ValueFactor } from '../value/value-factor.entity.js';
import { BetterDirection, CollectionMethod, MetricKind, MetricLayer } from './metric.enums.js';

const MetricDefinitionSchema = defineEntity({
  name: 'MetricDefinition',
  tableName: 'metric_definition',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => uuidv7()),
    code: p.string().length(64).unique(),
    name: p.string().length(200),
    nameRu: p.string().length(200).nullable(),
    layer: p.enum(() => MetricLayer),
    kind: p.enum(() => MetricKind),
    collectionMethod: p.enum(() => CollectionMethod),
    /** For trigger metrics: the channel that asks the client. */
    collectionChannel: p.enum(() => FeedbackChannel).nullable(),
    processClass: () => p.manyToOne(ProcessClass).nullable().index(),
    stage: p.enum(() => JourneyStage).nullable(),
    factor: () => p.manyToOne(ValueFactor).nullable().index(),
    unit: p.string().length(32),
    betterDirection: p.enum(() => BetterDirection),
    target: p.double().nullable(),
    active: p.boolean().default(true),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class MetricDefinition extends MetricDefinitionSchema.class {}
MetricDefinitionSchema.setClass(MetricDefinition);
export { MetricDefinitionSchema };
