import { FeedbackPage } from './features/feedback/FeedbackPage.js';
import { LanguageSwitch } from './i18n/LanguageSwitch.js';
import { useI18n } from './i18n/i18n.js';

/** The app shell. Later surfaces (board, dashboard, inbox, council portal) become routes here. */
export function App() {
  const { t } = useI18n();
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t.app.title}</h1>
          <p className="tagline">{t.app.tagline}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <FeedbackPage />
      </main>
    </>
  );
}
