import { defineEntity, p } from '@mikro-orm/core';
import { ClientAccount } from '../client/client-account.entity.js';
import { Segment } from '../client/segment.entity.js';
import { MetricDefinition } from '../metric/metric-definition.entity.js';

/**
 * The read model of the monitor for computable metrics: one metric's value in one month for
 * one account (`account` set: its observation), one segment (only `segment` set) or the whole
 * company (neither): the mean over the accounts observed, and how many there were.
 * Recomputed by the monitor workflow with aggregate queries; `id` names the scope, metric and month.
 */
const PeriodMetricFigureSchema = defineEntity({
  name: 'PeriodMetricFigure',
  tableName: 'period_metric_figure',
  indexes: [{ properties: ['period'] }],
  properties: {
    /** `A:<account>:<metric>:<YYYY-MM>`, `S:<segment>:<metric>:<YYYY-MM>` or `ALL:<metric>:<YYYY-MM>`. */
    id: p.string().length(100).primary(),
    period: p.string().length(7),
    metric: () => p.manyToOne(MetricDefinition).index(),
    account: () => p.manyToOne(ClientAccount).nullable().index(),
    segment: () => p.manyToOne(Segment).nullable().index(),
    /** The account's observed value; for segments and the company, the mean over accounts. */
    value: p.double(),
    /** Accounts observed (1 on an account row). */
    accounts: p.integer(),
    /** Observations behind the value(s), summed; null when none was recorded. */
    sampleSize: p.integer().nullable(),
    computedAt: p.datetime(),
  },
});
export class PeriodMetricFigure extends PeriodMetricFigureSchema.class {}
PeriodMetricFigureSchema.setClass(PeriodMetricFigure);
export { PeriodMetricFigureSchema };
