import type { Client } from '@temporalio/client';
import {
  MAIL_DELIVERY_WORKFLOW,
  MAIL_DELIVERY_WORKFLOW_ID,
  type MailDeliveryInput,
  type MailDeliveryTimings,
} from '../../../workflows/contracts/mail.contract.js';
import { ensureSingletonWorkflow } from './singleton-workflow.js';

/** Makes sure the one mail delivery workflow runs; a running one is left as it is. */
export function ensureMailDeliveryWorkflow(
  client: Client,
  opts: { taskQueue: string; timings?: Partial<MailDeliveryTimings> },
): Promise<'started' | 'running'> {
  const input: MailDeliveryInput = { timings: opts.timings };
  return ensureSingletonWorkflow(client, {
    workflowType: MAIL_DELIVERY_WORKFLOW,
    workflowId: MAIL_DELIVERY_WORKFLOW_ID,
    taskQueue: opts.taskQueue,
    input,
  });
}
