import type { Em } from '../../../db/orm.js';
import { AccountStatus, RespondentClass } from '../../client/client.enums.js';
import { FeedbackChannel as F } from '../../feedback/feedback.enums.js';
import { MetricKind } from '../../metric/metric.enums.js';
import { NotificationKind } from '../../notification/notification.enums.js';
import { CampaignScheduleKind, CampaignStatus } from '../../survey/survey.enums.js';
import type { MaturityThresholds } from '../maturity.thresholds.js';
import {
  dialectOf,
  list,
  SATISFACTION_FORECAST_CODES,
  selectAggregates,
  sql,
  type EvidenceWindow,
} from '../maturity.evidence.js';

/** Channels where a person records what the client said. */
export const MANUAL_CHANNELS = [
  F.MEETING,
  F.NEGOTIATION,
  F.COMPLAINT,
  F.SUPPORT_TICKET,
  F.ADVISORY_COUNCIL,
  F.MYSTERY_SHOPPING,
] as const;

/** Channels where the question is embedded and the answer arrives by itself. */
export const AUTOMATED_CHANNELS = [
  F.SURVEY,
  F.PORTAL_POPUP,
  F.POST_TRANSACTION_EMAIL,
  F.FEEDBACK_BUTTON,
  F.CHAT_BOT,
] as const;

export const ALL_CHANNELS = Object.values(F);

const KEYS = [
  'activeQuestionnaires',
  'questionnairesInUse',
  'channels',
  'manualChannels',
  'automatedChannels',
  // Feedback received in the period that was acknowledged, or is older than the SLA.
  'ackDue',
  'ackOnTime',
  'campaignAnswers',
  'activeAccounts',
  'accountsAllClasses',
  'accountsWithForecast',
  'activeCampaigns',
  'triggerCampaigns',
  'activeTriggerCampaigns',
  'computableMetrics',
  'triggerMetrics',
  'invitations',
] as const;

export type CollectEvidence = Record<(typeof KEYS)[number], number>;

export async function collectEvidence(
  em: Em,
  w: EvidenceWindow,
  t: MaturityThresholds,
): Promise<CollectEvidence> {
  const d = dialectOf(em);
  const slaMs = t.ackSlaMinutes * 60_000;
  const inPeriod = sql`f.received_at >= ${w.periodStart} and f.received_at < ${w.now}`;
  // Items younger than the SLA and not acknowledged yet are not late (yet).
  const ackCutoff = new Date(w.now.getTime() - slaMs);
  const latestMonth = w.recentMonths[w.recentMonths.length - 1]!.period;
  const row = await selectAggregates(em, [
    sql`select count(*) as "activeQuestionnaires",
      sum(case when exists (select 1 from survey_campaign c where c.questionnaire_id = q.id and c.status = ${CampaignStatus.ACTIVE})
        or exists (select 1 from feedback_item f join survey_campaign c on c.id = f.campaign_id
          where c.questionnaire_id = q.id and ${inPeriod}) then 1 else 0 end) as "questionnairesInUse"
      from questionnaire q where q.active = ${true}`,
    sql`select count(distinct f.channel) as "channels",
      count(distinct case when f.channel in (${list(MANUAL_CHANNELS)}) then f.channel end) as "manualChannels",
      count(distinct case when f.channel in (${list(AUTOMATED_CHANNELS)}) then f.channel end) as "automatedChannels",
      sum(case when f.acknowledged_at is not null or f.received_at <= ${ackCutoff} then 1 else 0 end) as "ackDue",
      sum(case when f.acknowledged_at is not null and ${d.withinMs('f.acknowledged_at', 'f.received_at', slaMs)} then 1 else 0 end) as "ackOnTime",
      sum(case when f.campaign_id is not null then 1 else 0 end) as "campaignAnswers"
      from feedback_item f where ${inPeriod}`,
    sql`select count(*) as "activeAccounts",
      sum(case when (select count(distinct f.respondent_class) from feedback_item f
        where f.account_id = a.id and ${inPeriod}) = ${Object.values(RespondentClass).length} then 1 else 0 end) as "accountsAllClasses",
      sum(case when exists (select 1 from metric_observation o join metric_definition md on md.id = o.metric_id
        where o.account_id = a.id and md.code in (${list(SATISFACTION_FORECAST_CODES)}) and o.period >= ${latestMonth})
        then 1 else 0 end) as "accountsWithForecast"
      from client_account a where a.status <> ${AccountStatus.CHURNED}`,
    sql`select sum(case when c.status = ${CampaignStatus.ACTIVE} then 1 else 0 end) as "activeCampaigns",
      sum(case when c.schedule_kind = ${CampaignScheduleKind.TRIGGER} then 1 else 0 end) as "triggerCampaigns",
      sum(case when c.schedule_kind = ${CampaignScheduleKind.TRIGGER} and c.status = ${CampaignStatus.ACTIVE} then 1 else 0 end) as "activeTriggerCampaigns"
      from survey_campaign c`,
    sql`select sum(case when md.kind = ${MetricKind.COMPUTABLE} then 1 else 0 end) as "computableMetrics",
      sum(case when md.kind = ${MetricKind.TRIGGER} then 1 else 0 end) as "triggerMetrics"
      from metric_definition md where md.active = ${true}`,
    sql`select count(*) as "invitations" from client_notification n
      where n.kind = ${NotificationKind.SURVEY_INVITATION} and n.created_at >= ${w.periodStart} and n.created_at < ${w.now}`,
  ]);
  return row.counts(KEYS);
}
