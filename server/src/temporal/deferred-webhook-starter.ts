import type {
  QueuedWebhookDelivery,
  WebhookStarter,
} from '../modules/webhook/webhook-starter.port.js';

/** The API's webhook starter while Temporal is still being reached: fails fast until attached. */
export class DeferredWebhookStarter implements WebhookStarter {
  private target: WebhookStarter | undefined;

  attach(target: WebhookStarter): void {
    this.target = target;
  }

  async start(deliveries: QueuedWebhookDelivery[]): Promise<void> {
    if (!this.target) throw new Error('Temporal is not connected yet');
    return this.target.start(deliveries);
  }
}
