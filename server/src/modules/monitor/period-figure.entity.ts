import { defineEntity, p } from '@mikro-orm/core';
import { ClientAccount } from '../client/client-account.entity.js';
import { Segment } from '../client/segment.entity.js';

/**
 * The read model of the monitor: satisfaction and payment figures of one month, for one
 * account (`account` set), one segment (only `segment` set) or the whole company (neither).
 * Recomputed by the monitor workflow with aggregate queries; `id` names the scope and month.
 */
const PeriodFigureSchema = defineEntity({
  name: 'PeriodFigure',
  tableName: 'period_figure',
  indexes: [{ properties: ['period'] }],
  properties: {
    /** The scope and month: `A:<account>:<YYYY-MM>`, `S:<segment>:<YYYY-MM>` or `ALL:<YYYY-MM>`. */
    id: p.string().length(60).primary(),
    period: p.string().length(7),
    account: () => p.manyToOne(ClientAccount).nullable().index(),
    segment: () => p.manyToOne(Segment).nullable().index(),
    /** Feedback items received in the month. */
    responses: p.integer(),
    npsResponses: p.integer(),
    /** Answers of 9–10 and of 0–6: kept so segment and company figures add up exactly. */
    npsPromoters: p.integer(),
    npsDetractors: p.integer(),
    /** Promoters (9–10) minus detractors (0–6), in percent of NPS answers; null without any. */
    nps: p.double().nullable(),
    csiResponses: p.integer(),
    csi: p.double().nullable(),
    /** From the transactional figures of the month (sums; days late weighted by revenue). */
    revenue: p.double().nullable(),
    grossMargin: p.double().nullable(),
    avgDaysLate: p.double().nullable(),
    /** Orders placed in the month (summed for segments and the company). */
    orderCount: p.integer().nullable(),
    /** 0..1, as recorded (for segments and the company, weighted by revenue). */
    orderRegularity: p.double().nullable(),
    /** 0..1, our share of the client's spend (for segments and the company, weighted by revenue). */
    shareOfWallet: p.double().nullable(),
    computedAt: p.datetime(),
  },
});
export class PeriodFigure extends PeriodFigureSchema.class {}
PeriodFigureSchema.setClass(PeriodFigure);
export { PeriodFigureSchema };
