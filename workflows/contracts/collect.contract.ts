/**
 * The collect workflow's contract: everything the server and the worker agree on.
 * The server imports only this file (never workflow or activity code); it stays free of
 * Node and ORM imports so the workflow bundle can include it.
 */

import type { IntakeCaseResult } from './case.contract.js';

/** Workflow type name, as registered by the worker and started by the server. */
export const COLLECT_FEEDBACK_WORKFLOW = 'collectFeedback';

/** Task queue used when TEMPORAL_TASK_QUEUE is unset. */
export const DEFAULT_TASK_QUEUE = 'cx-hub';

export interface CollectFeedbackInput {
  /** FeedbackItem id (uuid). */
  feedbackId: string;
}

/** The whole intake of one item in one step: acknowledge, classify, open its case. */
export interface TakeInFeedbackInput {
  feedbackId: string;
  /** Workflow time when the step was scheduled: the case's clock starts from it, on every retry. */
  at: string;
}

export interface CollectFeedbackResult {
  feedbackId: string;
  acknowledgement: AcknowledgeFeedbackResult;
  /** Classification and the case for unhappy feedback (absent in histories from before). */
  intake?: IntakeCaseResult;
}

export interface AcknowledgeFeedbackResult {
  /** Id of the FEEDBACK_ACKNOWLEDGEMENT outbox row (created now or by an earlier attempt). */
  notificationId: string;
  /** False when an earlier attempt already wrote the notification. */
  notificationCreated: boolean;
  /** PENDING when the contact has an e-mail to send to, SKIPPED otherwise. */
  deliveryStatus: 'PENDING' | 'SKIPPED' | 'SENT' | 'FAILED' | 'BOUNCED';
  /** False when the item had already moved past RECEIVED. */
  statusChanged: boolean;
}

/**
 * Workflow ids are business ids: one collect workflow per feedback item, ever, so
 * retried starts (API retry, reconciler) are idempotent.
 */
export function collectWorkflowId(feedbackId: string): string {
  return `collect-feedback-${feedbackId}`;
}

/** ApplicationFailure types the collect activities raise as non-retryable. */
export const CollectFailure = {
  FEEDBACK_NOT_FOUND: 'FeedbackNotFound',
} as const;
