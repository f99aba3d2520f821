/**
 * The enums an initiative's workflow and the server share. They live with the workflow
 * contracts because workflow code may not import server modules; the server re-exports them.
 */

/** The five CX process groups; an initiative moves through the last four of them. */
export enum ProcessGroup {
  COLLECT = 'COLLECT',
  ANALYSE = 'ANALYSE',
  IMPLEMENT = 'IMPLEMENT',
  MONITOR = 'MONITOR',
  CORRECT = 'CORRECT',
}

export enum InitiativeStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  AWAITING_COUNCIL = 'AWAITING_COUNCIL',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}

export enum CouncilDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}

/** Why a revision of an initiative was opened. */
export enum RevisionOrigin {
  /** Revision 1: the initiative's own problem statement. */
  INITIAL = 'INITIAL',
  /** The advisory council asked for changes; the brief carries its comments. */
  COUNCIL_CHANGES = 'COUNCIL_CHANGES',
  /** The owner corrected course from CORRECT. */
  OWNER_CORRECTION = 'OWNER_CORRECTION',
}

/** What sent an initiative to its council. */
export enum ReviewTrigger {
  FINISHED_IMPLEMENT = 'FINISHED_IMPLEMENT',
  ENTERED_CORRECT = 'ENTERED_CORRECT',
  REQUESTED = 'REQUESTED',
}

/** The "you said, we did" milestones of a client-visible initiative. */
export enum Milestone {
  STARTED = 'STARTED',
  TASK_DONE = 'TASK_DONE',
  MONITORING = 'MONITORING',
  CLOSED = 'CLOSED',
}

/** Entries of staff inboxes written by initiative workflows. */
export enum InboxKind {
  OWNER_ASSIGNED = 'OWNER_ASSIGNED',
  TASK_ASSIGNED = 'TASK_ASSIGNED',
  TASK_DUE_SOON = 'TASK_DUE_SOON',
  TASK_OVERDUE = 'TASK_OVERDUE',
  TASK_ESCALATED = 'TASK_ESCALATED',
  TASK_REJECTED = 'TASK_REJECTED',
  COUNCIL_DECIDED = 'COUNCIL_DECIDED',
  COUNCIL_NOT_CONCERNED = 'COUNCIL_NOT_CONCERNED',
  COUNCIL_REVIEW_OVERDUE = 'COUNCIL_REVIEW_OVERDUE',
  /** The monitor raised an alert on an account the recipient owns (the alert is the task). */
  MONITOR_ALERT = 'MONITOR_ALERT',
  /** Cases for unhappy feedback (server/src/modules/case). */
  CASE_OPENED = 'CASE_OPENED',
  CASE_DUE_SOON = 'CASE_DUE_SOON',
  CASE_ESCALATED = 'CASE_ESCALATED',
  /** A webhook subscription the recipient owns was paused after failing (server/src/modules/webhook). */
  WEBHOOK_PAUSED = 'WEBHOOK_PAUSED',
}
