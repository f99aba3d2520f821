import type { ClassType, NonEmptyArray } from 'type-graphql';
import {
  AccountForecastResolver,
  AccountMarginAtRiskResolver,
  SegmentMarginAtRiskResolver,
} from '../modules/analytics/forecast/forecast.resolver.js';
import { FeedbackResolver } from '../modules/feedback/feedback.resolver.js';
import { ClassifierResolver } from '../modules/classification/classifier.resolver.js';
import { ImportResolver } from '../modules/import/import.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { LiveResolver } from '../live/live.resolver.js';
import { DepartmentResolver, UserResolver } from '../modules/organisation/organisation.resolver.js';
import { SegmentResolver } from '../modules/client/segment.resolver.js';
import { ClientAccountResolver } from '../modules/client/account.resolver.js';
import { ContactResolver } from '../modules/client/contact.resolver.js';
import { TransactionalFiguresResolver } from '../modules/client/figures.resolver.js';
import {
  AdvisoryCouncilResolver,
  CouncilMemberResolver,
} from '../modules/client/council.resolver.js';
import { ProcessClassResolver, TouchpointResolver } from '../modules/journey/journey.resolver.js';
import {
  ImportanceWeightResolver,
  ValueFactorResolver,
  WeightSetResolver,
} from '../modules/value/value.resolver.js';
import {
  MetricDefinitionResolver,
  MetricObservationResolver,
} from '../modules/metric/metric.resolver.js';
import {
  QuestionnaireResolver,
  SurveyCampaignResolver,
} from '../modules/survey/survey.resolver.js';
import { SpecialRequirementResolver } from '../modules/requirement/requirement.resolver.js';
import {
  SurveyInvitationResolver,
  SurveyResponseRateResolver,
  SurveyTriggerEventResolver,
} from '../modules/survey/survey-dispatch.resolver.js';
import { FeedbackSurveyFieldsResolver } from '../modules/survey/feedback-survey-fields.resolver.js';
import { MaturityResolver } from '../modules/maturity/maturity.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AnalysisResolver } from '../modules/initiative/analysis.resolver.js';
import { CouncilReviewResolver } from '../modules/initiative/council-review.resolver.js';
import {
  InitiativeFieldsResolver,
  InitiativeTargetFieldsResolver,
} from '../modules/initiative/initiative-fields.resolver.js';
import { InitiativeResolver } from '../modules/initiative/initiative.resolver.js';
import { TaskResolver } from '../modules/initiative/task.resolver.js';
import { TaskCommandResolver } from '../modules/initiative/task-commands.resolver.js';
import { InitiativeLifecycleResolver } from '../modules/initiative/initiative-lifecycle.resolver.js';
import { InitiativeWorkflowFieldsResolver } from '../modules/initiative/initiative-workflow.resolver.js';
import { InboxResolver } from '../modules/inbox/inbox.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { NotificationResolver } from '../modules/notification/notification.resolver.js';
import { NotificationTemplateResolver } from '../modules/notification/notification-template.resolver.js';
import { MailOptOutResolver } from '../modules/notification/mail-opt-out.resolver.js';
import { PrivacyResolver } from '../modules/privacy/privacy.resolver.js';
import { ParetoAnalysisResolver } from '../modules/analyse/pareto.resolver.js';
import { AlertResolver } from '../modules/monitor/alert.resolver.js';
import { PeriodFigureResolver } from '../modules/monitor/period-figure.resolver.js';
import {
  ComputableShareSeriesResolver,
  FinanceDivergentAccountResolver,
  FinanceLinkageRowResolver,
  FinanceResolver,
} from '../modules/analytics/finance/finance.resolver.js';
import {
  AlignedAccountScoreResolver,
  IndexCalibrationRoundResolver,
  SatisfactionIndexResolver,
  SegmentIndexPointResolver,
} from '../modules/analytics/index/index.resolver.js';
import { PeriodMetricFigureResolver } from '../modules/monitor/period-metric-figure.resolver.js';
import { CaseResolver } from '../modules/case/case.resolver.js';
import { InboundEventResolver } from '../modules/inbound/inbound.resolver.js';
import { WebhookResolver } from '../modules/webhook/webhook.resolver.js';
import {
  InitiativeEffectResolver,
  InitiativeEffectsFieldResolver,
} from '../modules/analytics/effect/initiative-effect.resolver.js';

/** Every resolver class of the API; add a module's resolvers here. */
export const resolvers: NonEmptyArray<ClassType> = [
  NodeResolver,
  LiveResolver,
  DepartmentResolver,
  UserResolver,
  SegmentResolver,
  ClientAccountResolver,
  ContactResolver,
  TransactionalFiguresResolver,
  AdvisoryCouncilResolver,
  CouncilMemberResolver,
  ProcessClassResolver,
  TouchpointResolver,
  ImportanceWeightResolver,
  ValueFactorResolver,
  WeightSetResolver,
  MetricDefinitionResolver,
  MetricObservationResolver,
  QuestionnaireResolver,
  SurveyCampaignResolver,
  SpecialRequirementResolver,
  MaturityResolver,
  AuditResolver,
  FeedbackResolver,
  ImportResolver,
  AnalysisResolver,
  InitiativeResolver,
  InitiativeLifecycleResolver,
  InitiativeWorkflowFieldsResolver,
  InitiativeFieldsResolver,
  InitiativeTargetFieldsResolver,
  TaskResolver,
  TaskCommandResolver,
  InboxResolver,
  IdentityResolver,
  CouncilReviewResolver,
  NotificationResolver,
  NotificationTemplateResolver,
  MailOptOutResolver,
  PrivacyResolver,
  ParetoAnalysisResolver,
  AlertResolver,
  PeriodFigureResolver,
  SatisfactionIndexResolver,
  SegmentIndexPointResolver,
  IndexCalibrationRoundResolver,
  AlignedAccountScoreResolver,
  PeriodMetricFigureResolver,
  SurveyInvitationResolver,
  SurveyTriggerEventResolver,
  SurveyResponseRateResolver,
  FeedbackSurveyFieldsResolver,
  CaseResolver,
  InboundEventResolver,
  WebhookResolver,
  InitiativeEffectsFieldResolver,
  InitiativeEffectResolver,
  FinanceResolver,
  FinanceLinkageRowResolver,
  FinanceDivergentAccountResolver,
  ComputableShareSeriesResolver,
  AccountForecastResolver,
  AccountMarginAtRiskResolver,
  SegmentMarginAtRiskResolver,
  ClassifierResolver,
];
