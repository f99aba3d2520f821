/**
 * What an initiative's workflow does by itself, and when: remind a department before its
 * task is due, escalate an overdue task to the owner and then to the CX office, remind
 * the council of a review waiting for its decision. Pure functions of the snapshot, so the
 * workflow, its live-state query and the tests agree on every timer.
 */
import type {
  InitiativeSnapshot,
  InitiativeTimings,
  PlannedTimer,
  TimerKind,
} from './initiative.contract.js';
import { CouncilDecision, InitiativeStatus } from './initiative.enums.js';
import { isFinished, isOpenTask } from './initiative.rules.js';

export interface TimerAction {
  kind: TimerKind;
  atMs: number;
  taskId?: string;
  /** The task's round the action belongs to (reassignment starts a new one). */
  round?: number;
  reviewId?: string;
  /** 1-based number of the council reminder. */
  reminder?: number;
}

const time = (iso: string) => Date.parse(iso);

/** The actions still ahead of each open task and pending review, in time order. */
export function pendingActions(s: InitiativeSnapshot, t: InitiativeTimings): TimerAction[] {
  if (isFinished(s) || s.status === InitiativeStatus.ON_HOLD) return [];
  const actions: TimerAction[] = [];
  for (const task of s.tasks) {
    if (!isOpenTask(task) || !task.dueAt) continue;
    const due = time(task.dueAt);
    const base = { taskId: task.id, round: task.round };
    if (task.escalationLevel === 0 && !task.remindedAt)
      actions.push({ kind: 'TASK_REMINDER', atMs: due - t.taskReminderLeadMs, ...base });
    if (task.escalationLevel === 0) actions.push({ kind: 'TASK_OVERDUE', atMs: due, ...base });
    if (task.escalationLevel <= 1)
      actions.push({ kind: 'TASK_ESCALATION', atMs: due + t.escalateToOfficeAfterMs, ...base });
  }
  for (const review of s.reviews) {
    if (review.decision !== CouncilDecision.PENDING) continue;
    if (review.remindersSent >= t.councilReminderLimit) continue;
    const reminder = review.remindersSent + 1;
    actions.push({
      kind: 'COUNCIL_REMINDER',
      atMs: time(review.requestedAt) + reminder * t.councilReminderAfterMs,
      reviewId: review.id,
      reminder,
    });
  }
  return actions.sort(
    (a, b) =>
      a.atMs - b.atMs || (a.taskId ?? a.reviewId ?? '').localeCompare(b.taskId ?? b.reviewId ?? ''),
  );
}

/**
 * The actions due at `nowMs`. A reminder whose task is already overdue is dropped: the
 * escalation says more. An escalation to the CX office that is due together with the
 * one to the owner (the workflow was down for days) follows it in the same pass.
 */
export function dueActions(
  s: InitiativeSnapshot,
  t: InitiativeTimings,
  nowMs: number,
): TimerAction[] {
  const due = pendingActions(s, t).filter((a) => a.atMs <= nowMs);
  const overdue = new Set(due.filter((a) => a.kind === 'TASK_OVERDUE').map((a) => a.taskId));
  return due.filter((a) => !(a.kind === 'TASK_REMINDER' && overdue.has(a.taskId)));
}

/** When the workflow must wake up next, or undefined when nothing is scheduled. */
export function nextWakeUp(s: InitiativeSnapshot, t: InitiativeTimings): number | undefined {
  return pendingActions(s, t)[0]?.atMs;
}

/** The next action of each task and review, for the live-state query. */
export function plannedTimers(s: InitiativeSnapshot, t: InitiativeTimings): PlannedTimer[] {
  const seen = new Set<string>();
  const planned: PlannedTimer[] = [];
  for (const a of pendingActions(s, t)) {
    const subject = a.taskId ?? a.reviewId ?? '';
    if (seen.has(subject)) continue;
    seen.add(subject);
    planned.push({
      kind: a.kind,
      at: new Date(a.atMs).toISOString(),
      ...(a.taskId ? { taskId: a.taskId } : {}),
      ...(a.reviewId ? { reviewId: a.reviewId } : {}),
    });
  }
  return planned;
}

/** The idempotency key of a timer action: the same action of the same round runs once. */
export function timerKey(initiativeId: string, a: TimerAction): string {
  return a.taskId
    ? `timer:${a.taskId}:r${a.round}:${a.kind}`
    : `timer:${initiativeId}:${a.reviewId}:${a.kind}:${a.reminder}`;
}
