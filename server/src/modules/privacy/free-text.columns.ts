/**
 * Where a person's name, e-mail or words can be copied: every column in which people write
 * free text or the hub copies it (messages, notices, the audit trail's snapshots). Erasing a
 * contact searches these for the contact's identifiers and long texts and replaces them.
 *
 * Every text or JSON column of every entity is either here or in `HOLDS_NO_FREE_TEXT`; a test
 * fails when a new one is in neither, so a new free-text column cannot escape erasure unnoticed.
 */
export const FREE_TEXT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  AuditEvent: ['before', 'after'],
  ClientNotification: ['subject', 'body', 'lastError'],
  InboxEntry: ['subject', 'body'],
  FeedbackItem: ['text'],
  Initiative: ['title', 'problem', 'expectedEffect', 'holdReason', 'cancelReason'],
  InitiativeTask: ['title', 'description', 'outcomeNote'],
  InitiativeRevision: ['brief'],
  CouncilReview: ['agenda', 'comments'],
  Analysis: ['title', 'summary', 'result'],
  SpecialRequirement: ['title', 'description'],
  MaturityAssessment: ['note', 'evidence'],
  AdvisoryCouncil: ['description'],
  WeightSet: ['label', 'notes'],
  Segment: ['description'],
  // The note may name a person; the figures hold numbers and ids only, but the note is free text.
  Alert: ['closeNote'],
  FeedbackCase: ['resolutionNote'],
  // A kept Formbricks response holds the respondent's answers and e-mail; the reason may name it.
  InboundEvent: ['payload', 'reason'],
};

/** Text and JSON columns that hold no free text about client people, and why. */
export const HOLDS_NO_FREE_TEXT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Contact: {
    '*': 'the contact rows themselves: the erased one is cleared field by field, others are other people',
  },
  User: { '*': 'staff; a council member’s portal login is cleared field by field' },
  UserCredential: { passwordHash: 'a password hash' },
  Session: {
    tokenHash: 'a hash',
    csrfHash: 'a hash',
    userAgent: 'the browser that signed in (a staff or portal user, never a client contact)',
  },
  ApiToken: {
    name: 'what an integration is called',
    prefix: 'the start of a secret',
    tokenHash: 'a hash',
    scopes: 'scope names',
  },
  AuditEvent: {
    actor: 'an actor id',
    action: 'an operation name',
    entityType: 'a type name',
    entityId: 'an id',
  },
  ClientNotification: {
    dedupeKey: 'ids',
    recipient: 'cleared field by field',
    locale: 'a language',
    messageId: 'an id made of the row id and the sender domain',
    serverResponse: "the mail server's acceptance reply (its queue id)",
  },
  // Texts the CX office writes for every client; they name no one.
  NotificationTemplate: { locale: 'a language', subject: 'a template', body: 'a template' },
  InboxEntry: { dedupeKey: 'ids' },
  Initiative: { code: 'a generated code' },
  InitiativeRevision: { openedBy: 'an actor id' },
  Analysis: {
    periodFrom: 'a month',
    periodTo: 'a month',
    inputs: 'thresholds, counts and the period a scheduled analysis was computed from',
    runKey: 'pareto:YYYY-MM',
  },
  ClientAccount: { externalId: 'a key', name: 'a company', country: 'a country' },
  Segment: { code: 'a code', name: 'reference data', industry: 'reference data' },
  AdvisoryCouncil: { name: 'a council' },
  Department: { code: 'a code', name: 'reference data' },
  ValueFactor: { '*': 'the value catalogue' },
  ProcessClass: { '*': 'the journey catalogue' },
  Touchpoint: { '*': 'the journey catalogue' },
  MetricDefinition: { '*': 'the metric catalogue' },
  MetricObservation: { externalId: 'a key', period: 'a month', source: 'a system name' },
  TransactionalFigures: { externalId: 'a key', period: 'a month' },
  Questionnaire: { '*': 'questions asked, not answers given' },
  SurveyCampaign: { '*': 'a schedule and its audience' },
  CommandReceipt: { subjectId: 'an id' },
  Alert: {
    dedupeKey: 'a rule, ids and a date',
    period: 'a month',
    figures: 'numbers, ids, dates and rule names computed by the monitor',
  },
  PeriodFigure: { id: 'ids and a month', period: 'a month' },
  PeriodMetricFigure: { id: 'ids and a month', period: 'a month' },
  InitiativeEffect: {
    measure: 'a metric code',
    beforeFrom: 'a month',
    beforeTo: 'a month',
    afterFrom: 'a month',
    afterTo: 'a month',
  },
  FinanceLinkage: {
    id: 'a metric, a segment id and a measure',
    periodFrom: 'a month',
    periodTo: 'a month',
  },
  ComputableShare: { id: 'a month, a segment id and a stage', period: 'a month' },
  AccountForecast: {
    id: 'an id and a month',
    basePeriod: 'a month',
    period: 'a month',
    modelVersion: 'a model name written in code',
    npsSignals: 'signal names written in code and numbers',
    churnSignals: 'signal names written in code and numbers',
  },
  SatisfactionIndex: { id: 'ids and a month', period: 'a month' },
  IndexCalibration: { trainFrom: 'a month', trainTo: 'a month' },
  SurveyTriggerEvent: { externalId: 'the source system’s key of an event' },
  ClassifierModel: {
    trainedBy: 'an actor id',
    correctionIds: 'ids of corrections',
    parameters: 'numbers and flags the model was trained with',
    heldOut: 'scores on the hand-written held-out set',
    baseline: 'scores on the hand-written held-out set',
  },
  ClassifierReview: { version: 'a classifier version name' },
  ClassificationCorrection: {
    modelVersion: 'a classifier version name',
    correctedBy: 'an actor id',
  },
  FeedbackItem: {
    externalId: 'the source system’s key (kept, so a re-import stays UNCHANGED)',
    language: 'a language',
    classifierVersion: 'a classifier version name',
  },
  SurveyInvitation: {
    runKey: 'ids of a campaign run',
    heldReason: 'generated: a campaign name, a date and the fatigue window; no person’s words',
  },
  InboundEvent: {
    externalId: 'the source system’s response id',
    eventType: 'a webhook event name',
    resolvedBy: 'an actor id',
  },
  WebhookSubscription: {
    url: 'an integrator’s endpoint, not a person’s words',
    description: 'what an admin named the integration',
    eventTypes: 'event type names',
    secret: 'a generated signing key',
    pausedReason: 'generated: why the hub paused it',
  },
  WebhookDelivery: {
    eventId: 'an audit row id',
    eventType: 'an event type name',
    data: 'ids, statuses and levels only (webhook.events.ts): no free text',
    attempts: 'status codes, latencies and generated error messages',
  },
};
