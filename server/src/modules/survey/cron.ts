/**
 * Syntax check of a classic 5-field cron expression (minute hour day-of-month month
 * day-of-week), the form Temporal schedules accept. Returns why it is invalid, or null.
 * Supports `*`, lists `a,b`, ranges `a-b`, steps `*\/n` and `a-b/n`, and month / weekday names.
 */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    base: 1,
  },
  // 0 and 7 both mean Sunday.
  {
    name: 'day of week',
    min: 0,
    max: 7,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    base: 0,
  },
] as const;

type Field = (typeof FIELDS)[number];

function value(token: string, field: Field): number | null {
  if (/^\d{1,2}$/.test(token)) {
    const n = Number(token);
    return n >= field.min && n <= field.max ? n : null;
  }
  if ('names' in field) {
    const i = (field.names as readonly string[]).indexOf(token.toUpperCase());
    return i >= 0 ? i + field.base : null;
  }
  return null;
}

function checkItem(item: string, field: Field): boolean {
  const [range, step, extra] = item.split('/');
  if (extra !== undefined || range === undefined || range === '') return false;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
  if (range === '*') return true;
  const bounds = range.split('-');
  if (bounds.length > 2) return false;
  const numbers = bounds.map((b) => value(b, field));
  if (numbers.some((n) => n === null)) return false;
  return numbers.length === 1 || numbers[0]! <= numbers[1]!;
}

export function cronError(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length || parts[0] === '') {
    return `cron must have 5 fields (minute hour day-of-month month day-of-week), got ${parts[0] === '' ? 0 : parts.length}.`;
  }
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    const part = parts[i]!;
    if (!part.split(',').every((item) => checkItem(item, field))) {
      return `cron field ${i + 1} (${field.name}) "${part}" is not valid: use *, a number from ${field.min} to ${field.max}, a range a-b, a list a,b or a step */n.`;
    }
  }
  return null;
}
