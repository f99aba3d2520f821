import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { identityError } from '../modules/identity/identity.errors.js';

/**
 * Sign-in attempts per client address, across accounts (password spraying): a fixed window of
 * 15 minutes. Per-account lockout is the session service's; this guards the other axis.
 */
export class SignInThrottle {
  private readonly limiter: RateLimiterMemory;

  constructor(attemptsPer15Minutes: number) {
    this.limiter = new RateLimiterMemory({ points: attemptsPer15Minutes, duration: 15 * 60 });
  }

  async admit(address: string): Promise<void> {
    try {
      await this.limiter.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw identityError(
        'SIGN_IN_THROTTLED',
        `Too many sign-in attempts from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
  }
}
