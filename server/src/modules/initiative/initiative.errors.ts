import type { NotFound } from '../../db/lookup.js';
import { defineErrors, ErrorCode } from '../../domain/errors.js';
import type {
  RuleReason,
  RuleViolation,
} from '../../../../workflows/contracts/initiative.rules.js';

/** Error reasons of analyses, initiatives, their targets, tasks and council reviews. */
export const initiativeError = defineErrors({
  ANALYSIS_NOT_FOUND: ErrorCode.NOT_FOUND,
  INITIATIVE_NOT_FOUND: ErrorCode.NOT_FOUND,
  TASK_NOT_FOUND: ErrorCode.NOT_FOUND,
  REVIEW_NOT_FOUND: ErrorCode.NOT_FOUND,
  USER_NOT_FOUND: ErrorCode.NOT_FOUND,
  DEPARTMENT_NOT_FOUND: ErrorCode.NOT_FOUND,
  PROCESS_CLASS_NOT_FOUND: ErrorCode.NOT_FOUND,
  ACCOUNT_NOT_FOUND: ErrorCode.NOT_FOUND,
  FEEDBACK_NOT_FOUND: ErrorCode.NOT_FOUND,
  METRIC_NOT_FOUND: ErrorCode.NOT_FOUND,
  COUNCIL_NOT_FOUND: ErrorCode.NOT_FOUND,
  MEMBER_NOT_FOUND: ErrorCode.NOT_FOUND,
  INVALID_PERIOD: ErrorCode.BAD_USER_INPUT,
  INVALID_START_GROUP: ErrorCode.BAD_USER_INPUT,
  DUPLICATE_METRIC: ErrorCode.BAD_USER_INPUT,
  TOO_MANY_TARGETS: ErrorCode.BAD_USER_INPUT,
  ASSIGNEE_NOT_IN_DEPARTMENT: ErrorCode.BAD_USER_INPUT,
  /** A department member reassigning: only to an active colleague, never to a former one. */
  ASSIGNEE_INACTIVE: ErrorCode.BAD_USER_INPUT,
  /** A department member reassigning: to a colleague of their own department, not elsewhere. */
  OUTSIDE_OWN_DEPARTMENT: ErrorCode.FORBIDDEN,
  /** A department member reassigning names the colleague who takes the task over. */
  ASSIGNEE_REQUIRED: ErrorCode.BAD_USER_INPUT,
  /** A department member reassigning keeps the due date: it is the initiative owner's to move. */
  DUE_DATE_NOT_ALLOWED: ErrorCode.FORBIDDEN,
  OWNER_NOT_ELIGIBLE: ErrorCode.BAD_USER_INPUT,
  OWNER_REQUIRED: ErrorCode.BAD_USER_INPUT,
  NOTE_REQUIRED: ErrorCode.BAD_USER_INPUT,
  REASON_REQUIRED: ErrorCode.BAD_USER_INPUT,
  BRIEF_REQUIRED: ErrorCode.BAD_USER_INPUT,
  TITLE_REQUIRED: ErrorCode.BAD_USER_INPUT,
  DUE_IN_PAST: ErrorCode.BAD_USER_INPUT,
  INVALID_TASK_STATUS: ErrorCode.BAD_USER_INPUT,
  TEXT_TOO_LONG: ErrorCode.BAD_USER_INPUT,
  TASK_NOT_IN_INITIATIVE: ErrorCode.BAD_USER_INPUT,
  REVIEW_NOT_IN_INITIATIVE: ErrorCode.BAD_USER_INPUT,
  NOT_CLIENT_VISIBLE: ErrorCode.BAD_USER_INPUT,
  COUNCIL_NOT_CONCERNED: ErrorCode.BAD_USER_INPUT,
  INVALID_DECISION: ErrorCode.BAD_USER_INPUT,
  COMMENTS_REQUIRED: ErrorCode.BAD_USER_INPUT,
  MEMBER_NOT_IN_COUNCIL: ErrorCode.BAD_USER_INPUT,
  /** No decidedByMemberId, and the person deciding has no seat on the review's council. */
  MEMBER_REQUIRED: ErrorCode.BAD_USER_INPUT,
  INVALID_TRANSITION: ErrorCode.CONFLICT,
  INITIATIVE_FINISHED: ErrorCode.CONFLICT,
  ON_HOLD: ErrorCode.CONFLICT,
  NOT_ON_HOLD: ErrorCode.CONFLICT,
  OPEN_TASKS: ErrorCode.CONFLICT,
  COUNCIL_APPROVAL_MISSING: ErrorCode.CONFLICT,
  TASK_FINISHED: ErrorCode.CONFLICT,
  REVIEW_EXISTS: ErrorCode.CONFLICT,
  REVIEW_DECIDED: ErrorCode.CONFLICT,
  REVIEW_PENDING: ErrorCode.CONFLICT,
  REVIEW_OUTDATED: ErrorCode.CONFLICT,
  CODE_EXHAUSTED: ErrorCode.CONFLICT,
});

type Reason = Parameters<typeof initiativeError>[0];
// Every reason the lifecycle rules can give has its transport class here (a compile error otherwise).
const _rulesCovered: readonly Reason[] = [] as RuleReason[];

/** Throws the rule's refusal as this module's error; does nothing for null. */
export function refuseIf(violation: RuleViolation | null): void {
  if (violation) throw initiativeError(violation.reason, violation.message, violation.field);
}

type NotFoundReason = Reason & `${string}_NOT_FOUND`;

/** A NOT_FOUND reason in the shape the lookups (`mustFind`, `mustFindAll`) take. */
export const initiativeNotFound =
  (reason: NotFoundReason): NotFound =>
  (message, field) =>
    initiativeError(reason, message, field);
