/**
 * The initiative workflow's contract: what the server and the worker agree on. One
 * workflow per initiative (id = `initiative-<uuid>`) holds the initiative's whole life:
 * commands arrive as Updates (validated inside the workflow against its live state), the
 * read model in the database is written by activities, timers remind and escalate.
 * Free of Node and ORM imports so the workflow bundle can include it.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CouncilDecision,
  InitiativeStatus,
  ProcessGroup,
  TaskStatus,
} from './initiative.enums.js';

export const INITIATIVE_WORKFLOW = 'initiativeLifecycle';

/** Workflow ids are business ids: one workflow per initiative, ever. */
export function initiativeWorkflowId(initiativeId: string): string {
  return `initiative-${initiativeId}`;
}

/** How long the workflow waits before reminding and escalating. Configuration, in milliseconds. */
export interface InitiativeTimings {
  /** A department is reminded this long before its task is due. */
  taskReminderLeadMs: number;
  /** An overdue task goes to the initiative owner when due, and to the CX office this long after. */
  escalateToOfficeAfterMs: number;
  /** The council is reminded when a review has waited this long for a decision (and again each period). */
  councilReminderAfterMs: number;
  /** At most this many council reminders per review. */
  councilReminderLimit: number;
  /** Continue as new once the history has this many events (Temporal may suggest it earlier). */
  historyLimit: number;
}

const HOUR = 3_600_000;
export const DEFAULT_INITIATIVE_TIMINGS: InitiativeTimings = {
  taskReminderLeadMs: 48 * HOUR,
  escalateToOfficeAfterMs: 72 * HOUR,
  councilReminderAfterMs: 7 * 24 * HOUR,
  councilReminderLimit: 3,
  historyLimit: 2_000,
};

/** A task as the workflow tracks it. Times are ISO strings (payloads are JSON). */
export interface LiveTask {
  id: string;
  title: string;
  status: TaskStatus;
  departmentId: string;
  assigneeId: string | null;
  dueAt: string | null;
  clientVisible: boolean;
  revision: number;
  /** Reassignments start a new round: its reminder and escalations are due again. */
  round: number;
  remindedAt: string | null;
  /** 0 on time, 1 escalated to the owner, 2 escalated to the CX office. */
  escalationLevel: number;
}

export interface LiveReview {
  id: string;
  councilId: string;
  revision: number;
  decision: CouncilDecision;
  requestedAt: string;
  remindersSent: number;
}

/** The initiative as its database rows stand; activities return it after every change. */
export interface InitiativeSnapshot {
  initiativeId: string;
  code: string;
  title: string;
  clientVisible: boolean;
  processGroup: ProcessGroup;
  status: InitiativeStatus;
  revision: number;
  ownerId: string | null;
  tasks: LiveTask[];
  /** Reviews of the current revision, and any older one still pending. */
  reviews: LiveReview[];
}

export type TimerKind = 'TASK_REMINDER' | 'TASK_OVERDUE' | 'TASK_ESCALATION' | 'COUNCIL_REMINDER';

/** Something the workflow will do by itself at `at` unless the initiative changes first. */
export interface PlannedTimer {
  kind: TimerKind;
  at: string;
  taskId?: string;
  reviewId?: string;
}

/** The live state: the snapshot plus the timers the workflow is waiting on. */
export interface InitiativeLiveState extends InitiativeSnapshot {
  workflowId: string;
  timers: PlannedTimer[];
}

/** Every command names who gives it, for the audit trail. */
export interface CommandBase {
  actor: string;
}

export interface MoveCommand extends CommandBase {
  to: ProcessGroup;
  /** Required when a correction opens a new revision (CORRECT → IMPLEMENT). */
  brief?: string | null;
  /** Open tasks to cancel when IMPLEMENT finishes; every open task must be done or listed. */
  cancelTaskIds?: string[] | null;
}
export interface CloseCommand extends CommandBase {
  note?: string | null;
}
export interface ReasonCommand extends CommandBase {
  reason: string;
}
export type ResumeCommand = CommandBase;
export interface AssignOwnerCommand extends CommandBase {
  ownerId: string;
}
/** Field changes of an initiative; absent fields stay, `null` clears. Ids are uuids. */
export interface EditCommand extends CommandBase {
  title?: string | null;
  ownerId?: string | null;
  problem?: string | null;
  clientVisible?: boolean | null;
  expectedEffect?: string | null;
  dueAt?: string | null;
  stage?: string | null;
  analysisId?: string | null;
  processClassId?: string | null;
  affectedAccountIds?: string[] | null;
  feedbackIds?: string[] | null;
}
export interface AddTaskCommand extends CommandBase {
  title: string;
  description?: string | null;
  departmentId: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  /** Defaults to the initiative's own visibility. */
  clientVisible?: boolean | null;
}
export interface UpdateTaskCommand extends CommandBase {
  taskId: string;
  title?: string | null;
  description?: string | null;
  dueAt?: string | null;
  status?: TaskStatus | null;
  departmentId?: string | null;
  assigneeId?: string | null;
}
export interface CompleteTaskCommand extends CommandBase {
  taskId: string;
  outcomeNote?: string | null;
}
export interface RejectTaskCommand extends CommandBase {
  taskId: string;
  note: string;
}
export interface ReassignTaskCommand extends CommandBase {
  taskId: string;
  departmentId: string;
  assigneeId?: string | null;
  dueAt?: string | null;
  note?: string | null;
}
export interface CancelTaskCommand extends CommandBase {
  taskId: string;
  reason: string;
}
export interface RequestReviewCommand extends CommandBase {
  councilId: string;
}
export interface DecideReviewCommand extends CommandBase {
  reviewId: string;
  decision: CouncilDecision;
  comments?: string | null;
  decidedByMemberId: string;
}

/** Every command by name: the Update of the same name carries it. */
export interface InitiativeCommands {
  move: MoveCommand;
  close: CloseCommand;
  hold: ReasonCommand;
  resume: ResumeCommand;
  cancel: ReasonCommand;
  assignOwner: AssignOwnerCommand;
  edit: EditCommand;
  addTask: AddTaskCommand;
  updateTask: UpdateTaskCommand;
  completeTask: CompleteTaskCommand;
  rejectTask: RejectTaskCommand;
  reassignTask: ReassignTaskCommand;
  cancelTask: CancelTaskCommand;
  requestReview: RequestReviewCommand;
  decideReview: DecideReviewCommand;
}
export type CommandName = keyof InitiativeCommands;
export const COMMAND_NAMES = [
  'move',
  'close',
  'hold',
  'resume',
  'cancel',
  'assignOwner',
  'edit',
  'addTask',
  'updateTask',
  'completeTask',
  'rejectTask',
  'reassignTask',
  'cancelTask',
  'requestReview',
  'decideReview',
] as const satisfies readonly CommandName[];

/** What an Update answers: the new live state and, for creations, the new row's id. */
export interface CommandResult {
  state: InitiativeLiveState;
  subjectId?: string | null;
}

export const initiativeUpdates: {
  [K in CommandName]: UpdateDefinition<CommandResult, [InitiativeCommands[K]], K>;
} = Object.fromEntries(
  COMMAND_NAMES.map((name) => [name, defineUpdate<CommandResult, [unknown]>(name)]),
) as never;

/** The live state, straight from the workflow. */
export const liveStateQuery = defineQuery<InitiativeLiveState | null>('liveState');

/** The database changed outside the workflow (e.g. targets set): reload the snapshot. */
export const refreshSignal = defineSignal<[]>('refresh');

export interface InitiativeWorkflowInput {
  /** Initiative id (uuid). */
  initiativeId: string;
  timings?: Partial<InitiativeTimings>;
  /** State carried over by continue-as-new. */
  carried?: InitiativeSnapshot | null;
}

export interface InitiativeOutcome {
  initiativeId: string;
  status: InitiativeStatus;
  revision: number;
}

/** ApplicationFailure types the initiative workflow and its activities raise. */
export const InitiativeFailure = {
  /** A rule of the domain refused the command; `details[0]` is a {@link FailureDetails}. */
  REFUSED: 'CommandRefused',
  /** The initiative row is gone. */
  NOT_FOUND: 'InitiativeNotFound',
  /** The command could not be applied now (e.g. the database was unreachable); nothing changed. */
  UNAVAILABLE: 'CommandUnavailable',
} as const;

/** What a refusal carries so that the server can answer with a typed error. */
export interface FailureDetails {
  /** The module's reason code, e.g. `INVALID_TRANSITION`. */
  reason: string;
  /** The transport-level class, e.g. `CONFLICT`; absent for the rules' own reasons. */
  code?: string;
  field?: string;
}
