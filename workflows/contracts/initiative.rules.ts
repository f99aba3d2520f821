/**
 * The rules of an initiative's life, as pure functions of its snapshot. The workflow's
 * Update validators and the domain services both call them, so each rule lives once:
 * a command the workflow accepts is one the service accepts, and the other way round.
 */
import type {
  CommandName,
  InitiativeCommands,
  InitiativeSnapshot,
  LiveTask,
} from './initiative.contract.js';
import { CouncilDecision, InitiativeStatus, ProcessGroup, TaskStatus } from './initiative.enums.js';

/** The loop of the process groups; CORRECT → IMPLEMENT opens a new revision. */
export const NEXT_GROUPS: Record<ProcessGroup, readonly ProcessGroup[]> = {
  [ProcessGroup.COLLECT]: [ProcessGroup.ANALYSE],
  [ProcessGroup.ANALYSE]: [ProcessGroup.IMPLEMENT],
  [ProcessGroup.IMPLEMENT]: [ProcessGroup.MONITOR],
  [ProcessGroup.MONITOR]: [ProcessGroup.CORRECT],
  [ProcessGroup.CORRECT]: [ProcessGroup.IMPLEMENT],
};
export const CLOSABLE_FROM: readonly ProcessGroup[] = [ProcessGroup.MONITOR, ProcessGroup.CORRECT];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS];

export type RuleReason =
  | 'INITIATIVE_FINISHED'
  | 'INVALID_TRANSITION'
  | 'ON_HOLD'
  | 'NOT_ON_HOLD'
  | 'OWNER_REQUIRED'
  | 'OPEN_TASKS'
  | 'BRIEF_REQUIRED'
  | 'REASON_REQUIRED'
  | 'NOTE_REQUIRED'
  | 'COMMENTS_REQUIRED'
  | 'TITLE_REQUIRED'
  | 'TASK_NOT_IN_INITIATIVE'
  | 'TASK_FINISHED'
  | 'INVALID_TASK_STATUS'
  | 'REVIEW_NOT_IN_INITIATIVE'
  | 'REVIEW_DECIDED'
  | 'REVIEW_EXISTS'
  | 'REVIEW_PENDING'
  | 'COUNCIL_APPROVAL_MISSING'
  | 'NOT_CLIENT_VISIBLE'
  | 'INVALID_DECISION'
  | 'TEXT_TOO_LONG';

/** Longest reason, note, brief, comment or outcome a command may carry. */
export const MAX_COMMAND_TEXT = 5_000;
const TEXT_FIELDS = ['reason', 'note', 'brief', 'comments', 'outcomeNote'] as const;

export interface RuleViolation {
  reason: RuleReason;
  message: string;
  field?: string;
}

const violation = (reason: RuleReason, message: string, field?: string): RuleViolation =>
  field ? { reason, message, field } : { reason, message };

const blank = (value: string | null | undefined) => !value || value.trim() === '';

export function isFinished(s: Pick<InitiativeSnapshot, 'status'>): boolean {
  return s.status === InitiativeStatus.CLOSED || s.status === InitiativeStatus.CANCELLED;
}

export function isOpenTask(task: Pick<LiveTask, 'status'>): boolean {
  return OPEN_TASK_STATUSES.includes(task.status);
}

/**
 * Where the council stands on the current revision: each council's latest review counts
 * (a council may review a revision when it finishes IMPLEMENT and again when it enters CORRECT).
 */
export function councilStance(
  s: InitiativeSnapshot,
): 'NONE' | 'PENDING' | 'CHANGES_REQUESTED' | 'APPROVED' {
  const latest = new Map<string, CouncilDecision>();
  for (const r of s.reviews) if (r.revision === s.revision) latest.set(r.councilId, r.decision);
  const decisions = [...latest.values()];
  if (decisions.length === 0) return 'NONE';
  if (decisions.includes(CouncilDecision.CHANGES_REQUESTED)) return 'CHANGES_REQUESTED';
  if (decisions.includes(CouncilDecision.PENDING)) return 'PENDING';
  return 'APPROVED';
}

type Checks = {
  [K in CommandName]: (s: InitiativeSnapshot, c: InitiativeCommands[K]) => RuleViolation | null;
};

/** The first rule the command breaks in this state, or null when it may be applied. */
export function checkCommand<K extends CommandName>(
  s: InitiativeSnapshot,
  name: K,
  command: InitiativeCommands[K],
): RuleViolation | null {
  if (isFinished(s)) {
    return violation(
      'INITIATIVE_FINISHED',
      `Initiative ${s.code} is ${s.status.toLowerCase()} and can no longer be changed.`,
    );
  }
  return tooLong(command) ?? (CHECKS[name] as Checks[K])(s, command);
}

/** A free text over the limit (titles and descriptions keep their own limits at the GraphQL edge). */
function tooLong(command: object): RuleViolation | null {
  const fields = command as Partial<Record<(typeof TEXT_FIELDS)[number], unknown>>;
  for (const field of TEXT_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value.length > MAX_COMMAND_TEXT) {
      return violation(
        'TEXT_TOO_LONG',
        `${field} may hold at most ${MAX_COMMAND_TEXT} characters; this one has ${value.length}.`,
        field,
      );
    }
  }
  return null;
}

function notOnHold(s: InitiativeSnapshot, what: string): RuleViolation | null {
  return s.status === InitiativeStatus.ON_HOLD
    ? violation('ON_HOLD', `Initiative ${s.code} is on hold; resume it before you ${what}.`)
    : null;
}

function findTask(
  s: InitiativeSnapshot,
  taskId: string,
  field = 'taskId',
): LiveTask | RuleViolation {
  const task = s.tasks.find((t) => t.id === taskId);
  return (
    task ??
    violation('TASK_NOT_IN_INITIATIVE', `The task is not a task of initiative ${s.code}.`, field)
  );
}

/** The task, if it is one of this initiative's and still open (OPEN or IN_PROGRESS). */
function openTask(
  s: InitiativeSnapshot,
  taskId: string,
  field = 'taskId',
): LiveTask | RuleViolation {
  const task = findTask(s, taskId, field);
  if ('reason' in task) return task;
  if (!isOpenTask(task)) {
    return violation(
      'TASK_FINISHED',
      `The task "${task.title}" is already ${task.status.toLowerCase()}; a finished task cannot be changed.`,
      field,
    );
  }
  return task;
}

const taskCheck =
  <C extends { taskId: string }>(
    extra: (s: InitiativeSnapshot, c: C, task: LiveTask) => RuleViolation | null = () => null,
  ) =>
  (s: InitiativeSnapshot, c: C): RuleViolation | null => {
    const task = openTask(s, c.taskId);
    return 'reason' in task ? task : extra(s, c, task);
  };

function checkMove(s: InitiativeSnapshot, c: InitiativeCommands['move']): RuleViolation | null {
  const held = notOnHold(s, `move it to ${c.to}`);
  if (held) return held;
  const from = s.processGroup;
  if (!NEXT_GROUPS[from].includes(c.to)) {
    return violation(
      'INVALID_TRANSITION',
      `Initiative ${s.code} cannot move from ${from} to ${c.to}; from ${from} it can move to ${NEXT_GROUPS[from].join(' or ')}.`,
      'processGroup',
    );
  }
  const cancel = new Set(c.cancelTaskIds ?? []);
  for (const id of cancel) {
    const task = openTask(s, id, 'cancelTaskIds');
    if ('reason' in task) return task;
  }
  if (c.to === ProcessGroup.IMPLEMENT && from === ProcessGroup.ANALYSE && !s.ownerId) {
    return violation(
      'OWNER_REQUIRED',
      `Initiative ${s.code} has no owner; assign one before implementation starts.`,
      'ownerId',
    );
  }
  if (from === ProcessGroup.IMPLEMENT) {
    const open = s.tasks.filter((t) => isOpenTask(t) && !cancel.has(t.id));
    if (open.length > 0) return openTasksViolation(s, open, 'finish IMPLEMENT');
  }
  if (from === ProcessGroup.CORRECT && blank(c.brief)) {
    return violation(
      'BRIEF_REQUIRED',
      `A new revision of ${s.code} needs a brief saying what changes this time.`,
      'brief',
    );
  }
  if (from === ProcessGroup.CORRECT && s.clientVisible && councilStance(s) === 'PENDING') {
    return violation(
      'REVIEW_PENDING',
      `The advisory council has not decided on revision ${s.revision} of ${s.code} yet; wait for its decision before you start a new revision.`,
    );
  }
  return null;
}

function openTasksViolation(s: InitiativeSnapshot, open: LiveTask[], what: string): RuleViolation {
  const titles = open.map((t) => `"${t.title}"`).join(', ');
  return violation(
    'OPEN_TASKS',
    `Initiative ${s.code} still has ${open.length} open task${open.length === 1 ? '' : 's'} (${titles}); complete or cancel ${open.length === 1 ? 'it' : 'them'} to ${what}.`,
    'cancelTaskIds',
  );
}

function checkClose(s: InitiativeSnapshot): RuleViolation | null {
  const held = notOnHold(s, 'close it');
  if (held) return held;
  if (!CLOSABLE_FROM.includes(s.processGroup)) {
    return violation(
      'INVALID_TRANSITION',
      `Initiative ${s.code} is in ${s.processGroup}; it can be closed only from MONITOR or CORRECT.`,
    );
  }
  const open = s.tasks.filter(isOpenTask);
  if (open.length > 0) return openTasksViolation(s, open, 'close it');
  if (!s.clientVisible) return null;
  const stance = councilStance(s);
  if (stance === 'APPROVED') return null;
  const why = {
    NONE: 'no council has reviewed this revision yet',
    PENDING: 'its council review is still pending',
    CHANGES_REQUESTED: 'its council asked for changes',
  }[stance];
  return violation(
    'COUNCIL_APPROVAL_MISSING',
    `Initiative ${s.code} is client-visible and ${why} (revision ${s.revision}); it closes only once its advisory council approves.`,
  );
}

const CHECKS: Checks = {
  move: checkMove,
  close: checkClose,
  hold: (s, c) =>
    blank(c.reason)
      ? violation('REASON_REQUIRED', 'Putting an initiative on hold needs a reason.', 'reason')
      : s.status === InitiativeStatus.ON_HOLD
        ? violation('ON_HOLD', `Initiative ${s.code} is already on hold.`)
        : null,
  resume: (s) =>
    s.status === InitiativeStatus.ON_HOLD
      ? null
      : violation(
          'NOT_ON_HOLD',
          `Initiative ${s.code} is not on hold, so there is nothing to resume.`,
        ),
  cancel: (_s, c) =>
    blank(c.reason)
      ? violation('REASON_REQUIRED', 'Cancelling an initiative needs a reason.', 'reason')
      : null,
  assignOwner: (_s, c) =>
    blank(c.ownerId) ? violation('OWNER_REQUIRED', 'Name the new owner.', 'ownerId') : null,
  edit: (_s, c) =>
    c.title != null && blank(c.title)
      ? violation('TITLE_REQUIRED', 'The title cannot be blank.', 'title')
      : c.problem != null && blank(c.problem)
        ? violation('TITLE_REQUIRED', 'The problem statement cannot be blank.', 'problem')
        : null,
  addTask: (s, c) =>
    notOnHold(s, 'add tasks') ??
    (blank(c.title) ? violation('TITLE_REQUIRED', 'A task needs a title.', 'title') : null),
  updateTask: taskCheck((_s, c) =>
    c.status === TaskStatus.DONE || c.status === TaskStatus.REJECTED
      ? violation(
          'INVALID_TASK_STATUS',
          `An update can set a task to OPEN, IN_PROGRESS or CANCELLED; use ${c.status === TaskStatus.DONE ? 'completeTask' : 'rejectTask'} for ${c.status}.`,
          'status',
        )
      : c.title != null && blank(c.title)
        ? violation('TITLE_REQUIRED', 'A task needs a title.', 'title')
        : null,
  ),
  completeTask: taskCheck(),
  rejectTask: taskCheck((_s, c) =>
    blank(c.note)
      ? violation('NOTE_REQUIRED', 'Rejecting a task needs a note saying why.', 'note')
      : null,
  ),
  reassignTask: (s, c) => {
    const held = notOnHold(s, 'reassign tasks');
    if (held) return held;
    const task = findTask(s, c.taskId);
    if ('reason' in task) return task;
    if (task.status === TaskStatus.DONE || task.status === TaskStatus.CANCELLED) {
      return violation(
        'TASK_FINISHED',
        `The task "${task.title}" is ${task.status.toLowerCase()}; only open or rejected tasks can be reassigned.`,
        'taskId',
      );
    }
    return null;
  },
  cancelTask: taskCheck((_s, c) =>
    blank(c.reason)
      ? violation('REASON_REQUIRED', 'Cancelling a task needs a reason.', 'reason')
      : null,
  ),
  requestReview: (s, c) => {
    if (!s.clientVisible) {
      return violation(
        'NOT_CLIENT_VISIBLE',
        `Initiative ${s.code} is internal; only client-visible initiatives go to an advisory council.`,
      );
    }
    const held = notOnHold(s, 'ask the council');
    if (held) return held;
    const pending = s.reviews.find(
      (r) =>
        r.councilId === c.councilId &&
        r.revision === s.revision &&
        r.decision === CouncilDecision.PENDING,
    );
    return pending
      ? violation(
          'REVIEW_EXISTS',
          `This council already has a pending review of revision ${s.revision} of ${s.code}.`,
          'councilId',
        )
      : null;
  },
  decideReview: (s, c) => {
    const review = s.reviews.find((r) => r.id === c.reviewId);
    if (!review) {
      return violation(
        'REVIEW_NOT_IN_INITIATIVE',
        `The review is not an open review of initiative ${s.code}.`,
        'reviewId',
      );
    }
    if (review.decision !== CouncilDecision.PENDING) {
      return violation(
        'REVIEW_DECIDED',
        `This review was already decided (${review.decision}); a new revision gets a new review.`,
      );
    }
    if (c.decision === CouncilDecision.PENDING) {
      return violation(
        'INVALID_DECISION',
        'A decision is APPROVED or CHANGES_REQUESTED, not PENDING.',
        'decision',
      );
    }
    if (c.decision === CouncilDecision.CHANGES_REQUESTED && blank(c.comments)) {
      return violation(
        'COMMENTS_REQUIRED',
        'Requesting changes needs comments saying which changes.',
        'comments',
      );
    }
    return notOnHold(s, 'record the council’s decision');
  },
};
