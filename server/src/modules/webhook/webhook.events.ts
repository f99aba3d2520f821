import { WebhookEventType } from './webhook.enums.js';

/**
 * Which audit-trail rows are webhook events. The audit row is written in the same transaction
 * as the change (by the API and by workflow activities alike), so reading the trail sees every
 * committed change and nothing rolled back, without each module writing an outbox of its own.
 * Keyed by the audit action (the mutation or activity name).
 */
const BY_ACTION: Record<string, WebhookEventType> = {
  acknowledgeFeedback: WebhookEventType.FEEDBACK_ACKNOWLEDGED,
  openCase: WebhookEventType.CASE_OPENED,
  escalateCase: WebhookEventType.CASE_ESCALATED,
  moveInitiative: WebhookEventType.INITIATIVE_MOVED,
  createInitiativeTask: WebhookEventType.TASK_ASSIGNED,
  reassignTask: WebhookEventType.TASK_ASSIGNED,
  escalateTaskToOwner: WebhookEventType.TASK_OVERDUE,
  // Written when the outbox row leaves PENDING; only a SENT message is an event (below).
  deliverClientNotification: WebhookEventType.CLIENT_NOTIFIED,
  decideCouncilReview: WebhookEventType.COUNCIL_DECIDED,
  recordMaturityAssessment: WebhookEventType.MATURITY_LEVEL_CHANGED,
  recomputeMaturity: WebhookEventType.MATURITY_LEVEL_CHANGED,
};

/** The audit actions that may be events (one indexed `in` query per poll). */
export const EVENT_ACTIONS: readonly string[] = Object.keys(BY_ACTION);

/** The parts of an audit row an event is made of. */
export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface WebhookEvent {
  /** The audit row's id: stable, so it is the `webhook-id`. */
  id: string;
  type: WebhookEventType;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * The event an audit row stands for, or null. Events are thin: they name what changed and
 * how, and the receiver reads the rest through the API under its own token's scope, so no
 * personal data leaves the hub in a webhook body.
 */
export function eventOf(row: AuditRow): WebhookEvent | null {
  const type = BY_ACTION[row.action];
  if (!type || !row.entityType || !row.entityId) return null;
  const after = row.after ?? {};
  const before = row.before ?? {};
  if (type === WebhookEventType.MATURITY_LEVEL_CHANGED && before.level === after.level) return null;
  // The client was told only once the SMTP server took the message (not when it was queued,
  // skipped, bounced or failed).
  if (type === WebhookEventType.CLIENT_NOTIFIED && after.status !== 'SENT') return null;
  const data: Record<string, unknown> = {
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
  };
  for (const key of DETAIL_KEYS) {
    if (key in after && isScalar(after[key])) data[key] = after[key];
  }
  if (type === WebhookEventType.INITIATIVE_MOVED && isScalar(before.status)) {
    data.previousStatus = before.status;
  }
  if (type === WebhookEventType.MATURITY_LEVEL_CHANGED && isScalar(before.level)) {
    data.previousLevel = before.level;
  }
  return { id: row.id, type, occurredAt: row.at, data };
}

/** State fields worth carrying (no free text, no contact data). */
const DETAIL_KEYS = ['status', 'level', 'decision', 'kind', 'escalationLevel', 'dueAt'] as const;

function isScalar(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (Object.values(WebhookEventType) as string[]).includes(value);
}
