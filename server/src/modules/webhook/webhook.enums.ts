/** What a subscriber can be told about; the value is the `type` of the delivered body. */
export enum WebhookEventType {
  FEEDBACK_ACKNOWLEDGED = 'feedback.acknowledged',
  CASE_OPENED = 'case.opened',
  CASE_ESCALATED = 'case.escalated',
  INITIATIVE_MOVED = 'initiative.moved',
  TASK_ASSIGNED = 'task.assigned',
  TASK_OVERDUE = 'task.overdue',
  CLIENT_NOTIFIED = 'client.notified',
  COUNCIL_DECIDED = 'council.decided',
  MATURITY_LEVEL_CHANGED = 'maturity.level_changed',
}

export enum WebhookSubscriptionStatus {
  ACTIVE = 'ACTIVE',
  /** Paused by hand or after too many failed deliveries; nothing is sent until resumed. */
  PAUSED = 'PAUSED',
}

export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt (or for its workflow to start). */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Every attempt failed; counts towards pausing the subscription. */
  FAILED = 'FAILED',
  /** Not sent because the subscription is paused; goes again on resume. */
  HELD = 'HELD',
}
