import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  COLLECT_FEEDBACK_WORKFLOW,
  collectWorkflowId,
  type CollectFeedbackInput,
} from '../../../workflows/contracts/collect.contract.js';
import type { CollectStarter } from './collect-starter.js';

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

  async startCollect(feedbackId: string): Promise<'started' | 'already-started'> {
    const input: CollectFeedbackInput = { feedbackId };
    try {
      // One StartWorkflowExecution RPC; the deadline also bounds the SDK's retries on UNAVAILABLE.
      await this.client.withDeadline(Date.now() + this.rpcTimeoutMs, () =>
        this.client.workflow.start(COLLECT_FEEDBACK_WORKFLOW, {
          taskQueue: this.options.taskQueue,
          workflowId: collectWorkflowId(feedbackId),
          args: [input],
          // Even a completed run blocks a second one: the acknowledgement is sent once.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
        }),
      );
      return 'started';
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
      throw err;
    }
  }
}
