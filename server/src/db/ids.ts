import { randomBytes } from 'node:crypto';

function format(ms: number, counter: number, bytes: Buffer): string {
  const big = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((big >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUIDv7 generator that is monotonic (RFC 9562 §6.2, method 1: a 12-bit counter in
 * `rand_a`, seeded randomly each millisecond): ids sort by creation even within one
 * millisecond and when the clock steps back.
 */
export function createUuidv7Generator(clock: () => number = Date.now): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    const bytes = randomBytes(16);
    const now = clock();
    if (now > lastMs) {
      lastMs = now;
      // Start low in the counter space so many ids fit in the same millisecond.
      counter = bytes.readUInt16BE(6) & 0x3ff;
    } else if (++counter > 0xfff) {
      // Counter exhausted: borrow the next millisecond rather than break the order.
      lastMs += 1;
      counter = 0;
    }
    return format(lastMs, counter, bytes);
  };
}

const next = createUuidv7Generator();

/**
 * A time-ordered id, so primary keys sort by creation and keyset pagination over `id`
 * follows insertion order. `at` backdates an id (demo history) without disturbing the
 * monotonic sequence of ids made now.
 */
export function uuidv7(at?: number): string {
  if (at === undefined) return next();
  const bytes = randomBytes(16);
  return format(at, bytes.readUInt16BE(6) & 0xfff, bytes);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
