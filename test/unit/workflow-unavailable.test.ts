import { describe, expect, it } from 'vitest';
import { toDomainError } from '../../server/src/temporal/temporal-initiative-workflows.js';

describe('an unreachable workflow engine', () => {
  it('answers SERVICE_UNAVAILABLE without the address or the transport’s own words', () => {
    const error = toDomainError(
      new Error('14 UNAVAILABLE: No connection established. connect ECONNREFUSED 10.1.2.3:7233'),
    );
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'WORKFLOWS_UNAVAILABLE' });
    const { message } = error as Error;
    expect(message).toBe(
      'The workflow engine is not reachable (no answer from it); nothing was changed. Try again shortly.',
    );
    expect(message).not.toMatch(/10\.1\.2\.3|7233|ECONNREFUSED|UNAVAILABLE/);
  });
});
