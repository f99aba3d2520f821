// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { AppShell } from '../../web/src/app/AppShell.js';
import { homePath } from '../../web/src/app/routes.js';
import { InitiativePage } from '../../web/src/features/initiative/InitiativePage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

const detail = {
  id: 'i1',
  code: 'INI-0007',
  title: 'Faster invoices',
  problem: 'Invoices arrive late',
  status: 'ACTIVE',
  processGroup: 'MONITOR',
  revision: 1,
  dueAt: null,
  expectedEffect: 'NPS +5',
  holdReason: null,
  cancelReason: null,
  owner: { id: 'u1', name: 'Olga Owner' },
  analysis: {
    id: 'an1',
    title: 'Complaints Pareto, Q1',
    kind: 'PARETO',
    summary: 'Billing causes 62% of complaints',
    periodFrom: '2026-01',
    periodTo: '2026-03',
    createdAt: '2026-04-01T00:00:00Z',
  },
  feedback: [
    {
      id: 'f1',
      receivedAt: '2026-03-02T10:00:00Z',
      channel: 'COMPLAINT',
      npsScore: 3,
      text: 'The invoice came a month late',
      account: { id: 'a1', name: 'Acme' },
    },
  ],
  tasks: [
    {
      id: 't1',
      title: 'Automate invoice run',
      status: 'OPEN',
      dueAt: '2026-05-01T00:00:00Z',
      overdue: true,
      escalationLevel: 2,
      escalatedAt: '2026-05-04T00:00:00Z',
      department: { id: 'd1', name: 'Finance' },
    },
  ],
  notifications: [
    {
      id: 'n1',
      subject: 'We are on it',
      status: 'SENT',
      createdAt: '2026-04-02T00:00:00Z',
      sentAt: '2026-04-02T00:01:00Z',
      account: { id: 'a1', name: 'Acme' },
    },
  ],
  councilReviews: [
    {
      id: 'r1',
      decision: 'APPROVED',
      revision: 1,
      createdAt: '2026-04-10T00:00:00Z',
      decidedAt: '2026-04-12T00:00:00Z',
      comments: null,
      council: { id: 'c1', name: 'Chemicals council' },
    },
  ],
  targets: [
    {
      id: 'tg1',
      baseline: 20,
      targetValue: 25,
      expectedDelta: 5,
      metric: { id: 'm1', code: 'NPS', name: 'Net promoter score', nameRu: null, unit: 'pt' },
    },
  ],
  effects: [
    {
      measure: 'NPS',
      status: 'ESTIMATED',
      targeted: true,
      expectedDelta: 5,
      differenceInDifferences: 4.25,
      intervalLow: 1.5,
      intervalHigh: 7,
      expectedWithinInterval: true,
      afterFrom: '2026-04',
      afterTo: '2026-06',
    },
  ],
};

function client(data: Record<string, unknown>): Client {
  return {
    executeQuery: (operation: unknown) =>
      fromValue({ operation, data, stale: false, hasNext: false }),
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
}

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('the initiative page', () => {
  it('shows evidence, tasks, a timeline and expected against measured effect', () => {
    render(
      <Provider value={client({ initiative: detail })}>
        <I18nProvider>
          <MemoryRouter initialEntries={['/initiatives/i1']}>
            <Routes>
              <Route path="/initiatives/:id" element={<InitiativePage />} />
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </Provider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('INI-0007');
    const evidence = screen.getByRole('region', { name: 'Evidence' });
    expect(within(evidence).getByText(/Complaints Pareto, Q1/)).toBeTruthy();
    expect(within(evidence).getByText('The invoice came a month late')).toBeTruthy();
    const tasks = screen.getByRole('region', { name: 'Tasks' });
    expect(within(tasks).getByText('Finance')).toBeTruthy();
    expect(within(tasks).getByText(/overdue/)).toBeTruthy();
    const timeline = within(screen.getByRole('region', { name: 'Timeline' })).getAllByRole(
      'listitem',
    );
    // Newest first: the escalation (May), the council's decision (12 April), the notification (2 April).
    expect(timeline.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Escalation',
      'Council review',
      'Client notification',
    ]);
    const effects = screen.getByRole('region', { name: 'Targets and effect' });
    expect(within(effects).getByText('4.25')).toBeTruthy();
    expect(within(effects).getByText('1.5 … 7')).toBeTruthy();
  });

  it('says so when the initiative does not exist', () => {
    render(
      <Provider value={client({ initiative: null })}>
        <I18nProvider>
          <MemoryRouter initialEntries={['/initiatives/nope']}>
            <Routes>
              <Route path="/initiatives/:id" element={<InitiativePage />} />
            </Routes>
          </MemoryRouter>
        </I18nProvider>
      </Provider>,
    );
    expect(screen.getByText(/There is no such initiative/)).toBeTruthy();
  });
});

describe('the app shell', () => {
  const shell = (role: 'CX_MANAGER' | 'DEPARTMENT_MEMBER' | 'COUNCIL_MEMBER') =>
    render(
      <Provider value={client({ user: { id: 'u1', name: 'Olga Owner' } })}>
        <I18nProvider>
          <MemoryRouter>
            <AppShell viewer={{ kind: 'user', role, userId: 'u1' }}>
              <p>page</p>
            </AppShell>
          </MemoryRouter>
        </I18nProvider>
      </Provider>,
    );

  it('shows the CX office its five surfaces, with the viewer’s name and role', () => {
    shell('CX_MANAGER');
    const nav = screen.getByRole('navigation', { name: 'Surfaces' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Initiative board', 'Cases', 'Dashboard', 'Feedback', 'API explorer']);
    expect(screen.getByText('Olga Owner')).toBeTruthy();
    expect(screen.getByText('CX office manager')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      '#content',
    );
  });

  it('shows a department member only the inbox and a council member only the portal', () => {
    shell('DEPARTMENT_MEMBER');
    expect(
      within(screen.getByRole('navigation'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Inbox']);
    cleanup();
    shell('COUNCIL_MEMBER');
    expect(
      within(screen.getByRole('navigation'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Council portal']);
    expect([
      homePath('CX_ADMIN'),
      homePath('DEPARTMENT_MEMBER'),
      homePath('COUNCIL_MEMBER'),
    ]).toEqual(['/board', '/inbox', '/council']);
  });
});
