import { ProcessGroup } from '../../initiative/initiative.enums.js';
import { defineGroup, type CriterionDef } from '../maturity.criteria.js';
import { SATISFACTION_FORECAST_CODES } from '../maturity.evidence.js';
import { atLeast, count, int, lastDays, minutes, pct, ratio, shareOf } from '../maturity.format.js';
import {
  ALL_CHANNELS,
  collectEvidence,
  type CollectEvidence,
} from '../evidence/collect.evidence.js';

const criteria: CriterionDef<CollectEvidence>[] = [
  {
    code: 'COLLECT_QUESTIONNAIRE_IN_USE',
    level: 1,
    criterion: (t) =>
      `A standard questionnaire is in use: an active questionnaire has an active campaign or received answers ${lastDays(t.periodDays)}.`,
    threshold: () => '≥ 1 questionnaire in use',
    measure: (e) => ({
      met: e.questionnairesInUse >= 1,
      value: e.questionnairesInUse,
      figure:
        e.activeQuestionnaires === 0
          ? 'no active questionnaire'
          : `${int(e.questionnairesInUse)} of ${count(e.activeQuestionnaires, 'active questionnaire')} in use`,
    }),
  },
  {
    code: 'COLLECT_CHANNELS',
    level: 1,
    criterion: (t) =>
      `Feedback reaches the hub through at least ${t.minChannels} channels ${lastDays(t.periodDays)}.`,
    threshold: (t) => `≥ ${count(t.minChannels, 'channel')}`,
    measure: (e, t) => ({
      met: e.channels >= t.minChannels,
      value: e.channels,
      figure: `${int(e.channels)} of ${count(ALL_CHANNELS.length, 'channel')} ${lastDays(t.periodDays)}`,
    }),
  },
  {
    code: 'COLLECT_RESPONDENT_CLASSES',
    level: 2,
    criterion: (t) =>
      `Economic buyers, technical buyers and operators were all heard from most active accounts ${lastDays(t.periodDays)}.`,
    threshold: (t) => `${atLeast(t.respondentCoverageShare)} of active accounts`,
    measure: (e, t) =>
      shareOf(
        e.accountsAllClasses,
        e.activeAccounts,
        t.respondentCoverageShare,
        (share, of) => `${share} of active accounts heard from all three classes (${of})`,
        'no active accounts',
      ),
  },
  {
    code: 'COLLECT_TRIGGER_SURVEYS',
    level: 2,
    criterion: () => 'Trigger-event surveys are running: a TRIGGER campaign is ACTIVE.',
    threshold: () => '≥ 1 active trigger campaign',
    measure: (e) => ({
      met: e.activeTriggerCampaigns >= 1,
      value: e.activeTriggerCampaigns,
      figure: `${count(e.activeTriggerCampaigns, 'active trigger campaign')} (of ${int(e.triggerCampaigns)} trigger campaigns)`,
    }),
  },
  {
    code: 'COLLECT_ACK_SLA',
    level: 2,
    criterion: (t) =>
      `Clients learn quickly that their feedback was taken into work: items are acknowledged within ${minutes(t.ackSlaMinutes)} of receipt.`,
    threshold: (t) => `${atLeast(t.ackSlaShare)} within ${minutes(t.ackSlaMinutes)}`,
    measure: (e, t) =>
      shareOf(
        e.ackOnTime,
        e.ackDue,
        t.ackSlaShare,
        (share, of) =>
          `${share} acknowledged within ${minutes(t.ackSlaMinutes)} (${of}) ${lastDays(t.periodDays)}`,
        `no feedback received ${lastDays(t.periodDays)}`,
      ),
  },
  {
    code: 'COLLECT_MANUAL_AND_AUTOMATED',
    level: 3,
    criterion: () =>
      'Both manual channels (meetings, negotiations, complaints, support tickets, councils, mystery shopping) and automated ones (surveys, portal pop-ups, post-transaction e-mails, feedback buttons, chat-bots) flow into the hub.',
    threshold: () => '≥ 1 manual and ≥ 1 automated channel',
    measure: (e, t) => ({
      met: e.manualChannels >= 1 && e.automatedChannels >= 1,
      value: Math.min(e.manualChannels, e.automatedChannels),
      figure: `${int(e.manualChannels)} manual and ${int(e.automatedChannels)} automated channels ${lastDays(t.periodDays)}`,
    }),
  },
  {
    code: 'COLLECT_MOST_CHANNELS',
    level: 3,
    criterion: (t) => `Most feedback channels are in use ${lastDays(t.periodDays)}.`,
    threshold: (t) => `${atLeast(t.channelShare)} of the ${ALL_CHANNELS.length} channels`,
    measure: (e, t) =>
      shareOf(
        e.channels,
        ALL_CHANNELS.length,
        t.channelShare,
        (share, of) => `${of} channels in use (${share})`,
        'no channels known',
      ),
  },
  {
    code: 'COLLECT_COMPUTABLE_OUTNUMBER_TRIGGER',
    level: 3,
    criterion: () =>
      'Computable metrics (measured from internal systems) outnumber trigger metrics (only obtainable by asking the client).',
    threshold: () => 'computable > trigger among active metric definitions',
    measure: (e) => ({
      met: e.computableMetrics > e.triggerMetrics,
      value: ratio(e.computableMetrics, e.computableMetrics + e.triggerMetrics),
      figure: `${int(e.computableMetrics)} computable vs ${int(e.triggerMetrics)} trigger active metric definitions`,
    }),
  },
  {
    code: 'COLLECT_RESPONSE_RATE',
    level: 4,
    criterion: () =>
      'The survey response rate is tracked: invitations are recorded in the hub (SURVEY_INVITATION notifications) and campaign answers are set against them.',
    threshold: (t) => `invitations recorded and ${atLeast(t.minResponseRate)} answered`,
    measure: (e, t) => {
      const rate = ratio(e.campaignAnswers, e.invitations);
      if (rate === null) {
        return {
          met: false,
          value: null,
          figure: `no survey invitations recorded ${lastDays(t.periodDays)} (${count(e.campaignAnswers, 'campaign answer')}): response rate not computable`,
        };
      }
      return {
        met: rate >= t.minResponseRate,
        value: rate,
        figure: `${pct(rate)} response rate (${count(e.campaignAnswers, 'campaign answer')} to ${count(e.invitations, 'invitation')}) ${lastDays(t.periodDays)}`,
      };
    },
  },
  {
    code: 'COLLECT_PREDICTED_INDEX',
    level: 5,
    criterion: () =>
      'A predicted satisfaction index per account is there to decide whom to ask and when.',
    threshold: (t) => `${atLeast(t.forecastCoverageShare)} of active accounts with a forecast`,
    measure: (e, t, w) =>
      shareOf(
        e.accountsWithForecast,
        e.activeAccounts,
        t.forecastCoverageShare,
        (share, of) =>
          `${share} of active accounts have a satisfaction forecast (${of}; ${SATISFACTION_FORECAST_CODES.join(' or ')} observations from ${w.recentMonths[w.recentMonths.length - 1]!.period})`,
        'no active accounts',
      ),
  },
];

export const collectGroup = defineGroup({
  processGroup: ProcessGroup.COLLECT,
  gather: collectEvidence,
  criteria,
});
