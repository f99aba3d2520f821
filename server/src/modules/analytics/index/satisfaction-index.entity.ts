import { defineEntity, p } from '@mikro-orm/core';
import { ClientAccount } from '../../client/client-account.entity.js';
import { Segment } from '../../client/segment.entity.js';
import { WeightSet } from '../../value/weight-set.entity.js';

/**
 * The read model of the weighted satisfaction index: one account's index in one month under one
 * weight-set version, with its five block scores (Bain's tiers), the NPS it predicts and the NPS
 * measured. Written by the monitor's analytics step; `id` is `<weightSet>:<account>:<YYYY-MM>`.
 */
const SatisfactionIndexSchema = defineEntity({
  name: 'SatisfactionIndex',
  tableName: 'satisfaction_index',
  indexes: [{ properties: ['weightSet', 'period'] }],
  properties: {
    id: p.string().length(100).primary(),
    weightSet: () => p.manyToOne(WeightSet).index(),
    account: () => p.manyToOne(ClientAccount).index(),
    segment: () => p.manyToOne(Segment).index(),
    period: p.string().length(7),
    /** The index, 0–100; null when no weighted factor was measured. */
    value: p.double().nullable(),
    /** Share (0..1) of the segment's total weight carried by measured factors. */
    coverage: p.double(),
    tableStakes: p.double().nullable(),
    functional: p.double().nullable(),
    easeOfDoingBusiness: p.double().nullable(),
    individual: p.double().nullable(),
    inspirational: p.double().nullable(),
    predictedNps: p.double().nullable(),
    measuredNps: p.double().nullable(),
    npsResponses: p.integer(),
    computedAt: p.datetime(),
  },
});
export class SatisfactionIndex extends SatisfactionIndexSchema.class {}
SatisfactionIndexSchema.setClass(SatisfactionIndex);
export { SatisfactionIndexSchema };
