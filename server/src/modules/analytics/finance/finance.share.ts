import type { ShareCell } from './finance.query.js';
import { seriesTrend } from './finance.stats.js';

/** One month of a share series. */
export interface SharePoint extends ShareCell {
  /** COMPUTABLE observations / all observations (null when none). */
  computableShare: number | null;
  /** Distinct COMPUTABLE metrics observed / distinct metrics observed. */
  computableMetricShare: number | null;
}

/** The computable share of one segment × stage over the months, with its trend. */
export interface ShareSeries {
  segmentId: string;
  stage: string | null;
  points: SharePoint[];
  /** Least-squares change of the computable observation share per month, and its p-value. */
  sharePerMonth: number | null;
  pValue: number | null;
  /** The share rises: positive trend with p < 0.05. */
  rising: boolean;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function sharePoint(c: ShareCell): SharePoint {
  return {
    ...c,
    computableShare: ratio(
      c.computableObservations,
      c.computableObservations + c.triggerObservations,
    ),
    computableMetricShare: ratio(c.computableMetrics, c.computableMetrics + c.triggerMetrics),
  };
}

const monthIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));

/**
 * Cells grouped into one series per segment × stage, oldest month first, each with the trend of
 * its computable share against the month (months without observations are simply absent, so
 * the slope is per calendar month, not per point).
 */
export function shareSeries(cells: readonly ShareCell[]): ShareSeries[] {
  const groups = new Map<string, ShareCell[]>();
  for (const c of cells) {
    const key = `${c.segmentId}|${c.stage ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()].map((group) => {
    const points = group.map(sharePoint).sort((a, b) => a.period.localeCompare(b.period));
    const observed = points.filter((p) => p.computableShare !== null);
    const first = observed[0] ? monthIndex(observed[0].period) : 0;
    const trend = seriesTrend(
      observed.map((p) => ({ x: monthIndex(p.period) - first, y: p.computableShare! })),
    );
    return {
      segmentId: group[0]!.segmentId,
      stage: group[0]!.stage,
      points,
      sharePerMonth: trend?.slope ?? null,
      pValue: trend?.pValue ?? null,
      rising: trend !== null && trend.slope > 0 && trend.pValue < 0.05,
    };
  });
}
