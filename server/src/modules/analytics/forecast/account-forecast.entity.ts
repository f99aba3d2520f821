import { defineEntity, p } from '@mikro-orm/core';
import { ClientAccount } from '../../client/client-account.entity.js';
import { Segment } from '../../client/segment.entity.js';

/** A signal's share of a forecast (NPS points, or log-odds of churn). */
export interface StoredContribution {
  signal: string;
  value: number | null;
  contribution: number;
}

/**
 * The forecasts' read model: per account, the forecast made from the history up to the last
 * complete month (`basePeriod`) for the next month (`period`): predicted NPS, the risk that
 * the account's figures stop within 3 months, and the signals that weigh most in each.
 * Rewritten by the monitor's analytics step; `id` names the account and the forecast month.
 */
const AccountForecastSchema = defineEntity({
  name: 'AccountForecast',
  tableName: 'account_forecast',
  indexes: [{ properties: ['period', 'churnRisk'] }],
  properties: {
    /** `<account>:<YYYY-MM>` (the forecast month). */
    id: p.string().length(60).primary(),
    account: () => p.manyToOne(ClientAccount).index(),
    segment: () => p.manyToOne(Segment).index(),
    /** The last complete month the models were trained up to and the signals are from. */
    basePeriod: p.string().length(7),
    /** The month forecast. */
    period: p.string().length(7),
    /** Predicted NPS of the month, −100…100. */
    predictedNps: p.double(),
    /** Probability that the account's figures stop within 3 months, 0…1. */
    churnRisk: p.double(),
    modelVersion: p.string().length(120),
    npsSignals: p.json<StoredContribution[]>(),
    churnSignals: p.json<StoredContribution[]>(),
    computedAt: p.datetime(),
  },
});
export class AccountForecast extends AccountForecastSchema.class {}
AccountForecastSchema.setClass(AccountForecast);
export { AccountForecastSchema };
