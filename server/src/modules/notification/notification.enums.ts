export enum NotificationKind {
  /** "We received your feedback and took it into work." */
  FEEDBACK_ACKNOWLEDGEMENT = 'FEEDBACK_ACKNOWLEDGEMENT',
  /** "You said, we did": a milestone of a client-visible initiative. */
  INITIATIVE_PROGRESS = 'INITIATIVE_PROGRESS',
  COUNCIL_REVIEW_REQUEST = 'COUNCIL_REVIEW_REQUEST',
  SURVEY_INVITATION = 'SURVEY_INVITATION',
  /** A case's resolution note, sent to the client who gave the unhappy feedback. */
  CASE_RESOLUTION = 'CASE_RESOLUTION',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  /** Nothing to deliver to (e.g. the contact has no e-mail); kept for the record. */
  SKIPPED = 'SKIPPED',
  /** The mail server refused the message permanently (an SMTP 5xx reply); not retried. */
  BOUNCED = 'BOUNCED',
}
