import { newStemmer } from 'snowball-stemmers';

const russian = newStemmer('russian');
const english = newStemmer('english');

/** Words that open a negation scope; "n't" is spelled out as "not" before tokenising. */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'zero',
  'without',
  'не',
  'нет',
  'ни',
  'без',
  'никто',
  'ничего',
  'никогда',
  'никаких',
  'никакой',
]);

/** How many words after a negator are marked, unless punctuation closes the scope first. */
export const NEGATION_SCOPE = 3;
/** The mark put in front of a negated stem: `no delays` reads as `no ¬delay`. */
export const NEGATED = '¬';

const TOKEN = /[\p{L}\p{N}]+|[.,;:!?()]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const DIGITS = /^\p{N}+$/u;

/** Lower case, `ё` as `е`, "n't" spelled out, so that both languages stem the same way. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/n['’]t\b/g, ' not');
}

/** One word's Snowball stem, by its script (so mixed-language texts stem each word right). */
export function stemOf(word: string): string {
  if (DIGITS.test(word)) return '<n>';
  if (CYRILLIC.test(word) && !LATIN.test(word)) return russian.stem(word);
  if (LATIN.test(word) && !CYRILLIC.test(word)) return english.stem(word);
  return word;
}

/** A word of the text: its surface form and stem, and whether a negation governs it. */
export interface Token {
  word: string;
  stem: string;
  negated: boolean;
}

/**
 * Words with stems and negation scope: a negator marks up to `NEGATION_SCOPE` following
 * words, and punctuation ends the scope ("no delays, but the bags were torn": "torn" is not
 * negated). The negator itself stays a plain word.
 */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let scope = 0;
  for (const match of normalise(text).matchAll(TOKEN)) {
    const word = match[0];
    if (/^[.,;:!?()]$/.test(word)) {
      scope = 0;
      continue;
    }
    const negator = NEGATORS.has(word);
    tokens.push({ word, stem: stemOf(word), negated: !negator && scope > 0 });
    if (negator) scope = NEGATION_SCOPE;
    else if (scope > 0) scope--;
  }
  return tokens;
}

/** The feature families and what each catches. */
export interface FeatureOptions {
  /** Word bigrams of stems: "used to", "стало хуже", "не пришла". */
  bigrams: boolean;
  /** Character n-gram lengths inside words, for typos and mixed spellings ("delivry", "качесво"). */
  charGrams: readonly number[];
}

export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, charGrams: [3, 4] };

const mark = (t: Token, s: string) => (t.negated ? NEGATED + s : s);

/**
 * The text's features as a set (presence, not counts: short texts repeat little, and one
 * word said twice should not count twice). Prefixes keep the families apart: `w:` stems,
 * `b:` bigrams, `c:` character n-grams (of the word with `^`/`$` at its ends).
 */
export function features(text: string, options: FeatureOptions = DEFAULT_FEATURES): string[] {
  const tokens = tokenise(text);
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    out.add(`w:${mark(t, t.stem)}`);
    const next = tokens[i + 1];
    if (options.bigrams && next) out.add(`b:${mark(t, t.stem)}_${mark(next, next.stem)}`);
    if (t.stem === '<n>') return;
    const padded = `^${t.word}$`;
    for (const n of options.charGrams) {
      for (let k = 0; k + n <= padded.length; k++) out.add(`c:${mark(t, padded.slice(k, k + n))}`);
    }
  });
  return [...out];
}
