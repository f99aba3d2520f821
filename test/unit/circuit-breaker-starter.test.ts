import { describe, expect, it } from 'vitest';
import { CircuitBreakingCollectStarter } from '../../server/src/temporal/circuit-breaker-starter.js';
import { RecordingCollectStarter } from '../helpers/graphql.js';

describe('CircuitBreakingCollectStarter', () => {
  it('passes starts through while Temporal answers', async () => {
    const target = new RecordingCollectStarter();
    const breaker = new CircuitBreakingCollectStarter(target, 5_000);
    expect(await breaker.startCollect('a')).toBe('started');
    expect(await breaker.startCollect('a')).toBe('already-started');
  });

  it('fails at once after a failure, without calling Temporal, until the pause is over', async () => {
    let now = 1_000;
    const target = new RecordingCollectStarter();
    const breaker = new CircuitBreakingCollectStarter(target, 5_000, () => now);
    target.failing = true;
    await expect(breaker.startCollect('a')).rejects.toThrow(/unreachable/);
    target.failing = false;
    await expect(breaker.startCollect('b')).rejects.toThrow(/reconciler will start/);
    expect(target.started).toEqual([]);
    now += 5_000;
    expect(await breaker.startCollect('b')).toBe('started');
    expect(breaker.open).toBe(false);
  });
});
