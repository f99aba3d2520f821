import { describe, expect, it } from 'vitest';
import { createUuidv7Generator, isUuid, uuidv7 } from '../../server/src/db/ids.js';

const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('produces RFC 9562 version-7, variant-10 ids', () => {
    for (const id of [uuidv7(), uuidv7(1_800_000_000_000)]) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect(['8', '9', 'a', 'b']).toContain(id[19]);
    }
  });

  it('sorts in creation order, also for thousands of ids within one millisecond', () => {
    const next = createUuidv7Generator(() => 1_800_000_000_000);
    const ids = Array.from({ length: 5000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    let now = 2_000_000_000_000;
    const next = createUuidv7Generator(() => now);
    const later = next();
    now -= 1_000;
    expect(next() > later).toBe(true);
  });

  it('backdates an id to a given time without touching the sequence of ids made now', () => {
    const before = uuidv7();
    expect(timeOf(uuidv7(1_600_000_000_000))).toBe(1_600_000_000_000);
    expect(uuidv7() > before).toBe(true);
    expect(Math.abs(timeOf(uuidv7()) - Date.now())).toBeLessThan(5_000);
  });
});
