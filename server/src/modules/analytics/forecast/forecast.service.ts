import type { FilterQuery } from '@mikro-orm/core';
import type { ForecastConfig } from '../../../config.js';
import { paginate, type Page, type PageArgs, type SortDirection } from '../../../db/paginate.js';
import type { DomainContext } from '../../../domain/context.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { monthOf } from '../../monitor/monitor.window.js';
import { AccountForecast } from './account-forecast.entity.js';
import { forecastError } from './forecast.errors.js';
import { evaluateHoldout, type HoldoutReport } from './forecast.evaluation.js';
import { NotEnoughHistory } from './forecast.model.js';
import { HISTORY_MONTHS } from './forecast.step.js';
import {
  DANGER_RULES,
  marginAtRisk,
  trailingMargins,
  type MarginAtRisk,
} from './margin-at-risk.js';
import { loadPanel } from './panel.query.js';

export type ForecastSort = 'CHURN_RISK_DESC' | 'PREDICTED_NPS_ASC';

export interface ForecastQuery {
  /** The forecast month; the latest forecast month when absent. */
  period?: string | null;
  segmentId?: string | null;
  /** Only accounts a danger rule flags (predicted NPS or churn risk). */
  dangerOnly?: boolean | null;
}

export const MIN_HOLDOUT_MONTHS = 4;
export const MAX_HOLDOUT_MONTHS = 12;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Forecasts, their held-out evaluation and margin at risk, for the CX office. */
export class ForecastService {
  constructor(private readonly ctx: DomainContext) {}

  get config(): ForecastConfig {
    return this.ctx.deps.config.forecast;
  }

  /** The latest month with forecasts, or null before the first monitor run. */
  async latestPeriod(): Promise<string | null> {
    const latest = await this.ctx.em.findOne(
      AccountForecast,
      { period: { $ne: '' } },
      { orderBy: { period: 'desc' }, fields: ['period'] },
    );
    return latest?.period ?? null;
  }

  private checkPeriod(period: string | null | undefined): void {
    if (period != null && !PERIOD.test(period)) {
      throw forecastError(
        'INVALID_PERIOD',
        `period must be a month as YYYY-MM, got "${period}".`,
        'period',
      );
    }
  }

  /** Forecasts of one month, highest churn risk (or lowest predicted NPS) first. */
  async list(q: ForecastQuery, sort: ForecastSort, args: PageArgs): Promise<Page<AccountForecast>> {
    this.checkPeriod(q.period);
    const period = q.period ?? (await this.latestPeriod()) ?? '0000-00';
    const where: Record<string, unknown> = { period };
    if (q.segmentId) where.segment = q.segmentId;
    if (q.dangerOnly) {
      where.$or = [
        { predictedNps: { $lt: this.config.dangerNps } },
        { churnRisk: { $gte: this.config.dangerChurnRisk } },
      ];
    }
    const order: Record<string, SortDirection> =
      sort === 'PREDICTED_NPS_ASC' ? { predictedNps: 'asc' } : { churnRisk: 'desc' };
    return paginate(
      this.ctx.em,
      AccountForecast,
      where as FilterQuery<AccountForecast>,
      args,
      order,
    );
  }

  /** Whether a forecast is in the danger zone. */
  inDanger(f: AccountForecast): boolean {
    return (
      Number(f.predictedNps) < this.config.dangerNps ||
      Number(f.churnRisk) >= this.config.dangerChurnRisk
    );
  }

  /**
   * The models trained on the history before the last `holdoutMonths` complete months and
   * scored on those months only, against the naive baselines.
   */
  async evaluation(holdoutMonths: number): Promise<HoldoutReport> {
    if (
      !Number.isInteger(holdoutMonths) ||
      holdoutMonths < MIN_HOLDOUT_MONTHS ||
      holdoutMonths > MAX_HOLDOUT_MONTHS
    ) {
      throw forecastError(
        'INVALID_HOLDOUT',
        `holdoutMonths must be a whole number from ${MIN_HOLDOUT_MONTHS} (churn needs 3 months of outcome) to ${MAX_HOLDOUT_MONTHS}, got ${holdoutMonths}.`,
        'holdoutMonths',
      );
    }
    const last = shiftMonth(monthOf(this.ctx.clock.now()), -1);
    const first = shiftMonth(last, 1 - holdoutMonths);
    const rows = await loadPanel(
      this.ctx.em,
      shiftMonth(last, 1 - HISTORY_MONTHS - holdoutMonths),
      last,
    );
    try {
      return evaluateHoldout(rows, first, last);
    } catch (e) {
      if (e instanceof NotEnoughHistory) {
        throw forecastError(
          'NOT_ENOUGH_HISTORY',
          `Not enough history before ${first} to train the forecasts: ${e.message}.`,
          'holdoutMonths',
        );
      }
      throw e;
    }
  }

  /** Margin at risk of the latest forecasts (or those of `period`). */
  async marginAtRisk(
    period?: string | null,
  ): Promise<MarginAtRisk & { period: string | null; lastMonth: string | null }> {
    this.checkPeriod(period);
    const p = period ?? (await this.latestPeriod());
    if (!p) {
      const empty = {
        accounts: 0,
        accountsAtRisk: 0,
        margin: 0,
        marginAtRisk: 0,
        shareAtRisk: null,
      };
      return { period: null, lastMonth: null, accounts: [], segments: [], total: empty };
    }
    const lastMonth = shiftMonth(p, -1);
    const margins = await trailingMargins(this.ctx.em, lastMonth);
    const rules = [];
    for (const rule of DANGER_RULES) {
      rules.push({
        rule,
        threshold: rule.threshold(this.config),
        values: await rule.load(this.ctx.em, p),
      });
    }
    return { period: p, lastMonth, ...marginAtRisk(margins, rules) };
  }
}
