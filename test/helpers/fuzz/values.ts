import fc from 'fast-check';

/** Strings a careless or hostile client sends: limits, scripts, injections, odd Unicode. */
const hostileConstants = [
  '',
  ' ',
  '   padded   ',
  '\t\n\r',
  'x'.repeat(65),
  'x'.repeat(201),
  'x'.repeat(321),
  'y'.repeat(5_001),
  'z'.repeat(100_000),
  'Ω≈ç√∫˜µ≤≥÷ — “quotes” ‘single’ …',
  'Счета приходят позже поставки',
  'مرحبا بالعالم',
  'abc\u202Eevil\u202Cdef',
  '\u200B\u200C\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈🇩🇪',
  'é'.repeat(300),
  'İstanbul ß ﬁ',
  "'; DROP TABLE segment; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM audit_event;--",
  '%_\\%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"$gt": ""}',
  '{"__proto__": {"admin": true}}',
  '${7*7}{{7*7}}',
  '%s%n%x',
  '../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '2026-13-45',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\u001B[31mred',
  '\u007F',
  'a\u000Bb\u000Cc',
  '\uD800',
  'a\uDFFFb',
  '\uDE00\uD83D',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const control = fc.integer({ min: 0, max: 0x1f }).map((u) => String.fromCharCode(u));

/** Strings meant to be refused or to test limits: hostile constants, random and broken code points. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileConstants) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 5 }),
        fc.oneof(loneSurrogate, control),
        fc.string({ maxLength: 5 }),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

const words = fc
  .array(fc.constantFrom('delivery', 'late', 'invoice', 'Quality', 'счёт', 'поставка', 'ok'), {
    minLength: 1,
    maxLength: 6,
  })
  .map((w) => w.join(' '));
const month = fc
  .tuple(fc.integer({ min: 2019, max: 2027 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const token = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);

/** Values that pass the usual validators of a field with this name, so cases reach the database. */
const plausibleByName: [RegExp, fc.Arbitrary<string>][] = [
  [/email/i, fc.emailAddress()],
  [/locale|language/i, fc.constantFrom('ru', 'en')],
  [/^(period|periodFrom|periodTo|from|to)$/, month],
  [/country/i, fc.constantFrom('DE', 'RU', 'FR')],
  [/since|day|date/i, month.map((m) => `${m}-15`)],
  [/^(metric|factor)Code$/, fc.constantFrom('OTIF', 'CSI', 'NPS', 'otif', 'price')],
  [/^key$|code$|Code$/, token],
  [/cron|schedule/i, fc.constantFrom('0 9 * * 1', '*/5 * * * *', '0 0 1 * *')],
  [/currency/i, fc.constantFrom('EUR', 'RUB')],
  [/externalId/i, token],
];

/** A value the usual validators of a field with this name accept. */
export function plausibleString(field: string): fc.Arbitrary<string> {
  return plausibleByName.find(([pattern]) => pattern.test(field))?.[1] ?? words;
}

const plausibleFloat: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }),
);
/** A number the usual validators of a field with this name accept. */
export function plausibleNumber(field: string, integer: boolean): fc.Arbitrary<number> {
  if (/weight|share|regularity/i.test(field)) return fc.double({ min: 0, max: 1, noNaN: true });
  if (/^ces/i.test(field)) return fc.integer({ min: 1, max: 7 });
  if (/^nps/i.test(field)) return fc.integer({ min: 0, max: 10 });
  return integer ? fc.integer({ min: 0, max: 10 }) : plausibleFloat;
}

export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 101, 1000, 10_001, 2_147_483_647, -2_147_483_648),
  fc.integer(),
);

export const hostileFloat: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 1e15, 1e21, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -0, 1.0e-7),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const DAY_MS = 86_400_000;

/** Near now: past and future (due dates must lie ahead). */
export const plausibleDateTime: fc.Arbitrary<string> = fc
  .integer({ min: -400, max: 400 })
  .map((days) => new Date(Date.now() + days * DAY_MS).toISOString());

/** From year 1 to 9999, the edges of the scalar, and strings that are no date. */
export const hostileDateTime: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') })
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
    '1970-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-06-15T12:00:00.123456789+14:00',
    'yesterday',
    '',
  ),
);

export const plausibleJsonObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Hostile keys and strings, and deep nesting. */
export const hostileJsonObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let value: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < depth; i++) value = { nested: value };
    return value;
  }),
);
