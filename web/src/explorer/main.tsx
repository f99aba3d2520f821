import './setup-workers.js';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { csrfToken } from '../client.js';
import { I18nProvider, useI18n } from '../i18n/i18n.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { hubFetcher, type ExplorerProblem } from './fetcher.js';
import './explorer.css';

/** GraphiQL over the hub's `/graphql`, with a clear note when the hub refuses introspection. */
function Explorer() {
  const { t } = useI18n();
  const [refused, setRefused] = useState<ExplorerProblem[] | null>(null);
  const fetcher = useMemo(() => hubFetcher({ csrfToken, onIntrospectionRefused: setRefused }), []);
  return (
    <div className="explorer">
      <header className="explorer-bar">
        <h1>{t.dashboard.explorer.title}</h1>
        <p>{t.dashboard.explorer.intro}</p>
        <a href="/">{t.dashboard.explorer.back}</a>
        <LanguageSwitch />
      </header>
      {refused && (
        <div className="explorer-refused" role="alert">
          <p>{t.dashboard.explorer.introspectionRefused}</p>
          <ul>
            {refused.map((problem, i) => (
              <li key={i}>
                <code>{problem.code}</code> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <main className="explorer-main">
        <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility={false} />
      </main>
    </div>
  );
}

const root = document.getElementById('explorer-root');
if (!root) throw new Error('explorer.html has no #explorer-root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Explorer />
    </I18nProvider>
  </StrictMode>,
);
