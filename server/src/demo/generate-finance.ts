import { uuidv7 } from '../db/ids.js';
import { AccountStatus } from '../modules/client/client.enums.js';
import type { TransactionalFigures } from '../modules/client/transactional-figures.entity.js';
import type { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import type { MetricObservation } from '../modules/metric/metric-observation.entity.js';
import { addDays, monthStart, periodOf, type GenContext } from './context.js';
import type { Row } from './dataset.js';
import { financeSatisfactionAt, PLANTED_RELATION as P } from './model.js';
import { clamp } from './random.js';
import { round } from './generate-weights.js';

const MONTHLY_REVENUE = 2_000_000; // RUB per unit of account volume
const SEASON = [0.85, 0.9, 1.0, 1.05, 1.1, 1.1, 1.05, 1.0, 1.05, 1.1, 1.0, 0.95];

/** 12 months of figures per account, following the planted satisfaction → finance relation. */
export function generateFigures(ctx: GenContext): Row<TransactionalFigures>[] {
  const { rng } = ctx;
  const rows: Row<TransactionalFigures>[] = [];
  for (const a of ctx.accounts) {
    const churnAt = a.row.status === AccountStatus.CHURNED ? rng.int(4, 10) : 99;
    const segmentMargin = P.segmentMargin[a.segmentCode] ?? 0.2;
    ctx.periods.forEach((period, m) => {
      if (m >= churnAt) return;
      const s = financeSatisfactionAt(a, m);
      const month = monthStart(period).getUTCMonth();
      const revenue =
        MONTHLY_REVENUE * a.volume ** 1.6 * SEASON[month]! * (1 + 0.05 * s) * rng.float(0.8, 1.2);
      const marginRate =
        segmentMargin +
        P.marginRate.slopePerSd * s +
        a.marginNoise +
        rng.normal(0, P.marginRate.monthNoiseSd);
      const createdAt = addDays(monthStart(period), 35);
      rows.push({
        id: uuidv7(),
        externalId: `ERP-${a.row.externalId}-${period}`,
        account: a.row.id,
        period,
        revenue: round(revenue, 2),
        grossMargin: round(revenue * marginRate, 2),
        avgDaysLate: round(
          Math.max(
            0,
            P.daysLate.intercept + P.daysLate.slopePerSd * s + rng.normal(0, P.daysLate.noiseSd),
          ),
          1,
        ),
        orderCount: Math.max(1, Math.round(a.volume * 6 * rng.float(0.7, 1.3))),
        orderRegularity: round(clamp(0.8 + 0.07 * s + rng.normal(0, 0.06), 0, 1), 3),
        shareOfWallet: round(clamp(0.35 + 0.1 * s + rng.normal(0, 0.1), 0.05, 0.95), 3),
        createdAt,
        updatedAt: createdAt,
      });
    });
  }
  return rows;
}

type Metric =
  | 'NPS'
  | 'CSI'
  | 'CES'
  | 'OTIF'
  | 'UNDER_DELIVERY_PCT'
  | 'LATE_SHIPMENTS_PCT'
  | 'DOCUMENT_ERROR_RATE'
  | 'DSO'
  | 'MANAGER_RATING';

/**
 * Monthly observations per account for a subset of metrics: the satisfaction ones aggregated
 * from the generated feedback (so they agree with it), operational ones from the account's
 * operational performance, DSO from its payment figures.
 */
export function generateObservations(
  ctx: GenContext,
  feedback: Row<FeedbackItem>[],
  figures: Row<TransactionalFigures>[],
): Row<MetricObservation>[] {
  const { rng } = ctx;
  const rows: Row<MetricObservation>[] = [];
  const push = (
    metric: Metric,
    account: string,
    period: string,
    value: number,
    source: string,
    sampleSize: number | null,
  ) => {
    const at = addDays(monthStart(period), 33);
    rows.push({
      id: uuidv7(),
      externalId: null,
      metric: ctx.ref('metrics', metric),
      account,
      period,
      value: round(value, 2),
      sampleSize,
      source,
      createdAt: at,
      updatedAt: at,
    });
  };

  const scores = new Map<string, { nps: number[]; csi: number[]; ces: number[] }>();
  for (const f of feedback) {
    const period = periodOf(f.receivedAt as Date);
    const key = `${String(f.account)}|${period}`;
    let s = scores.get(key);
    if (!s) scores.set(key, (s = { nps: [], csi: [], ces: [] }));
    if (f.npsScore != null) s.nps.push(f.npsScore as number);
    if (f.csiScore != null) s.csi.push(f.csiScore as number);
    if (f.cesScore != null) s.ces.push(f.cesScore as number);
  }
  const figureByKey = new Map(figures.map((f) => [`${String(f.account)}|${f.period}`, f]));

  for (const a of ctx.accounts) {
    ctx.periods.forEach((period, m) => {
      const figure = figureByKey.get(`${a.row.id}|${period}`);
      if (!figure) return; // churned
      const s = scores.get(`${a.row.id}|${period}`);
      if (s?.nps.length) {
        const promoters = s.nps.filter((x) => x >= 9).length;
        const detractors = s.nps.filter((x) => x <= 6).length;
        push(
          'NPS',
          a.row.id,
          period,
          (100 * (promoters - detractors)) / s.nps.length,
          'feedback',
          s.nps.length,
        );
      }
      if (s?.csi.length) push('CSI', a.row.id, period, mean(s.csi), 'feedback', s.csi.length);
      if (s?.ces.length) push('CES', a.row.id, period, mean(s.ces), 'feedback', s.ces.length);
      const ops = a.ops + rng.normal(0, 0.3);
      push(
        'OTIF',
        a.row.id,
        period,
        clamp(92 + 3 * ops + rng.normal(0, 1.5), 55, 100),
        'erp',
        figure.orderCount as number,
      );
      push(
        'UNDER_DELIVERY_PCT',
        a.row.id,
        period,
        clamp(1.8 - 0.8 * ops + rng.normal(0, 0.5), 0, 20),
        'erp',
        figure.orderCount as number,
      );
      push(
        'LATE_SHIPMENTS_PCT',
        a.row.id,
        period,
        clamp(5 - 2.2 * ops + rng.normal(0, 1.2), 0, 40),
        'erp',
        figure.orderCount as number,
      );
      push(
        'DOCUMENT_ERROR_RATE',
        a.row.id,
        period,
        clamp(2.2 - 0.9 * ops + rng.normal(0, 0.6), 0, 25),
        'edo',
        figure.orderCount as number,
      );
      push(
        'DSO',
        a.row.id,
        period,
        30 + (figure.avgDaysLate as number) + rng.normal(0, 2),
        'erp',
        null,
      );
      if (m % 3 === 2) {
        const rating = clamp(3.9 + 0.45 * financeSatisfactionAt(a, m) + rng.normal(0, 0.4), 1, 5);
        push('MANAGER_RATING', a.row.id, period, rating, 'meeting', 1);
      }
    });
  }
  return rows;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
