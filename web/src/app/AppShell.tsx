import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';
import type { UserRole } from '../gql/graphql.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useI18n } from '../i18n/i18n.js';
import { useShellText } from './app.i18n.js';
import { navFor } from './routes.js';

const ViewerNameQuery = graphql(`
  query ViewerName($id: ID!) {
    user(id: $id) {
      id
      name
    }
  }
`);

interface ShellViewer {
  kind: string;
  role?: UserRole | null;
  userId?: string | null;
}

/**
 * Header (who is signed in, in which role; the surfaces that role uses; language; sign-out),
 * a skip link to the content, and the page itself in `<main>`.
 */
export function AppShell(props: {
  viewer: ShellViewer | null;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const text = useShellText();
  const { viewer } = props;
  const userId = viewer?.userId ?? '';
  // The name is the API's to tell; a role that may not read users simply shows no name.
  const [{ data }] = useQuery({
    query: ViewerNameQuery,
    variables: { id: userId },
    pause: !userId,
  });
  const name = data?.user?.name;
  const role = viewer?.role ?? null;
  const signedIn = viewer !== null && viewer.kind !== 'anonymous';
  return (
    <>
      <a className="skip-link" href="#content">
        {text.skipLink}
      </a>
      <header className="app-header">
        <div>
          <p className="app-title">{t.app.title}</p>
          <p className="tagline">{t.app.tagline}</p>
        </div>
        {signedIn && (
          <nav aria-label={text.navigation} className="app-nav">
            <ul>
              {navFor(role).map((surface) => (
                <li key={surface.path}>
                  {surface.external ? (
                    <a href={surface.path}>{text.nav[surface.nav ?? 'board']}</a>
                  ) : (
                    <NavLink to={surface.path}>{text.nav[surface.nav ?? 'board']}</NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          {signedIn && (
            <p className="viewer" aria-label={text.signedInAs}>
              {name && <span className="viewer-name">{name}</span>}{' '}
              <span className="viewer-role">{role ? text.role[role] : text.tokenViewer}</span>
            </p>
          )}
          {signedIn && props.onSignOut && (
            <button type="button" className="sign-out" onClick={props.onSignOut}>
              {t.signIn.signOut}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main className="app-main" id="content" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
