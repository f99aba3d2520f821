import { ProcessGroup } from '../../initiative/initiative.enums.js';
import { implementEvidence, type ImplementEvidence } from '../evidence/implement.evidence.js';
import { defineGroup, type CriterionDef } from '../maturity.criteria.js';
import { atLeast, count, everyOr, lastDays, shareOf } from '../maturity.format.js';

/** Effect per effort is only comparable between at least two kinds of initiative. */
const MIN_PROCESS_CLASSES_COMPARED = 2;

const criteria: CriterionDef<ImplementEvidence>[] = [
  {
    code: 'IMPLEMENT_INITIATIVES_RECORDED',
    level: 1,
    criterion: () => 'Improvement initiatives are recorded in the hub.',
    threshold: () => '≥ 1 initiative (not cancelled)',
    measure: (e) => ({
      met: e.initiatives >= 1,
      value: e.initiatives,
      figure: `${count(e.initiatives, 'initiative')} recorded (not cancelled)`,
    }),
  },
  {
    code: 'IMPLEMENT_INITIATIVE_OWNERS',
    level: 1,
    criterion: () => 'Every recorded initiative has a named owner.',
    threshold: (t) => `${everyOr(t.everyShare)} initiative`,
    measure: (e, t) =>
      shareOf(
        e.initiativesOwned,
        e.initiatives,
        t.everyShare,
        (share, of) => `${share} of initiatives have an owner (${of})`,
        'no initiatives recorded',
      ),
  },
  {
    code: 'IMPLEMENT_TASK_DUE_DATES',
    level: 2,
    criterion: () => 'Open department tasks carry due dates.',
    threshold: (t) => `${everyOr(t.everyShare)} open task`,
    measure: (e, t) =>
      shareOf(
        e.openTasksDue,
        e.openTasks,
        t.everyShare,
        (share, of) => `${share} of open tasks have a due date (${of})`,
        'no open department tasks',
      ),
  },
  {
    code: 'IMPLEMENT_CLIENTS_NOTIFIED',
    level: 2,
    criterion: (t) =>
      `Clients hear regularly about the initiatives that concern them: every started client-visible initiative wrote a "you said, we did" milestone notification ${lastDays(t.periodDays)}.`,
    threshold: (t) => `${everyOr(t.everyShare)} started client-visible initiative`,
    measure: (e, t) =>
      shareOf(
        e.clientVisibleNotified,
        e.clientVisibleStarted,
        t.everyShare,
        (share, of) =>
          `${share} of started client-visible initiatives notified their clients ${lastDays(t.periodDays)} (${of})`,
        'no started client-visible initiatives',
      ),
  },
  {
    code: 'IMPLEMENT_TARGETS_WITH_BASELINES',
    level: 3,
    criterion: () => 'Every started initiative has a metric target with a baseline.',
    threshold: (t) => `${everyOr(t.everyShare)} started initiative`,
    measure: (e, t) =>
      shareOf(
        e.startedWithBaseline,
        e.started,
        t.everyShare,
        (share, of) => `${share} of started initiatives have a target with a baseline (${of})`,
        'no started initiatives',
      ),
  },
  {
    code: 'IMPLEMENT_EFFECT_MEASURABLE',
    level: 3,
    criterion: () =>
      'The effect of each initiative past IMPLEMENT is measurable: one of its target metrics was observed in a month after it started.',
    threshold: (t) => `${everyOr(t.everyShare)} initiative in MONITOR, CORRECT or closed`,
    measure: (e, t) =>
      shareOf(
        e.pastImplementMeasurable,
        e.pastImplement,
        t.everyShare,
        (share, of) => `${share} of initiatives past IMPLEMENT have a measurable effect (${of})`,
        'no initiatives past IMPLEMENT',
      ),
  },
  {
    code: 'IMPLEMENT_OWNERS_ANSWER_FOR_SATISFACTION',
    level: 3,
    criterion: () =>
      "Owners answer for satisfaction: started initiatives target a satisfaction-layer metric (NPS, CSI, CES…), the hub's stand-in for owners' KPIs until those are recorded.",
    threshold: (t) => `${atLeast(t.satisfactionTargetShare)} of started initiatives`,
    measure: (e, t) =>
      shareOf(
        e.startedWithSatisfactionTarget,
        e.started,
        t.satisfactionTargetShare,
        (share, of) => `${share} of started initiatives target a satisfaction metric (${of})`,
        'no started initiatives',
      ),
  },
  {
    code: 'IMPLEMENT_EFFECT_PER_EFFORT',
    level: 4,
    criterion: (t) =>
      `Effect per effort can be compared across kinds of initiative: initiatives closed in the last ${t.historyMonths} months with department tasks (effort) and a measured effect span several process classes.`,
    threshold: () => `≥ ${MIN_PROCESS_CLASSES_COMPARED} process classes`,
    measure: (e, _t, w) => ({
      met: e.effortClasses >= MIN_PROCESS_CLASSES_COMPARED,
      value: e.effortClasses,
      figure: `${count(e.effortClasses, 'process class', 'process classes')} with closed, measured initiatives (${count(e.closedRecently, 'initiative')} closed since ${w.history.period})`,
    }),
  },
  {
    code: 'IMPLEMENT_EXPECTED_VS_MEASURED',
    level: 5,
    criterion: (t) =>
      `The effect expected at launch is compared at close: initiatives closed in the last ${t.historyMonths} months have targets with an expected change and observations from their closing month on.`,
    threshold: (t) => `${everyOr(t.everyShare)} initiative closed in that time`,
    measure: (e, t, w) =>
      shareOf(
        e.closedPredictedAndMeasured,
        e.closedRecently,
        t.everyShare,
        (share, of) =>
          `${share} of initiatives closed since ${w.history.period} compare expected and measured effect (${of})`,
        `no initiatives closed since ${w.history.period}`,
      ),
  },
];

export const implementGroup = defineGroup({
  processGroup: ProcessGroup.IMPLEMENT,
  gather: implementEvidence,
  criteria,
});
