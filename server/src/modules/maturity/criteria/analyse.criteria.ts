import { ProcessGroup } from '../../initiative/initiative.enums.js';
import {
  analyseEvidence,
  DETRACTOR_MAX_NPS,
  type AnalyseEvidence,
} from '../evidence/analyse.evidence.js';
import { defineGroup, type CriterionDef } from '../maturity.criteria.js';
import { FORECAST_SUFFIX } from '../maturity.evidence.js';
import {
  atLeast,
  count,
  everyOr,
  fixed,
  int,
  lastDays,
  months,
  pct,
  shareOf,
} from '../maturity.format.js';

const criteria: CriterionDef<AnalyseEvidence>[] = [
  {
    code: 'ANALYSE_NEGATIVE_CLASSIFIED',
    level: 1,
    criterion: (t) =>
      `Dissatisfaction is classified: negative feedback (negative sentiment or NPS ≤ ${DETRACTOR_MAX_NPS}) ${lastDays(t.periodDays)} carries one of the four complaint classes.`,
    threshold: (t) => `${atLeast(t.negativeClassifiedShare)} of negative feedback classified`,
    measure: (e, t) =>
      shareOf(
        e.negativesClassified,
        e.negatives,
        t.negativeClassifiedShare,
        (share, of) => `${share} of negative feedback classified (${of})`,
        `no negative feedback ${lastDays(t.periodDays)}`,
      ),
  },
  {
    code: 'ANALYSE_PARETO_EVERY_MONTH',
    level: 2,
    criterion: (t) =>
      `A Pareto analysis of complaints covers each of the last ${count(t.recentMonths, 'complete month')}.`,
    threshold: (_t, w) => `a PARETO analysis for each of ${months(w.recentMonths)}`,
    measure: (e, _t, w) => {
      const covered = e.paretoByMonth.filter((n) => n > 0).length;
      const missing = w.recentMonths.filter((_, i) => (e.paretoByMonth[i] ?? 0) === 0);
      return {
        met: missing.length === 0,
        value: covered,
        figure:
          missing.length === 0
            ? `every month covered (${months(w.recentMonths)})`
            : `${covered} of ${count(w.recentMonths.length, 'month')} covered; no Pareto for ${missing.map((m) => m.period).join(', ')}`,
      };
    },
  },
  {
    code: 'ANALYSE_INITIATIVES_LINKED',
    level: 2,
    criterion: () => 'Every open initiative is linked to the analysis it came from.',
    threshold: (t) => `${everyOr(t.everyShare)} open initiative`,
    measure: (e, t) =>
      shareOf(
        e.openLinked,
        e.openInitiatives,
        t.everyShare,
        (share, of) => `${share} of open initiatives linked to an analysis (${of})`,
        'no open initiatives',
      ),
  },
  {
    code: 'ANALYSE_INITIATIVE_OWNERS',
    level: 2,
    criterion: () => 'Every open initiative has an owner who answers for acting on the feedback.',
    threshold: (t) => `${everyOr(t.everyShare)} open initiative`,
    measure: (e, t) =>
      shareOf(
        e.openOwned,
        e.openInitiatives,
        t.everyShare,
        (share, of) => `${share} of open initiatives have an owner (${of})`,
        'no open initiatives',
      ),
  },
  {
    code: 'ANALYSE_FROM_STATISTICS',
    level: 3,
    criterion: (t) =>
      `Initiatives are proposed from the statistics: initiatives of the last ${t.historyMonths} months are linked to a Pareto analysis.`,
    threshold: (t) => `${atLeast(t.paretoInitiativeShare)} of those initiatives`,
    measure: (e, t, w) =>
      shareOf(
        e.historyFromPareto,
        e.historyInitiatives,
        t.paretoInitiativeShare,
        (share, of) =>
          `${share} of initiatives since ${w.history.period} come from a Pareto (${of})`,
        `no initiatives since ${w.history.period}`,
      ),
  },
  {
    code: 'ANALYSE_INITIATIVE_PROCESS_CLASSES',
    level: 3,
    criterion: (t) =>
      `Causes are traced to process classes: initiatives of the last ${t.historyMonths} months name the process class they fix.`,
    threshold: (t) => `${atLeast(t.processClassShare)} of those initiatives`,
    measure: (e, t, w) =>
      shareOf(
        e.historyWithProcessClass,
        e.historyInitiatives,
        t.processClassShare,
        (share, of) =>
          `${share} of initiatives since ${w.history.period} name a process class (${of})`,
        `no initiatives since ${w.history.period}`,
      ),
  },
  {
    code: 'ANALYSE_COMPLAINT_TOUCHPOINTS',
    level: 3,
    criterion: (t) =>
      `Classified complaints ${lastDays(t.periodDays)} are traced to a touchpoint, and through it to a process class.`,
    threshold: (t) => `${atLeast(t.processClassShare)} of classified feedback`,
    measure: (e, t) =>
      shareOf(
        e.classifiedWithTouchpoint,
        e.classifiedComplaints,
        t.processClassShare,
        (share, of) => `${share} of classified feedback has a touchpoint (${of})`,
        `no classified feedback ${lastDays(t.periodDays)}`,
      ),
  },
  {
    code: 'ANALYSE_CLASSIFIER_REVIEWED_MONTHLY',
    level: 4,
    criterion: (t) =>
      `The classifier's accuracy is tracked over time: staff confirm or correct its labels in each of the last ${count(t.recentMonths, 'complete month')}.`,
    threshold: (_t, w) => `staff reviews of classifier labels in each of ${months(w.recentMonths)}`,
    measure: (e, t, w) => {
      const reviewed = e.reviewsByMonth.filter((n) => n > 0).length;
      const perMonth = w.recentMonths
        .map((m, i) => `${m.period}: ${int(e.reviewsByMonth[i] ?? 0)}`)
        .join(', ');
      return {
        met: reviewed === w.recentMonths.length,
        value: reviewed,
        figure: `classifier labels reviewed by staff per month: ${perMonth} (${count(e.classifierLabelled, 'item')} labelled by the classifier ${lastDays(t.periodDays)})`,
      };
    },
  },
  {
    code: 'ANALYSE_CLASSIFIER_ACCURACY',
    level: 4,
    criterion: (t) =>
      `The classifier is accurate: staff keep the complaint class it chose ${lastDays(t.periodDays)}.`,
    threshold: (t) =>
      `${atLeast(t.classifierAccuracy)} kept over ≥ ${count(t.classifierMinReviews, 'review')}`,
    measure: (e, t) => {
      if (e.classifierReviews < t.classifierMinReviews) {
        return {
          met: false,
          value: null,
          figure: `${count(e.classifierReviews, 'classifier label')} reviewed by staff ${lastDays(t.periodDays)}, ${int(t.classifierMinReviews)} needed: accuracy not measured`,
        };
      }
      const accuracy = e.classifierKept / e.classifierReviews;
      return {
        met: accuracy >= t.classifierAccuracy,
        value: accuracy,
        figure: `${pct(accuracy)} of reviewed classifier labels kept (${int(e.classifierKept)} of ${int(e.classifierReviews)})`,
      };
    },
  },
  {
    code: 'ANALYSE_FORECASTS_BEAT_NAIVE',
    level: 5,
    criterion: () =>
      `Forecasts beat a naive baseline: forecasts (observations of a metric's ${FORECAST_SUFFIX} twin) are closer to the actual value than the month's company-wide mean.`,
    threshold: (t) =>
      `≥ ${count(t.minForecastPairs, 'forecast/actual pair')} and a smaller mean absolute error than the naive one`,
    measure: (e, t, w) => {
      if (e.forecastPairs === 0 || e.forecastMae === null || e.naiveMae === null) {
        return {
          met: false,
          value: null,
          figure: `no forecast/actual pairs since ${w.history.period} (looked for observations of *${FORECAST_SUFFIX} metrics beside the actual metric)`,
        };
      }
      return {
        met: e.forecastPairs >= t.minForecastPairs && e.forecastMae < e.naiveMae,
        value: e.forecastMae,
        figure: `mean absolute error ${fixed(e.forecastMae)} vs naive ${fixed(e.naiveMae)} over ${count(e.forecastPairs, 'forecast/actual pair')} since ${w.history.period}`,
      };
    },
  },
];

export const analyseGroup = defineGroup({
  processGroup: ProcessGroup.ANALYSE,
  gather: analyseEvidence,
  criteria,
});
