/** Every way feedback reaches the hub (DOMAIN.md: collect from every channel). */
export enum FeedbackChannel {
  SURVEY = 'SURVEY',
  MEETING = 'MEETING',
  ADVISORY_COUNCIL = 'ADVISORY_COUNCIL',
  COMPLAINT = 'COMPLAINT',
  NEGOTIATION = 'NEGOTIATION',
  SUPPORT_TICKET = 'SUPPORT_TICKET',
  PORTAL_POPUP = 'PORTAL_POPUP',
  POST_TRANSACTION_EMAIL = 'POST_TRANSACTION_EMAIL',
  FEEDBACK_BUTTON = 'FEEDBACK_BUTTON',
  CHAT_BOT = 'CHAT_BOT',
  MYSTERY_SHOPPING = 'MYSTERY_SHOPPING',
}

/** The four groups every (dis)satisfaction element falls into. */
export enum ComplaintClass {
  DELIVERY_DISCIPLINE = 'DELIVERY_DISCIPLINE',
  QUALITY = 'QUALITY',
  SERVICE = 'SERVICE',
  /** A problem not raised before, where the client notes a regression. */
  DETERIORATION = 'DETERIORATION',
}

/** Who or what set a feedback item's complaint class. */
export enum ClassificationSource {
  CLIENT = 'CLIENT',
  STAFF = 'STAFF',
  CLASSIFIER = 'CLASSIFIER',
  IMPORT = 'IMPORT',
}

export enum Sentiment {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}

/** Lifecycle of a feedback item through the closed loop. */
export enum FeedbackStatus {
  /** Stored; the collect workflow has not acknowledged it yet. */
  RECEIVED = 'RECEIVED',
  /** The client has been told it was received and taken into work. */
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_ANALYSIS = 'IN_ANALYSIS',
  /** Linked to an initiative that acts on it. */
  ACTIONED = 'ACTIONED',
  CLOSED = 'CLOSED',
}
