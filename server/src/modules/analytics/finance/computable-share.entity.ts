import { defineEntity, p } from '@mikro-orm/core';
import { Segment } from '../../client/segment.entity.js';
import { JourneyStage } from '../../journey/journey.enums.js';

/**
 * The read model of the computable vs trigger share: one month × segment × journey stage, the
 * metric observations (and distinct metrics observed) of COMPUTABLE and of TRIGGER metrics.
 * Recomputed by the monitor for its window; `id` names month, segment and stage.
 */
const ComputableShareSchema = defineEntity({
  name: 'ComputableShare',
  tableName: 'computable_share',
  indexes: [{ properties: ['period'] }],
  properties: {
    /** `<YYYY-MM>:<segment id>:<stage | NONE>`. */
    id: p.string().length(80).primary(),
    period: p.string().length(7),
    segment: () => p.manyToOne(Segment).index().deleteRule('cascade'),
    /** Null: metrics of no journey stage. */
    stage: p.enum(() => JourneyStage).nullable(),
    computableObservations: p.integer(),
    triggerObservations: p.integer(),
    computableMetrics: p.integer(),
    triggerMetrics: p.integer(),
    computedAt: p.datetime(),
  },
});
export class ComputableShare extends ComputableShareSchema.class {}
ComputableShareSchema.setClass(ComputableShare);
export { ComputableShareSchema };
