/** What erased personal data reads as wherever it stood. */
export const ERASED = '[erased]';

/** Shorter feedback texts are too common to hunt for elsewhere (their own rows are cleared anyway). */
export const MIN_TEXT_NEEDLE = 24;

/**
 * What to look for in free text: a person's identifiers, matched in any case (`Olga Petrova`,
 * `OLGA@CLIENT.EXAMPLE`), and their own long texts, matched exactly (a verbatim copy).
 */
export interface Needles {
  identity: string[];
  texts: string[];
}

export interface PersonIdentifiers {
  name: string;
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
}

/**
 * The needles for one contact. A one-word name (`Olga`) is not searched for: it would erase
 * every other Olga's mention too; a full name, an e-mail, a phone number and an external id
 * single a person out.
 */
export function needlesFor(person: PersonIdentifiers, texts: (string | null)[]): Needles {
  const name = person.name.trim();
  const identity = [
    name.split(/\s+/).length >= 2 ? name : null,
    person.email?.trim(),
    person.phone && person.phone.replace(/\D/g, '').length >= 5 ? person.phone.trim() : null,
    person.externalId && person.externalId.trim().length >= 4 ? person.externalId.trim() : null,
  ];
  return {
    identity: unique(identity),
    texts: unique(texts.map((t) => t?.trim()).filter((t) => (t?.length ?? 0) >= MIN_TEXT_NEEDLE)),
  };
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A needle as a whole word: not glued to letters or digits on either side (`Li` is not in `Lisbon`). */
function wholeWords(needles: string[], flags: string): RegExp | null {
  if (needles.length === 0) return null;
  // Longest first, so a full text wins over a name inside it.
  const alternatives = [...needles].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** Replaces every needle in free text with `[erased]`. */
export function scrubText(text: string, needles: Needles): string {
  let out = text;
  const texts = wholeWords(needles.texts, 'gu');
  const identity = wholeWords(needles.identity, 'giu');
  if (texts) out = out.replace(texts, ERASED);
  if (identity) out = out.replace(identity, ERASED);
  return out;
}

/** The same for every string inside a JSON value (objects and arrays at any depth). */
export function scrubJson(value: unknown, needles: Needles): unknown {
  if (typeof value === 'string') return scrubText(value, needles);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, needles)]));
}

/** The forms a needle takes inside stored JSON (quotes, backslashes and newlines escaped). */
export function jsonForms(needle: string): string[] {
  const escaped = JSON.stringify(needle).slice(1, -1);
  return escaped === needle ? [needle] : [needle, escaped];
}
