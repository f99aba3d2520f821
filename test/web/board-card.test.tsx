// @vitest-environment jsdom
import { DndContext } from '@dnd-kit/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardCard, type BoardInitiative } from '../../web/src/features/board/BoardCard.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

const review = (id: string, council: string, decision: string) => ({
  __typename: 'CouncilReview' as const,
  id,
  decision,
  council: { __typename: 'AdvisoryCouncil' as const, id: council, name: `Council ${council}` },
});

const initiative = {
  __typename: 'Initiative',
  id: 'i1',
  code: 'INI-0001',
  title: 'Faster invoices',
  status: 'ACTIVE',
  processGroup: 'IMPLEMENT',
  openTaskCount: 3,
  owner: { __typename: 'User', id: 'u1', name: 'Olga Owner' },
  affectedAccounts: ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'].map((name, n) => ({
    __typename: 'ClientAccount',
    id: `a${n}`,
    name,
  })),
  tasks: [
    { __typename: 'InitiativeTask', id: 't1', overdue: true },
    { __typename: 'InitiativeTask', id: 't2', overdue: false },
  ],
  notifications: [
    {
      __typename: 'ClientNotification',
      id: 'n1',
      createdAt: '2026-03-01T10:00:00.000Z',
      sentAt: '2026-03-01T10:05:00.000Z',
      status: 'SENT',
    },
  ],
  // Newest first, as the API lists them.
  councilReviews: [
    review('r3', 'A', 'APPROVED'),
    review('r2', 'B', 'PENDING'),
    review('r1', 'A', 'CHANGES_REQUESTED'),
  ],
} as unknown as BoardInitiative;

function renderCard() {
  return render(
    <I18nProvider>
      <MemoryRouter>
        <DndContext>
          <ul>
            <BoardCard
              initiative={initiative}
              column="IMPLEMENT"
              columns={['ANALYSE', 'IMPLEMENT', 'MONITOR']}
              state={undefined}
              onMove={() => undefined}
            />
          </ul>
        </DndContext>
      </MemoryRouter>
    </I18nProvider>,
  );
}

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('a board card', () => {
  it('shows owner, accounts, open and overdue tasks, the last notification and each council’s state', () => {
    renderCard();
    const card = within(screen.getByTestId('card-INI-0001'));
    expect(card.getByText(/Olga Owner/)).toBeTruthy();
    const facts = Object.fromEntries(
      card
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
    );
    expect(facts.Accounts).toBe('5: Acme, Globex, Initech and 2 more');
    expect(facts['Open tasks']).toBe('3 · Overdue: 1');
    expect(facts['Last client notification']).toContain('sent');
    // Council A's newest review counts, not its older request for changes.
    expect(facts.Council).toBe('Council A: Approved; Council B: Review pending');
  });

  it('says the same in Russian', () => {
    window.localStorage.setItem('cx-hub.lang', 'ru');
    renderCard();
    const card = within(screen.getByTestId('card-INI-0001'));
    expect(card.getByText(/и ещё 2/)).toBeTruthy();
    expect(card.getByText('Council A: Одобрено; Council B: Ждёт решения')).toBeTruthy();
  });
});
