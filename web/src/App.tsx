import { SignInForm } from './features/auth/SignInForm.js';
import { useViewer } from './features/auth/useViewer.js';
import { FeedbackPage } from './features/feedback/FeedbackPage.js';
import { LanguageSwitch } from './i18n/LanguageSwitch.js';
import { useI18n } from './i18n/i18n.js';

/** The app shell. Later surfaces (board, dashboard, inbox, council portal) become routes here. */
export function App() {
  const { t } = useI18n();
  const { viewer, fetching, signOut } = useViewer();
  const signedIn = viewer && viewer.kind !== 'anonymous';
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t.app.title}</h1>
          <p className="tagline">{t.app.tagline}</p>
        </div>
        <div className="header-tools">
          {signedIn && (
            <button type="button" className="sign-out" onClick={() => void signOut()}>
              {t.signIn.signOut}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main className="app-main">
        {fetching && !viewer ? (
          <p>{t.common.loading}</p>
        ) : signedIn ? (
          <FeedbackPage />
        ) : (
          <SignInForm onSignedIn={() => window.location.reload()} />
        )}
      </main>
    </>
  );
}
