import type { DomainContext } from '../../domain/context.js';
import type { Logger } from '../../logger.js';
import type { WebhookStarter } from './webhook-starter.port.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';

/**
 * The API process's loop that turns new audit-trail events into deliveries and starts their
 * workflows, every `pollMs`. Runs never overlap; a failed run is logged and the next one
 * tries again (the look-back window covers what it missed).
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly contextFor: () => DomainContext,
    private readonly starter: WebhookStarter,
    private readonly log: Logger,
  ) {}

  start(pollMs: number): void {
    this.timer ??= setInterval(() => void this.runOnce(), pollMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.running ?? Promise.resolve();
  }

  /** One pass: dispatch, then start what is queued. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      const queued = await this.contextFor().service(WebhookDispatchService).dispatchNew();
      if (queued.length > 0) await this.starter.start(queued);
    } catch (error) {
      this.log.error(`Webhook dispatch failed: ${String(error)}`);
    }
  }
}
