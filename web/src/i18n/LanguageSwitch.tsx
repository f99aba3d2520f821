import { languages, type Language } from './dictionary.js';
import { useI18n } from './i18n.js';

const names: Record<Language, string> = { en: 'English', ru: 'Русский' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="language-switch">
      <span>{t.app.language}</span>
      <select
        value={lang}
        onChange={(event) => setLang(languages.find((l) => l === event.target.value) ?? 'en')}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
