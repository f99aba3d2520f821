import {
  COUNCIL_MEMBER as COUNCIL,
  DEPARTMENT_MEMBER as DEPARTMENT,
  hiddenFrom,
  type FieldRule,
} from './rules.js';

const fromCouncil = hiddenFrom(COUNCIL);
const fromMembers = hiddenFrom(COUNCIL, DEPARTMENT);

/**
 * Fields of rows a viewer may see that its role may still not read: the CX office's internal
 * notes and links for council members (client-side people), the workflow's internals and the
 * feedback behind an initiative for both kinds of members. A hidden nullable field reads null,
 * a hidden non-null one fails with FORBIDDEN. A reference to a row outside the viewer's rows
 * reads null (or an empty list) anyway; the few listed here are said twice on purpose, since
 * they are what a reader of this table looks for (an initiative's owner, analysis, feedback).
 */
export const fieldRules: Record<string, Record<string, FieldRule>> = {
  Initiative: {
    live: fromMembers,
    feedback: fromMembers,
    targets: fromMembers,
    // The effect sets the affected accounts against other clients of the same segments (their
    // averaged NPS/CSI, with n often small): the CX office's. Clients hear what changed through
    // the MONITORING and CLOSED milestones the office writes with the effect in hand.
    effects: fromMembers,
    analysis: fromMembers,
    workflowStartedAt: fromMembers,
    owner: fromCouncil,
    processClass: fromCouncil,
    expectedEffect: fromCouncil,
    holdReason: fromCouncil,
    cancelReason: fromCouncil,
  },
  InitiativeRevision: { openedBy: fromCouncil },
  InitiativeTask: {
    description: fromCouncil,
    department: fromCouncil,
    assignee: fromCouncil,
    round: fromCouncil,
    remindedAt: fromCouncil,
    escalationLevel: fromCouncil,
    escalatedAt: fromCouncil,
  },
  ClientAccount: {
    externalId: fromCouncil,
    segment: fromCouncil,
    tier: fromCouncil,
    status: fromCouncil,
    owner: fromCouncil,
    country: fromCouncil,
    clientSince: fromCouncil,
    contacts: fromCouncil,
    recentFeedback: fromCouncil,
    transactionalFigures: fromCouncil,
  },
  Contact: {
    externalId: fromCouncil,
    email: fromCouncil,
    phone: fromCouncil,
    position: fromCouncil,
    recentFeedback: fromCouncil,
    mailOptedOutAt: fromCouncil,
  },
  ClientNotification: {
    recipient: fromCouncil,
    contact: fromCouncil,
    feedbackItem: fromCouncil,
    attempts: fromCouncil,
    lastError: fromCouncil,
    messageId: fromCouncil,
    serverResponse: fromCouncil,
  },
};

/**
 * Which Query field's rule decides `node(id)`/`nodes(ids)` for each type of object, so a global
 * id never reaches what the type's own query refuses (the answer is null, as for a missing id).
 */
export const nodeRules: Record<string, string> = {
  AdvisoryCouncil: 'advisoryCouncil',
  Alert: 'alert',
  ApiToken: 'apiTokens',
  Analysis: 'analysis',
  AuditEvent: 'auditEvent',
  ClientAccount: 'clientAccount',
  ClientNotification: 'clientNotification',
  Contact: 'contact',
  CouncilMember: 'advisoryCouncil',
  CouncilReview: 'councilReview',
  Department: 'department',
  FeedbackItem: 'feedbackItem',
  ImportanceWeight: 'importanceWeights',
  InboundEvent: 'inboundEvents',
  InboxEntry: 'inboxEntries',
  Initiative: 'initiative',
  InitiativeRevision: 'initiative',
  InitiativeTarget: 'initiative',
  InitiativeTask: 'initiativeTask',
  MaturityAssessment: 'maturityAssessment',
  MetricDefinition: 'metricDefinition',
  MetricObservation: 'metricObservation',
  ProcessClass: 'processClass',
  Questionnaire: 'questionnaire',
  Segment: 'segment',
  SpecialRequirement: 'specialRequirement',
  SurveyCampaign: 'surveyCampaign',
  SurveyInvitation: 'surveyInvitations',
  SurveyTriggerEvent: 'surveyInvitations',
  Touchpoint: 'touchpoint',
  TransactionalFigures: 'transactionalFigures',
  User: 'user',
  ValueFactor: 'valueFactor',
  WeightSet: 'weightSet',
  Case: 'case',
  WebhookSubscription: 'webhookSubscription',
  WebhookDelivery: 'webhookDeliveries',
};
