import { ProcessGroup } from '../../initiative/initiative.enums.js';
import { monitorEvidence, type MonitorEvidence } from '../evidence/monitor.evidence.js';
import { defineGroup, type CriterionDef, type Measured } from '../maturity.criteria.js';
import { shiftMonth, type EvidenceWindow } from '../maturity.evidence.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  atLeast,
  count,
  everyOr,
  fixed,
  int,
  months,
  pct,
  ratio,
  shareOf,
} from '../maturity.format.js';

/** Pearson's r from the sums of x, y, xy, x² and y² over n points; null when undefined. */
export function pearson(n: number, s: MonitorEvidence['corr']): number | null {
  if (n < 3) return null;
  const cov = n * s.sxy - s.sx * s.sy;
  const vx = n * s.sxx - s.sx * s.sx;
  const vy = n * s.syy - s.sy * s.sy;
  // Rounding can leave a tiny negative variance where the true one is zero.
  if (!(vx > 0) || !(vy > 0)) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
}

function correlation(e: MonitorEvidence, t: MaturityThresholds, w: EvidenceWindow): Measured {
  const span = `${w.history.period}…${shiftMonth(w.current.period, -1)}`;
  const r = pearson(e.corrN, e.corr);
  if (r === null) {
    return {
      met: false,
      value: null,
      figure: `r not computable: ${count(e.corrN, 'account')} with both a CSI and a gross margin in ${span}`,
    };
  }
  return {
    met: e.corrN >= t.minCorrelationAccounts,
    value: r,
    figure: `r = ${fixed(r)} over ${count(e.corrN, 'account')} (mean CSI vs mean gross-margin rate, ${span})`,
  };
}

function perMonth(w: EvidenceWindow, values: number[]): string {
  return w.recentMonths.map((m, i) => `${m.period}: ${int(values[i] ?? 0)}`).join(', ');
}

const criteria: CriterionDef<MonitorEvidence>[] = [
  {
    code: 'MONITOR_SATISFACTION_EVERY_MONTH',
    level: 1,
    criterion: (t) =>
      `NPS/CSI is computed every month: each of the last ${count(t.recentMonths, 'complete month')} has enough scores (feedback with an NPS or CSI score, plus NPS/CSI observations).`,
    threshold: (t, w) =>
      `≥ ${count(t.minScoresPerMonth, 'score')} in each of ${months(w.recentMonths)}`,
    measure: (e, t, w) => {
      const totals = e.scoredByMonth.map((n, i) => n + (e.observedByMonth[i] ?? 0));
      const enough = totals.filter((n) => n >= t.minScoresPerMonth).length;
      return {
        met: enough === w.recentMonths.length,
        value: enough,
        figure: `NPS/CSI scores per month: ${perMonth(w, totals)}`,
      };
    },
  },
  {
    code: 'MONITOR_FINANCE_LINKED',
    level: 2,
    criterion: () =>
      'Payment discipline and margin are linked to accounts: active accounts have transactional figures (gross margin, days paid late) for the latest months.',
    threshold: (t) => `${atLeast(t.financeCoverageShare)} of active accounts`,
    measure: (e, t, w) =>
      shareOf(
        e.accountsWithFigures,
        e.activeAccounts,
        t.financeCoverageShare,
        (share, of) =>
          `${share} of active accounts have figures for ${e.financeFrom}…${shiftMonth(w.current.period, -1)} (${of})`,
        'no active accounts',
      ),
  },
  {
    code: 'MONITOR_SATISFACTION_FINANCE_CORRELATION',
    level: 2,
    criterion: (t) =>
      `The link between satisfaction and finance is computed: Pearson's r between each account's mean CSI and mean gross-margin rate over the last ${t.historyMonths} months.`,
    threshold: (t) => `r computed over ≥ ${count(t.minCorrelationAccounts, 'account')}`,
    measure: correlation,
  },
  {
    code: 'MONITOR_IMPACT_VS_CONTROL',
    level: 3,
    criterion: () =>
      'Initiative impact is measured against a control group: after an initiative started, its target metrics are observed both for its affected accounts and for other accounts.',
    threshold: (t) => `${everyOr(t.everyShare)} initiative past IMPLEMENT with affected accounts`,
    measure: (e, t) =>
      shareOf(
        e.impactWithControl,
        e.impactInitiatives,
        t.everyShare,
        (share, of) =>
          `${share} of initiatives past IMPLEMENT have affected and control observations (${of})`,
        'no initiatives past IMPLEMENT with affected accounts',
      ),
  },
  {
    code: 'MONITOR_DIVERGENCE_FOLLOWED',
    level: 3,
    criterion: (t) =>
      `Divergence is acted on: every account whose CSI rose by ${t.divergenceCsiRise} or more (last ${t.recentMonths} months vs the ${t.recentMonths} before) while its days paid late did not fall is under an open MONITOR or CORRECT initiative.`,
    threshold: (t) =>
      `≥ ${count(t.minCorrelationAccounts, 'account')} checked and ${everyOr(t.everyShare)} diverging account followed`,
    measure: (e, t) => {
      const followed = ratio(e.divergingHandled, e.diverging);
      return {
        met: e.divergenceChecked >= t.minCorrelationAccounts && (followed ?? 1) >= t.everyShare,
        value: followed,
        figure: `${count(e.divergenceChecked, 'account')} checked; ${int(e.diverging)} diverging (satisfaction up, payments not better), ${int(e.divergingHandled)} of them under an open MONITOR/CORRECT initiative`,
      };
    },
  },
  {
    code: 'MONITOR_UNUSED_METRICS_RETIRED',
    level: 4,
    criterion: (t) =>
      `Low-value metrics are retired: few active metric definitions went without any observation in the last ${t.historyMonths} months.`,
    threshold: (t) => `≤ ${pct(t.maxUnusedMetricShare)} of active metrics unobserved`,
    measure: (e, t, w) => {
      const unused = ratio(e.unusedMetrics, e.activeMetrics);
      if (unused === null)
        return { met: false, value: null, figure: 'no active metric definitions' };
      return {
        met: unused <= t.maxUnusedMetricShare,
        value: unused,
        figure: `${pct(unused)} of active metrics have no observation since ${w.history.period} (${int(e.unusedMetrics)} of ${int(e.activeMetrics)})`,
      };
    },
  },
  {
    code: 'MONITOR_COMPUTABLE_SHARE_RISING',
    level: 4,
    criterion: (t) =>
      `The computable share of metrics is rising: higher among today's active metrics than among those defined ${t.historyMonths} months ago.`,
    threshold: () => 'share now > share then',
    measure: (e, _t, w) => {
      const now = ratio(e.computableNow, e.activeMetrics);
      const then = ratio(e.computableThen, e.metricsThen);
      if (now === null || then === null) {
        return {
          met: false,
          value: now,
          figure: `no metric definitions ${now === null ? 'active now' : `older than ${w.history.period}`} to compare`,
        };
      }
      return {
        met: now > then,
        value: now - then,
        figure: `${pct(now)} computable now (${int(e.computableNow)} of ${int(e.activeMetrics)} active) vs ${pct(then)} before ${w.history.period} (${int(e.computableThen)} of ${int(e.metricsThen)})`,
      };
    },
  },
  {
    code: 'MONITOR_FORECAST_ACCURACY_TRACKED',
    level: 5,
    criterion: (t) =>
      `Forecasts have tracked accuracy: NPS/CSI forecasts sit beside the actual values in each of the last ${count(t.recentMonths, 'complete month')}.`,
    threshold: (_t, w) => `≥ 1 forecast/actual pair in each of ${months(w.recentMonths)}`,
    measure: (e, _t, w) => {
      const tracked = e.forecastPairsByMonth.filter((n) => n > 0).length;
      return {
        met: tracked === w.recentMonths.length,
        value: tracked,
        figure: `NPS/CSI forecast/actual pairs per month: ${perMonth(w, e.forecastPairsByMonth)}`,
      };
    },
  },
];

export const monitorGroup = defineGroup({
  processGroup: ProcessGroup.MONITOR,
  gather: monitorEvidence,
  criteria,
});
