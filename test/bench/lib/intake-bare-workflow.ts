/**
 * The limit of scenario 2: a workflow with one empty activity, run by a bare worker on a task
 * queue of its own (no database), on the same Temporal server as the hub.
 */
import { proxyActivities } from '@temporalio/workflow';

export interface BareActivities {
  emptyActivity(): Promise<void>;
}

const { emptyActivity } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

export async function bareWorkflow(): Promise<void> {
  await emptyActivity();
}
