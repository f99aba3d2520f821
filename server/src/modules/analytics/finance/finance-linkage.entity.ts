import { defineEntity, p } from '@mikro-orm/core';
import { Segment } from '../../client/segment.entity.js';
import { FinanceMeasure, SatisfactionMetric } from './finance.enums.js';

/**
 * The read model of the finance linkage: the regression of one finance measure on one
 * satisfaction metric, per account, over the default window as the monitor last computed it,
 * for one segment (`segment` set) or pooled within segments (null). `id` names metric, scope
 * and measure, so each monitor run replaces the snapshot.
 */
const FinanceLinkageSchema = defineEntity({
  name: 'FinanceLinkage',
  tableName: 'finance_linkage',
  properties: {
    /** `<metric>:<segment id | POOLED>:<measure>`. */
    id: p.string().length(80).primary(),
    periodFrom: p.string().length(7),
    periodTo: p.string().length(7),
    satisfactionMetric: p.enum(() => SatisfactionMetric),
    segment: () => p.manyToOne(Segment).nullable().index().deleteRule('cascade'),
    measure: p.enum(() => FinanceMeasure),
    n: p.integer(),
    r: p.double(),
    rLow: p.double(),
    rHigh: p.double(),
    slope: p.double(),
    slopeSe: p.double(),
    slopeLow: p.double(),
    slopeHigh: p.double(),
    t: p.double().nullable(),
    pValue: p.double(),
    intercept: p.double().nullable(),
    interceptSe: p.double().nullable(),
    rSquared: p.double(),
    standardisedSlope: p.double(),
    meanSatisfaction: p.double(),
    meanMeasure: p.double(),
    /** Regression-dilution correction (null when it could not be estimated). */
    reliability: p.double().nullable(),
    correctedSlope: p.double().nullable(),
    correctedSlopeLow: p.double().nullable(),
    correctedSlopeHigh: p.double().nullable(),
    computedAt: p.datetime(),
  },
});
export class FinanceLinkage extends FinanceLinkageSchema.class {}
FinanceLinkageSchema.setClass(FinanceLinkage);
export { FinanceLinkageSchema };
