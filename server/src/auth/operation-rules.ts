import {
  councilFiltersAccountsByName,
  decidesAsThemselves,
  departmentChangesStatusOnly,
} from './argument-guards.js';
import {
  adminOnly,
  COUNCIL_MEMBER as COUNCIL,
  CX_ADMIN,
  DEPARTMENT_MEMBER as DEPARTMENT,
  EVERY_ROLE,
  OFFICE,
  people,
  PUBLIC,
  read,
  SIGNED_IN,
  write,
  type Rule,
} from './rules.js';
import { TokenScope } from './token-scope.js';

const { FEEDBACK_WRITE, FIGURES_WRITE, CLIENTS_WRITE, INITIATIVES_WRITE, WEBHOOKS } = TokenScope;

/** Webhooks send data out of the hub: CX admins, and tokens given the WEBHOOKS scope. */
const webhookAdmin: Rule = { roles: [CX_ADMIN], scopes: [WEBHOOKS] };

/**
 * Who may call each root field of Query. Rows are scoped on top of this
 * (`row-scopes.ts`): a council member who may call `initiatives` sees only its councils'.
 * Building the schema fails when a Query field has no entry here.
 */
export const queryRules: Record<string, Rule> = {
  // Answers `kind: anonymous` when signed out: how a page learns it must show the sign-in form.
  me: PUBLIC,
  apiTokens: adminOnly,
  node: read(...EVERY_ROLE),
  nodes: read(...EVERY_ROLE),

  initiative: read(...EVERY_ROLE),
  initiatives: read(...EVERY_ROLE),
  initiativeTask: read(...EVERY_ROLE),
  initiativeTasks: read(...EVERY_ROLE),
  inboxEntries: read(...EVERY_ROLE),

  advisoryCouncil: read(...OFFICE, COUNCIL),
  advisoryCouncils: read(...OFFICE, COUNCIL),
  clientAccount: read(...OFFICE, COUNCIL),
  clientAccounts: { ...read(...OFFICE, COUNCIL), guard: councilFiltersAccountsByName },
  councilReview: read(...OFFICE, COUNCIL),
  councilReviews: read(...OFFICE, COUNCIL),
  clientNotification: read(...OFFICE, COUNCIL),
  clientNotifications: read(...OFFICE, COUNCIL),
  notificationTemplates: read(...OFFICE),

  department: read(...OFFICE, DEPARTMENT),
  departments: read(...OFFICE, DEPARTMENT),
  user: read(...OFFICE, DEPARTMENT),
  users: read(...OFFICE, DEPARTMENT),
  journeyStages: read(...OFFICE, DEPARTMENT),
  processClass: read(...OFFICE, DEPARTMENT),
  processClasses: read(...OFFICE, DEPARTMENT),
  touchpoint: read(...OFFICE, DEPARTMENT),
  touchpoints: read(...OFFICE, DEPARTMENT),

  analysis: read(...OFFICE),
  analyses: read(...OFFICE),
  contact: read(...OFFICE),
  contacts: read(...OFFICE),
  segment: read(...OFFICE),
  segments: read(...OFFICE),
  transactionalFigures: read(...OFFICE),
  feedbackItem: read(...OFFICE),
  feedbackItems: read(...OFFICE),
  specialRequirement: read(...OFFICE),
  specialRequirements: read(...OFFICE),
  questionnaire: read(...OFFICE),
  questionnaires: read(...OFFICE),
  surveyCampaign: read(...OFFICE),
  surveyCampaigns: read(...OFFICE),
  surveyInvitations: read(...OFFICE),
  surveyResponseRates: read(...OFFICE),
  metricDefinition: read(...OFFICE),
  metricDefinitions: read(...OFFICE),
  metricObservation: read(...OFFICE),
  metricObservations: read(...OFFICE),
  metricKindShare: read(...OFFICE),
  valueFactor: read(...OFFICE),
  valueFactors: read(...OFFICE),
  weightSet: read(...OFFICE),
  weightSets: read(...OFFICE),
  currentWeightSet: read(...OFFICE),
  importanceWeights: read(...OFFICE),
  maturity: read(...OFFICE),
  maturityAssessment: read(...OFFICE),
  maturityAssessments: read(...OFFICE),

  auditEvent: adminOnly,
  auditEvents: adminOnly,
  webhookSubscriptions: webhookAdmin,
  webhookSubscription: webhookAdmin,
  webhookDeliveries: webhookAdmin,
  // A subject-access request: everything held about one person, for the CX admins who answer it.
  exportContactData: adminOnly,

  // The monitor's alerts and coverage are the CX office's work (owners get inbox entries).
  alert: read(...OFFICE),
  alerts: read(...OFFICE),
  respondentCoverage: read(...OFFICE),
  periodFigures: read(...OFFICE),
  financeLinkage: read(...OFFICE),
  computableShare: read(...OFFICE),
  periodMetricFigures: read(...OFFICE),
  // The analytics engine's forecasts and margin at risk: the CX office's.
  accountForecasts: read(...OFFICE),
  forecastEvaluation: read(...OFFICE),
  marginAtRisk: read(...OFFICE),
  // The satisfaction index, its calibration and scale alignment: the CX office's analytics.
  satisfactionIndices: read(...OFFICE),
  satisfactionIndexTrend: read(...OFFICE),
  satisfactionIndexDrillDown: read(...OFFICE),
  indexCalibrationRounds: read(...OFFICE),
  scaleAlignedScores: read(...OFFICE),
  // Cases for unhappy feedback: the CX office sees all, a department its own (row scope).
  case: read(...OFFICE, DEPARTMENT),
  cases: read(...OFFICE, DEPARTMENT),
  // Analytics: the CX office's.
  initiativeEffects: read(...OFFICE),
  // The statistical classifier's versions and the staff corrections it learns from.
  classifierModels: read(...OFFICE),
  classificationCorrections: read(...OFFICE),
  // Survey responses from Formbricks that could not be mapped to an account.
  inboundEvents: read(...OFFICE),
};

/** Who may call each root field of Mutation; the CX office may change everything but people. */
export const mutationRules: Record<string, Rule> = {
  // The right to be forgotten: irreversible, so CX admins only.
  eraseContact: adminOnly,
  // Sign-in and its administration (the identity layer's operations).
  signIn: PUBLIC,
  signOut: SIGNED_IN,
  changePassword: people,
  setUserPassword: adminOnly,
  createApiToken: adminOnly,
  revokeApiToken: adminOnly,
  // The texts every client receives: the CX admin's.
  setNotificationTemplate: adminOnly,
  // Recording a contact's wish, like editing the contact.
  setContactMailOptOut: write(CLIENTS_WRITE),
  resetNotificationTemplate: adminOnly,

  createDepartment: adminOnly,
  updateDepartment: adminOnly,
  createUser: adminOnly,
  updateUser: adminOnly,

  submitFeedback: write(FEEDBACK_WRITE),
  updateFeedback: write(FEEDBACK_WRITE),
  importFeedback: write(FEEDBACK_WRITE),

  recordTransactionalFigures: write(FIGURES_WRITE),
  importTransactionalFigures: write(FIGURES_WRITE),
  recordMetricObservation: write(FIGURES_WRITE),
  importMetricObservations: write(FIGURES_WRITE),

  createSegment: write(CLIENTS_WRITE),
  updateSegment: write(CLIENTS_WRITE),
  deleteSegment: write(null),
  createClientAccount: write(CLIENTS_WRITE),
  updateClientAccount: write(CLIENTS_WRITE),
  createContact: write(CLIENTS_WRITE),
  updateContact: write(CLIENTS_WRITE),
  createSpecialRequirement: write(CLIENTS_WRITE),
  updateSpecialRequirement: write(CLIENTS_WRITE),
  deleteSpecialRequirement: write(null),

  createAdvisoryCouncil: write(null),
  updateAdvisoryCouncil: write(null),
  addCouncilAccounts: write(null),
  removeCouncilAccounts: write(null),
  addCouncilMember: write(null),
  updateCouncilMember: write(null),
  removeCouncilMember: write(null),

  createInitiative: write(INITIATIVES_WRITE),
  updateInitiative: write(INITIATIVES_WRITE),
  setInitiativeTargets: write(INITIATIVES_WRITE),
  moveInitiative: write(INITIATIVES_WRITE),
  closeInitiative: write(INITIATIVES_WRITE),
  holdInitiative: write(INITIATIVES_WRITE),
  resumeInitiative: write(INITIATIVES_WRITE),
  cancelInitiative: write(INITIATIVES_WRITE),
  assignInitiativeOwner: write(INITIATIVES_WRITE),
  createInitiativeTask: write(INITIATIVES_WRITE),
  cancelTask: write(INITIATIVES_WRITE),
  requestCouncilReview: write(INITIATIVES_WRITE),
  // A department acts on its own tasks (rows keep it to them); the guard keeps it to status.
  completeTask: write(INITIATIVES_WRITE, [DEPARTMENT]),
  rejectTask: write(INITIATIVES_WRITE, [DEPARTMENT]),
  updateInitiativeTask: write(INITIATIVES_WRITE, [DEPARTMENT], departmentChangesStatusOnly),
  // A department hands its own open task to a colleague; the task service keeps it inside the department.
  reassignTask: write(INITIATIVES_WRITE, [DEPARTMENT]),
  // A council decides its own reviews, as itself; the CX office may record a decision for it.
  decideCouncilReview: write(null, [COUNCIL], decidesAsThemselves),
  markInboxEntryRead: write(null, [DEPARTMENT, COUNCIL]),

  createAnalysis: write(null),
  updateAnalysis: write(null),
  queueClientNotification: write(null),
  cancelClientNotification: write(null),
  retryClientNotification: write(null),

  createProcessClass: write(null),
  updateProcessClass: write(null),
  deleteProcessClass: write(null),
  createTouchpoint: write(null),
  updateTouchpoint: write(null),
  deleteTouchpoint: write(null),
  createMetricDefinition: write(null),
  updateMetricDefinition: write(null),
  deleteMetricDefinition: write(null),
  createValueFactor: write(null),
  updateValueFactor: write(null),
  createWeightSet: write(null),
  setCurrentWeightSet: write(null),
  setImportanceWeights: write(null),
  createQuestionnaire: write(null),
  createSurveyCampaign: write(null),
  updateSurveyCampaign: write(null),
  // Integrators report client-side events from their ERP/CRM with the feedback scope.
  recordTriggerEvent: write(FEEDBACK_WRITE),
  recordMaturityAssessment: write(null),
  recomputeMaturity: write(null),
  retrainClassifier: write(null),
  runParetoAnalysis: write(null),
  // A person names the respondent of a kept Formbricks response; it becomes feedback.
  resolveInboundEvent: write(null),
  calibrateSatisfactionIndex: write(null),

  closeAlert: write(null),

  // A department answers and closes its own cases (rows keep it to them); the office reassigns.
  respondToCase: write(null, [DEPARTMENT]),
  resolveCase: write(null, [DEPARTMENT]),
  reassignCase: write(null),

  createWebhookSubscription: webhookAdmin,
  updateWebhookSubscription: webhookAdmin,
  rotateWebhookSecret: webhookAdmin,
  pauseWebhookSubscription: webhookAdmin,
  resumeWebhookSubscription: webhookAdmin,
  deleteWebhookSubscription: webhookAdmin,
};

/**
 * Who may subscribe to each root field of Subscription: exactly who may call the query that
 * reads the same rows (each event is re-read through that query's service and row scopes).
 * Building the schema fails when a Subscription field has no entry here.
 */
export const subscriptionRules: Record<string, Rule> = {
  initiativeChanged: queryRules.initiative!,
  taskChanged: queryRules.initiativeTask!,
  inboxChanged: queryRules.inboxEntries!,
  councilReviewChanged: queryRules.councilReview!,
};
