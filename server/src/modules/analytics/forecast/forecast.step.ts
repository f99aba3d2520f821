import type { DomainContext } from '../../../domain/context.js';
import type { Em } from '../../../db/orm.js';
import { METRICS } from '../../../demo/metric-catalogue.js';
import { shiftMonth } from '../../maturity/maturity.evidence.js';
import { MetricDefinition } from '../../metric/metric-definition.entity.js';
import { MetricObservation } from '../../metric/metric-observation.entity.js';
import { monthOf } from '../../monitor/monitor.window.js';
import { ClientAccount } from '../../client/client-account.entity.js';
import { Segment } from '../../client/segment.entity.js';
import type { AnalyticsStep } from '../analytics-recompute.js';
import { AccountForecast } from './account-forecast.entity.js';
import {
  MODEL_VERSION,
  NotEnoughHistory,
  Panel,
  predict,
  trainForecaster,
  type Prediction,
} from './forecast.model.js';
import { loadPanel, type PanelRow } from './panel.query.js';

export const NPS_FORECAST = 'NPS_FORECAST';
/** How many months of history the models learn from. */
export const HISTORY_MONTHS = 24;
/**
 * Months before the current one for which a missing NPS forecast is recorded after the fact,
 * each from a model trained only on the months before it (so the maturity criterion has
 * forecast/actual pairs from the first run); forecasts already recorded are never replaced.
 */
export const BACKFILL_MONTHS = 3;

/** The live accounts' predictions for the month after `lastKnown`, from the history up to it. */
export function forecastAfter(
  rows: readonly PanelRow[],
  lastKnown: string,
): { row: PanelRow; prediction: Prediction }[] {
  const known = rows.filter((r) => r.period <= lastKnown);
  const forecaster = trainForecaster(new Panel(known), lastKnown);
  return known
    .filter((r) => r.period === lastKnown && r.revenue !== null)
    .map((row) => ({ row, prediction: predict(forecaster, row) }));
}

async function npsForecastMetric(em: Em): Promise<MetricDefinition> {
  const existing = await em.findOne(MetricDefinition, { code: NPS_FORECAST });
  if (existing) return existing;
  const seed = METRICS.find((m) => m.code === NPS_FORECAST)!;
  const created = em.create(MetricDefinition, {
    code: seed.code,
    name: seed.name,
    nameRu: seed.nameRu,
    layer: seed.layer,
    kind: seed.kind,
    collectionMethod: seed.collectionMethod,
    collectionChannel: seed.collectionChannel,
    unit: seed.unit,
    betterDirection: seed.betterDirection,
    target: seed.target,
    description: seed.description,
  });
  await em.flush();
  return created;
}

/**
 * The monitor's forecast step: trains on the history up to the last complete month, rewrites
 * the read model with every live account's forecast for the current month, and records the
 * NPS forecasts as NPS_FORECAST observations. Idempotent: a rerun in the same month replaces
 * that month's forecasts with the same ones.
 */
export const forecastStep: AnalyticsStep = {
  name: 'forecasts',
  async run(ctx: DomainContext): Promise<number> {
    const at = ctx.clock.now();
    const current = monthOf(at);
    const lastComplete = shiftMonth(current, -1);
    const rows = await loadPanel(
      ctx.em,
      shiftMonth(lastComplete, 1 - HISTORY_MONTHS),
      lastComplete,
    );
    let forecasts: ReturnType<typeof forecastAfter>;
    try {
      forecasts = forecastAfter(rows, lastComplete);
    } catch (e) {
      if (!(e instanceof NotEnoughHistory)) throw e;
      ctx.deps.log.info('forecasts skipped', { reason: e.message });
      return 0;
    }
    const backfill = Array.from({ length: BACKFILL_MONTHS }, (_, i) =>
      shiftMonth(lastComplete, -1 - i),
    ).flatMap((known) => {
      try {
        return [{ period: shiftMonth(known, 1), forecasts: forecastAfter(rows, known) }];
      } catch (e) {
        if (e instanceof NotEnoughHistory) return [];
        throw e;
      }
    });
    await ctx.em.transactional(async (em) => {
      const metric = await npsForecastMetric(em);
      await em.nativeDelete(AccountForecast, { period: current });
      await em.nativeDelete(MetricObservation, { metric, period: current });
      for (const { row, prediction: p } of forecasts) {
        em.create(AccountForecast, {
          id: `${row.accountId}:${current}`,
          account: em.getReference(ClientAccount, row.accountId),
          segment: em.getReference(Segment, row.segmentId),
          basePeriod: lastComplete,
          period: current,
          predictedNps: p.nps,
          churnRisk: p.churnRisk,
          modelVersion: MODEL_VERSION,
          npsSignals: p.npsSignals,
          churnSignals: p.churnSignals,
          computedAt: at,
        });
        em.create(MetricObservation, {
          metric,
          account: em.getReference(ClientAccount, row.accountId),
          period: current,
          value: p.nps,
          sampleSize: null,
          source: `forecast:${lastComplete}`,
          createdAt: at,
          updatedAt: at,
        });
      }
      for (const b of backfill) {
        const recorded = new Set(
          (
            await em.find(MetricObservation, { metric, period: b.period }, { fields: ['account'] })
          ).map((o) => o.account.id),
        );
        for (const { row, prediction: p } of b.forecasts) {
          if (recorded.has(row.accountId)) continue;
          em.create(MetricObservation, {
            metric,
            account: em.getReference(ClientAccount, row.accountId),
            period: b.period,
            value: p.nps,
            sampleSize: null,
            source: `forecast:${shiftMonth(b.period, -1)} (recorded later)`,
            createdAt: at,
            updatedAt: at,
          });
        }
      }
      await em.flush();
    });
    return forecasts.length;
  },
};
