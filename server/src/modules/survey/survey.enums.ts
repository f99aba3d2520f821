export enum CampaignScheduleKind {
  /** Sent on a calendar (cron). */
  CALENDAR = 'CALENDAR',
  /** Sent when an event happens on the client's side. */
  TRIGGER = 'TRIGGER',
}

/** Client-side events that start a specific survey. */
export enum TriggerEventType {
  ORDER_DELIVERED = 'ORDER_DELIVERED',
  CLAIM_CLOSED = 'CLAIM_CLOSED',
  INVOICE_PAID_LATE = 'INVOICE_PAID_LATE',
  CONTRACT_SIGNED = 'CONTRACT_SIGNED',
  SUPPORT_TICKET_CLOSED = 'SUPPORT_TICKET_CLOSED',
  SPECIFICATION_CHANGED = 'SPECIFICATION_CHANGED',
}

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  FINISHED = 'FINISHED',
}

export enum QuestionType {
  NPS = 'NPS',
  CSI = 'CSI',
  CES = 'CES',
  SCALE = 'SCALE',
  TEXT = 'TEXT',
}

/** Where one contact's invitation of one campaign run stands. */
export enum InvitationStatus {
  /** The message is in the outbox. */
  SENT = 'SENT',
  /** Held back by the fatigue rule; no message was queued (`heldReason` says why). */
  HELD = 'HELD',
  /** Feedback answering it arrived. */
  ANSWERED = 'ANSWERED',
}
