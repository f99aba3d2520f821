import { TOKEN_USE_THROTTLE_MS } from './security-event.js';

const MAX_TRACKED = 10_000;

/**
 * Remembers, per process, when each token's use was last recorded, so a busy integrator
 * costs one audit row a minute and, in between, not even a query. Other processes are
 * covered by the database check AuditService makes when this says "not recently".
 */
export class TokenUseThrottle {
  private readonly last = new Map<string, number>();

  /** True when `tokenId`'s use at `at` falls within the window of the last recorded one. */
  recentlyRecorded(tokenId: string, at: Date): boolean {
    const previous = this.last.get(tokenId);
    if (previous === undefined) return false;
    const since = at.getTime() - previous;
    return since >= 0 && since < TOKEN_USE_THROTTLE_MS;
  }

  /** Notes a recorded use (before the write, so concurrent requests of one token write once). */
  note(tokenId: string, at: Date): void {
    if (this.last.size >= MAX_TRACKED) this.last.clear();
    this.last.set(tokenId, at.getTime());
  }

  /** Forgets a use whose write failed, so the next request tries again. */
  forget(tokenId: string, at: Date): void {
    if (this.last.get(tokenId) === at.getTime()) this.last.delete(tokenId);
  }
}

/** The API process's throttle (a worker never sees tokens). */
export const tokenUseThrottle = new TokenUseThrottle();
