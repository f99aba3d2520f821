import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, languages, type Dictionary, type Language } from './dictionary.js';

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t: Dictionary;
  /** A date-time in the UI language, or the "not given" mark. */
  dateTime(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = 'cx-hub.lang';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  const preferred = stored ?? window.navigator.language.slice(0, 2);
  return languages.find((lang) => lang === preferred) ?? 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
    window.localStorage.setItem(storageKey, lang);
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const t = dictionaries[lang];
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      setLang,
      t,
      dateTime: (iso) => (iso ? format.format(new Date(iso)) : t.common.notGiven),
    };
  }, [lang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
