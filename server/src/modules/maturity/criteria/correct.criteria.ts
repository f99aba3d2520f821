import { ProcessGroup } from '../../initiative/initiative.enums.js';
import { correctEvidence, type CorrectEvidence } from '../evidence/correct.evidence.js';
import { defineGroup, type CriterionDef } from '../maturity.criteria.js';
import { atLeast, count, everyOr, int, lastDays, shareOf } from '../maturity.format.js';

const criteria: CriterionDef<CorrectEvidence>[] = [
  {
    code: 'CORRECT_REVISIONS_RECORDED',
    level: 1,
    criterion: (t) =>
      `Corrections are recorded as revisions of their initiative (beyond the initial one) in the last ${t.historyMonths} months.`,
    threshold: () => '≥ 1 revision',
    measure: (e, _t, w) => ({
      met: e.revisionsInHistory >= 1,
      value: e.revisionsInHistory,
      figure: `${count(e.revisionsInHistory, 'revision')} opened since ${w.history.period} (council changes or owner corrections)`,
    }),
  },
  {
    code: 'CORRECT_COUNCIL_REVIEWS',
    level: 2,
    criterion: () =>
      'Client-visible initiatives that passed IMPLEMENT were reviewed by their client advisory council.',
    threshold: (t) => `${everyOr(t.everyShare)} such initiative`,
    measure: (e, t) =>
      shareOf(
        e.clientVisibleReviewed,
        e.clientVisiblePastImplement,
        t.everyShare,
        (share, of) =>
          `${share} of client-visible initiatives past IMPLEMENT had a council review (${of})`,
        'no client-visible initiatives past IMPLEMENT',
      ),
  },
  {
    code: 'CORRECT_REVISED_REGULARLY',
    level: 2,
    criterion: (t) =>
      `Plans are revised regularly: a revision was opened ${lastDays(t.periodDays)}.`,
    threshold: () => '≥ 1 revision in the period',
    measure: (e, t) => ({
      met: e.revisionsInPeriod >= 1,
      value: e.revisionsInPeriod,
      figure: `${count(e.revisionsInPeriod, 'revision')} opened ${lastDays(t.periodDays)}`,
    }),
  },
  {
    code: 'CORRECT_CHANGES_LED_TO_REVISIONS',
    level: 3,
    criterion: (t) =>
      `Council decisions are followed through: every request for changes of the last ${t.historyMonths} months led to a revision that answers it.`,
    threshold: (t) => `${everyOr(t.everyShare)} CHANGES_REQUESTED review`,
    measure: (e, t, w) =>
      shareOf(
        e.changesRevised,
        e.changesRequested,
        t.everyShare,
        (share, of) => `${share} of council change requests led to a revision (${of})`,
        `no council change requests since ${w.history.period}`,
      ),
  },
  {
    code: 'CORRECT_ALERTS_OPEN_CORRECTIONS',
    level: 3,
    criterion: (t) =>
      `Monitoring alerts open corrections automatically: owner corrections of the last ${t.historyMonths} months opened by the hub itself (the system or a workflow), not by a person.`,
    threshold: () => '≥ 1 automatic correction',
    measure: (e, _t, w) => ({
      met: e.automaticCorrections >= 1,
      value: e.automaticCorrections,
      figure:
        e.ownerCorrections === 0
          ? `no owner corrections since ${w.history.period}`
          : `${int(e.automaticCorrections)} of ${count(e.ownerCorrections, 'owner correction')} since ${w.history.period} opened automatically`,
    }),
  },
  {
    code: 'CORRECT_COUNCIL_DECISIONS_CLOSED',
    level: 3,
    criterion: (t) =>
      `Council decisions are tracked to closure: reviews requested more than ${t.councilDecisionDays} days ago are decided.`,
    threshold: (t) => `${atLeast(t.councilDecidedShare)} of those reviews`,
    measure: (e, t) =>
      shareOf(
        e.reviewsDecided,
        e.reviewsDue,
        t.councilDecidedShare,
        (share, of) =>
          `${share} of council reviews older than ${t.councilDecisionDays} days are decided (${of})`,
        `no council reviews older than ${t.councilDecisionDays} days`,
      ),
  },
  {
    code: 'CORRECT_EFFECT_MEASURED',
    level: 4,
    criterion: () =>
      'The effect of corrections is measured: after a revision opened, a target metric of its initiative was observed in a later month.',
    threshold: (t) => `${atLeast(t.correctionEffectShare)} of revisions`,
    measure: (e, t, w) =>
      shareOf(
        e.correctionsMeasured,
        e.revisionsInHistory,
        t.correctionEffectShare,
        (share, of) =>
          `${share} of revisions since ${w.history.period} have their effect measured (${of})`,
        `no revisions since ${w.history.period}`,
      ),
  },
  {
    code: 'CORRECT_FORESEEN',
    level: 5,
    criterion: () =>
      'Predicted declines trigger corrections before clients complain: a satisfaction forecast for an affected account was recorded before the revision opened.',
    threshold: () => '≥ 1 revision preceded by a forecast',
    measure: (e, _t, w) => ({
      met: e.correctionsForeseen >= 1,
      value: e.correctionsForeseen,
      figure:
        e.revisionsInHistory === 0
          ? `no revisions since ${w.history.period}`
          : `${int(e.correctionsForeseen)} of ${count(e.revisionsInHistory, 'revision')} since ${w.history.period} followed a satisfaction forecast for an affected account`,
    }),
  },
];

export const correctGroup = defineGroup({
  processGroup: ProcessGroup.CORRECT,
  gather: correctEvidence,
  criteria,
});
