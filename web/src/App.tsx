import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppShell } from './app/AppShell.js';
import { useShellText } from './app/app.i18n.js';
import { homePath, routes } from './app/routes.js';
import { SignInForm } from './features/auth/SignInForm.js';
import { useViewer } from './features/auth/useViewer.js';
import { useI18n } from './i18n/i18n.js';
import './app/shell.css';

function NotFound() {
  return <p className="empty-state">{useShellText().notFound}</p>;
}

/** The web client: the shell around one route per surface (`app/routes.tsx`). */
export function App() {
  const { t } = useI18n();
  const { viewer, fetching, signOut } = useViewer();
  const signedIn = viewer !== null && viewer.kind !== 'anonymous';
  return (
    <BrowserRouter>
      <AppShell viewer={viewer} onSignOut={() => void signOut()}>
        {fetching && !viewer ? (
          <p>{t.common.loading}</p>
        ) : signedIn ? (
          <Routes>
            <Route path="/" element={<Navigate to={homePath(viewer.role)} replace />} />
            {routes.map((surface) => (
              <Route key={surface.path} path={surface.path} element={surface.element} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        ) : (
          <SignInForm onSignedIn={() => window.location.reload()} />
        )}
      </AppShell>
    </BrowserRouter>
  );
}
