import type { Language } from './dictionary.js';

/** The word forms of a noun by plural category (ru uses one/few/many, en one/other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>>;

/** The form of a noun that goes with `n` in `lang`, by `Intl.PluralRules`. */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  const form = new Intl.PluralRules(lang).select(n);
  return forms[form] ?? forms.other ?? forms.many ?? '';
}

/** `n` formatted for `lang` with the noun in the matching form: "1 234 инициативы", "1 case". */
export function counted(lang: Language, n: number, forms: Record<Language, PluralForms>): string {
  return `${new Intl.NumberFormat(lang).format(n)} ${plural(lang, n, forms[lang])}`;
}
