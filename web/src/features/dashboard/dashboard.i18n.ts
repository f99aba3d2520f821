import type { Language } from '../../i18n/dictionary.js';
import { useI18n } from '../../i18n/i18n.js';
import { counted } from '../../i18n/plural.js';

/** Dashboard texts added with the demo fixes (Russian must have every key). */
const en = {
  paretoDrawn: (shown: number, total: number, lang: Language) =>
    `The ${new Intl.NumberFormat(lang).format(shown)} largest of ${counted(lang, total, {
      en: { one: 'cause', other: 'causes' },
      ru: {},
    })} are drawn; all are listed for screen readers.`,
};

type DashboardText = typeof en;

const ru: DashboardText = {
  paretoDrawn: (shown, total, lang) =>
    `На графике ${new Intl.NumberFormat(lang).format(shown)} крупнейших из ${counted(lang, total, {
      en: {},
      ru: { one: 'причины', few: 'причин', many: 'причин', other: 'причины' },
    })}; для экранного диктора перечислены все.`,
};

const texts: Record<Language, DashboardText> = { en, ru };

export function useDashboardText(): DashboardText {
  return texts[useI18n().lang];
}
