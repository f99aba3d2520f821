import type { Client } from '@temporalio/client';
import {
  WEBHOOK_DELIVERY_WORKFLOW,
  webhookDeliveryWorkflowId,
  type WebhookDeliveryInput,
} from '../../../workflows/contracts/webhook.contract.js';
import type {
  QueuedWebhookDelivery,
  WebhookStarter,
} from '../modules/webhook/webhook-starter.port.js';
import type { WebhookSettings } from '../modules/webhook/webhook.settings.js';
import { startOnce } from './start-once.js';

/**
 * One workflow per delivery and round: a slow or failing receiver holds up only its own
 * deliveries, each delivery's backoff is its own timer, and the id (delivery + round) makes a
 * repeated start a no-op while a resume's new round starts afresh.
 */
export class TemporalWebhookStarter implements WebhookStarter {
  constructor(
    private readonly client: Client,
    private readonly options: {
      taskQueue: string;
      settings: Pick<WebhookSettings, 'maxAttempts' | 'initialBackoffSeconds'>;
      rpcTimeoutMs?: number;
    },
  ) {}

  async start(deliveries: QueuedWebhookDelivery[]): Promise<void> {
    for (const { deliveryId, round } of deliveries) {
      const input: WebhookDeliveryInput = {
        deliveryId,
        maxAttempts: this.options.settings.maxAttempts,
        initialBackoffSeconds: this.options.settings.initialBackoffSeconds,
      };
      await startOnce(this.client, WEBHOOK_DELIVERY_WORKFLOW, {
        workflowId: webhookDeliveryWorkflowId(deliveryId, round),
        taskQueue: this.options.taskQueue,
        args: [input],
        timeoutMs: this.options.rpcTimeoutMs ?? 3000,
      });
    }
  }
}
