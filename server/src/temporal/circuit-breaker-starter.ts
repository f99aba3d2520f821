import type { CollectStarter } from './collect-starter.js';

/**
 * Keeps the API fast while Temporal is down: after a failed start, further starts fail at
 * once for `openMs` instead of each waiting for the RPC deadline. The feedback is stored
 * either way, and the reconciler, which talks to Temporal directly, starts it later.
 */
export class CircuitBreakingCollectStarter implements CollectStarter {
  private openUntil = 0;

  constructor(
    private readonly target: CollectStarter,
    private readonly openMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get open(): boolean {
    return this.now() < this.openUntil;
  }

  async startCollect(feedbackId: string): Promise<'started' | 'already-started'> {
    if (this.open)
      throw new Error('Temporal failed recently; the reconciler will start this workflow');
    try {
      return await this.target.startCollect(feedbackId);
    } catch (error) {
      this.openUntil = this.now() + this.openMs;
      throw error;
    }
  }
}
