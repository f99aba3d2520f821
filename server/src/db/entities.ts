import { AccountForecast } from '../modules/analytics/forecast/account-forecast.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { InboxEntry } from '../modules/inbox/inbox-entry.entity.js';
import { Alert } from '../modules/monitor/alert.entity.js';
import { PeriodFigure } from '../modules/monitor/period-figure.entity.js';
import { PeriodMetricFigure } from '../modules/monitor/period-metric-figure.entity.js';
import { InitiativeEffect } from '../modules/analytics/effect/initiative-effect.entity.js';
import { FinanceLinkage } from '../modules/analytics/finance/finance-linkage.entity.js';
import { ComputableShare } from '../modules/analytics/finance/computable-share.entity.js';
import { IndexCalibration } from '../modules/analytics/index/index-calibration.entity.js';
import { SatisfactionIndex } from '../modules/analytics/index/satisfaction-index.entity.js';
import { CommandReceipt } from './command-receipt.entity.js';
import { ApiToken } from '../modules/identity/api-token.entity.js';
import { UserCredential } from '../modules/identity/credential.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { AdvisoryCouncil } from '../modules/client/advisory-council.entity.js';
import { ClientAccount } from '../modules/client/client-account.entity.js';
import { Contact } from '../modules/client/contact.entity.js';
import { CouncilMember } from '../modules/client/council-member.entity.js';
import { Segment } from '../modules/client/segment.entity.js';
import { TransactionalFigures } from '../modules/client/transactional-figures.entity.js';
import { FeedbackItem } from '../modules/feedback/feedback-item.entity.js';
import { Analysis } from '../modules/initiative/analysis.entity.js';
import { CouncilReview } from '../modules/initiative/council-review.entity.js';
import { InitiativeRevision } from '../modules/initiative/initiative-revision.entity.js';
import { InitiativeTarget } from '../modules/initiative/initiative-target.entity.js';
import { InitiativeTask } from '../modules/initiative/initiative-task.entity.js';
import { Initiative } from '../modules/initiative/initiative.entity.js';
import { ProcessClass } from '../modules/journey/process-class.entity.js';
import { Touchpoint } from '../modules/journey/touchpoint.entity.js';
import { MaturityAssessment } from '../modules/maturity/maturity-assessment.entity.js';
import { MetricDefinition } from '../modules/metric/metric-definition.entity.js';
import { MetricObservation } from '../modules/metric/metric-observation.entity.js';
import { ClientNotification } from '../modules/notification/client-notification.entity.js';
import { NotificationTemplate } from '../modules/notification/notification-template.entity.js';
import { MailOptOut } from '../modules/notification/mail-opt-out.entity.js';
import { Department } from '../modules/organisation/department.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import { SpecialRequirement } from '../modules/requirement/special-requirement.entity.js';
import { Questionnaire } from '../modules/survey/questionnaire.entity.js';
import { SurveyCampaign } from '../modules/survey/survey-campaign.entity.js';
import { SurveyInvitation } from '../modules/survey/survey-invitation.entity.js';
import { SurveyTriggerEvent } from '../modules/survey/survey-trigger-event.entity.js';
import { ImportanceWeight } from '../modules/value/importance-weight.entity.js';
import { ValueFactor } from '../modules/value/value-factor.entity.js';
import { WeightSet } from '../modules/value/weight-set.entity.js';
import { FeedbackCase } from '../modules/case/case.entity.js';
import { ClassificationCorrection } from '../modules/classification/classification-correction.entity.js';
import { ClassifierModel } from '../modules/classification/classifier-model.entity.js';
import { ClassifierReview } from '../modules/classification/classifier-review.entity.js';
import { InboundEvent } from '../modules/inbound/inbound-event.entity.js';
import { WebhookSubscription } from '../modules/webhook/webhook-subscription.entity.js';
import { WebhookDelivery } from '../modules/webhook/webhook-delivery.entity.js';

/** Every persisted entity; the ORM, the migration generator and the tests use this list. */
export const allEntities = [
  Department,
  User,
  Segment,
  ClientAccount,
  Contact,
  TransactionalFigures,
  AdvisoryCouncil,
  CouncilMember,
  ProcessClass,
  Touchpoint,
  ValueFactor,
  WeightSet,
  ImportanceWeight,
  MetricDefinition,
  MetricObservation,
  Questionnaire,
  SurveyCampaign,
  FeedbackItem,
  SpecialRequirement,
  Analysis,
  Initiative,
  InitiativeTarget,
  InitiativeTask,
  CouncilReview,
  InitiativeRevision,
  ClientNotification,
  NotificationTemplate,
  MailOptOut,
  InboxEntry,
  MaturityAssessment,
  AuditEvent,
  CommandReceipt,
  UserCredential,
  Session,
  ApiToken,
  Alert,
  PeriodFigure,
  PeriodMetricFigure,
  FinanceLinkage,
  ComputableShare,
  SurveyTriggerEvent,
  SurveyInvitation,
  FeedbackCase,
  InitiativeEffect,
  AccountForecast,
  ClassifierModel,
  ClassificationCorrection,
  ClassifierReview,
  SatisfactionIndex,
  IndexCalibration,
  InboundEvent,
  WebhookSubscription,
  WebhookDelivery,
];
