import type { CollectStarter } from './collect-starter.js';

/**
 * The API's starter while Temporal is still being reached: every call fails fast,
 * so feedback is stored and answered as accepted, and the reconciler starts its
 * workflow once `attach` has given it a real starter.
 */
export class DeferredCollectStarter implements CollectStarter {
  private target: CollectStarter | undefined;

  attach(target: CollectStarter): void {
    this.target = target;
  }

  get attached(): boolean {
    return this.target !== undefined;
  }

  async startCollect(feedbackId: string): Promise<'started' | 'already-started'> {
    if (!this.target) throw new Error('Temporal is not connected yet');
    return this.target.startCollect(feedbackId);
  }
}
