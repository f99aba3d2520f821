import type { ClientAccount } from '../modules/client/client-account.entity.js';
import type { Contact } from '../modules/client/contact.entity.js';
import type { User } from '../modules/organisation/user.entity.js';
import type { Row } from './dataset.js';
import type { LatentAccount } from './model.js';
import type { Random } from './random.js';
import type { ReferenceIds } from './reference-data.js';

export interface AccountModel extends LatentAccount {
  row: Row<ClientAccount>;
  segmentCode: string;
  locale: 'ru' | 'en';
  /** Relative feedback and revenue volume (enterprise accounts talk and buy more). */
  volume: number;
  councilId: string | undefined;
  contacts: Row<Contact>[];
}

/** What the generator parts share: the seeded randomness, the calendar and the company so far. */
export interface GenContext {
  rng: Random;
  scale: number;
  tag: string;
  /** Midnight UTC of "today". */
  anchor: Date;
  /** The 12 months (`YYYY-MM`) before the anchor's month, oldest first. */
  periods: string[];
  /** Start of the first period. */
  windowStart: Date;
  ref: (kind: keyof ReferenceIds, code: string) => string;
  users: { cx: Row<User>[]; sales: Row<User>[]; byDepartment: Map<string, Row<User>[]> };
  accounts: AccountModel[];
  segmentIds: Map<string, string>;
}

export const DAY_MS = 86_400_000;

export function periodOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function monthStart(period: string): Date {
  return new Date(`${period}-01T00:00:00.000Z`);
}

/** Month index of a date relative to the first period (may be 12 for the current month). */
export function monthIndex(ctx: GenContext, date: Date): number {
  const d = date.getUTCFullYear() * 12 + date.getUTCMonth();
  return d - (ctx.windowStart.getUTCFullYear() * 12 + ctx.windowStart.getUTCMonth());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** ASCII slug for e-mail addresses and domains. */
export function slug(text: string): string {
  return [...text.toLowerCase()]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
