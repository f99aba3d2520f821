import type { Client } from '@temporalio/client';
import {
  COLLECT_FEEDBACK_WORKFLOW,
  collectWorkflowId,
  type CollectFeedbackInput,
} from '../../../workflows/contracts/collect.contract.js';
import type { CollectStarter } from './collect-starter.js';
import { startOnce } from './start-once.js';

export interface TemporalCollectStarterOptions {
  taskQueue: string;
  /**
   * Deadline of the start call. Short, so an unreachable Temporal fails the call fast
   * (the feedback is already stored; the reconciler starts it later).
   */
  rpcTimeoutMs?: number;
}

/** Starts `collectFeedback` with the feedback id as business workflow id: one workflow per item, ever. */
export class TemporalCollectStarter implements CollectStarter {
  private readonly rpcTimeoutMs: number;

  constructor(
    private readonly client: Client,
    private readonly options: TemporalCollectStarterOptions,
  ) {
    this.rpcTimeoutMs = options.rpcTimeoutMs ?? 3000;
  }

  /** Even a completed run blocks a second one: the acknowledgement is sent once. */
  startCollect(feedbackId: string): Promise<'started' | 'already-started'> {
    const input: CollectFeedbackInput = { feedbackId };
    return startOnce(this.client, COLLECT_FEEDBACK_WORKFLOW, {
      workflowId: collectWorkflowId(feedbackId),
      taskQueue: this.options.taskQueue,
      args: [input],
      timeoutMs: this.rpcTimeoutMs,
    });
  }
}
