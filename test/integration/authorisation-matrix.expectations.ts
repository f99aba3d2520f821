/**
 * Who may call each Query and Mutation root field, written from the access-control issue's
 * intent (not copied from the policy module): the CX office runs the loop; departments see
 * and act on their own tasks; council members follow and decide what concerns their councils;
 * API tokens read only with READ and write only in their scopes; nobody signed out.
 */
export const WHO = [
  'anonymous',
  'admin',
  'manager',
  'department',
  'council',
  'read',
  'feedbackWrite',
  'figuresWrite',
  'clientsWrite',
  'initiativesWrite',
  'webhooks',
] as const;
export type Who = (typeof WHO)[number];

const office: Who[] = ['admin', 'manager'];
const officeAndReaders: Who[] = [...office, 'read'];
const everyoneSignedInWhoReads: Who[] = [...office, 'department', 'council', 'read'];
const councilReads: Who[] = [...officeAndReaders, 'council'];
const departmentReads: Who[] = [...officeAndReaders, 'department'];

const each = (names: string[], who: Who[]) => Object.fromEntries(names.map((n) => [n, who]));

const signedIn = WHO.filter((who) => who !== 'anonymous');

export const mayCall: Record<string, Who[]> = {
  // Signing in and its administration (the identity layer's operations).
  signIn: [...WHO],
  signOut: signedIn,
  me: [...WHO],
  changePassword: ['admin', 'manager', 'department', 'council'],
  ...each(['setUserPassword', 'createApiToken', 'revokeApiToken', 'apiTokens'], ['admin']),

  // Queries
  ...each(
    [
      'node',
      'nodes',
      'initiative',
      'initiatives',
      'initiativeTask',
      'initiativeTasks',
      'inboxEntries',
    ],
    everyoneSignedInWhoReads,
  ),
  ...each(
    [
      'advisoryCouncil',
      'advisoryCouncils',
      'clientAccount',
      'clientAccounts',
      'councilReview',
      'councilReviews',
      'clientNotification',
      'clientNotifications',
    ],
    councilReads,
  ),
  ...each(
    [
      'department',
      'departments',
      'user',
      'users',
      'journeyStages',
      'processClass',
      'processClasses',
      'touchpoint',
      'touchpoints',
    ],
    departmentReads,
  ),
  ...each(
    [
      'analysis',
      'analyses',
      'contact',
      'contacts',
      'segment',
      'segments',
      'transactionalFigures',
      'feedbackItem',
      'feedbackItems',
      'specialRequirement',
      'specialRequirements',
      'questionnaire',
      'questionnaires',
      'surveyCampaign',
      'surveyCampaigns',
      'metricDefinition',
      'metricDefinitions',
      'metricObservation',
      'metricObservations',
      'metricKindShare',
      'valueFactor',
      'valueFactors',
      'weightSet',
      'weightSets',
      'currentWeightSet',
      'importanceWeights',
      'maturity',
      'maturityAssessment',
      'maturityAssessments',
      'classifierModels',
      'classificationCorrections',
      'inboundEvents',
      'notificationTemplates',
    ],
    officeAndReaders,
  ),
  ...each(['auditEvent', 'auditEvents'], ['admin']),
  // Webhooks send data out of the hub: admins and tokens given that one scope set them up.
  ...each(
    [
      'webhookSubscriptions',
      'webhookSubscription',
      'webhookDeliveries',
      'createWebhookSubscription',
      'updateWebhookSubscription',
      'rotateWebhookSecret',
      'pauseWebhookSubscription',
      'resumeWebhookSubscription',
      'deleteWebhookSubscription',
    ],
    ['admin', 'webhooks'],
  ),
  // Personal data: only an admin erases a person or exports what the hub holds about them.
  ...each(['exportContactData', 'eraseContact'], ['admin']),
  // The texts every client receives: only an admin changes them.
  ...each(['setNotificationTemplate', 'resetNotificationTemplate'], ['admin']),
  setContactMailOptOut: [...office, 'clientsWrite'],

  // Mutations
  ...each(['createDepartment', 'updateDepartment', 'createUser', 'updateUser'], ['admin']),
  ...each(['submitFeedback', 'updateFeedback', 'importFeedback'], [...office, 'feedbackWrite']),
  ...each(
    [
      'recordTransactionalFigures',
      'importTransactionalFigures',
      'recordMetricObservation',
      'importMetricObservations',
    ],
    [...office, 'figuresWrite'],
  ),
  ...each(
    [
      'createSegment',
      'updateSegment',
      'createClientAccount',
      'updateClientAccount',
      'createContact',
      'updateContact',
      'createSpecialRequirement',
      'updateSpecialRequirement',
    ],
    [...office, 'clientsWrite'],
  ),
  ...each(
    [
      'createInitiative',
      'updateInitiative',
      'setInitiativeTargets',
      'moveInitiative',
      'closeInitiative',
      'holdInitiative',
      'resumeInitiative',
      'cancelInitiative',
      'assignInitiativeOwner',
      'createInitiativeTask',
      'cancelTask',
      'requestCouncilReview',
    ],
    [...office, 'initiativesWrite'],
  ),
  ...each(
    ['completeTask', 'rejectTask', 'updateInitiativeTask', 'reassignTask'],
    [...office, 'department', 'initiativesWrite'],
  ),
  decideCouncilReview: [...office, 'council'],
  markInboxEntryRead: [...office, 'department', 'council'],
  ...each(
    [
      'deleteSegment',
      'deleteSpecialRequirement',
      'createAdvisoryCouncil',
      'updateAdvisoryCouncil',
      'addCouncilAccounts',
      'removeCouncilAccounts',
      'addCouncilMember',
      'updateCouncilMember',
      'removeCouncilMember',
      'createAnalysis',
      'updateAnalysis',
      'queueClientNotification',
      'cancelClientNotification',
      'retryClientNotification',
      'createProcessClass',
      'updateProcessClass',
      'deleteProcessClass',
      'createTouchpoint',
      'updateTouchpoint',
      'deleteTouchpoint',
      'createMetricDefinition',
      'updateMetricDefinition',
      'deleteMetricDefinition',
      'createValueFactor',
      'updateValueFactor',
      'createWeightSet',
      'setCurrentWeightSet',
      'setImportanceWeights',
      'createQuestionnaire',
      'createSurveyCampaign',
      'updateSurveyCampaign',
      'recordMaturityAssessment',
      'resolveInboundEvent',
      'recomputeMaturity',
      'runParetoAnalysis',
      'retrainClassifier',
      'calibrateSatisfactionIndex',
    ],
    office,
  ),

  // The monitor: alerts and respondent coverage are the CX office's (owners get inbox entries).
  ...each(
    ['alert', 'alerts', 'respondentCoverage', 'periodFigures', 'periodMetricFigures'],
    officeAndReaders,
  ),
  // The analytics engine's forecasts and margin at risk: the CX office's.
  ...each(['accountForecasts', 'forecastEvaluation', 'marginAtRisk'], officeAndReaders),
  // The satisfaction index, its calibration rounds and scale alignment: the CX office's.
  ...each(
    [
      'satisfactionIndices',
      'satisfactionIndexTrend',
      'satisfactionIndexDrillDown',
      'indexCalibrationRounds',
      'scaleAlignedScores',
    ],
    officeAndReaders,
  ),
  closeAlert: office,
  // Analytics: satisfaction ↔ finance and the computable/trigger share are the CX office's.
  ...each(['financeLinkage', 'computableShare'], officeAndReaders),
  // Surveys dispatched: the CX office and readers see invitations and response rates; an ERP or
  // CRM reports trigger events with the feedback scope; council and department members see none.
  ...each(['surveyInvitations', 'surveyResponseRates'], officeAndReaders),
  recordTriggerEvent: [...office, 'feedbackWrite'],
  // Cases for unhappy feedback: the CX office and departments (their own rows) read and act;
  // only the office hands a case to someone else; council members see none; tokens read.
  ...each(['case', 'cases'], departmentReads),
  ...each(['respondToCase', 'resolveCase'], [...office, 'department']),
  reassignCase: office,
  // Analytics: the CX office's; readers (READ tokens) read them too, council and departments not.
  initiativeEffects: officeAndReaders,
  // Live updates (Subscription): whoever reads the rows may follow their changes.
  ...each(['initiativeChanged', 'taskChanged', 'inboxChanged'], everyoneSignedInWhoReads),
  councilReviewChanged: councilReads,
};
