// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { Kind, type DocumentNode } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Provider, type Client, type OperationContext, type OperationResult } from 'urql';
import { fromValue, makeSubject, never, type Subject } from 'wonka';
import { BoardPage } from '../../web/src/features/board/BoardPage.js';
import { InitiativePage } from '../../web/src/features/initiative/InitiativePage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

interface Request {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

function operationName(query: DocumentNode): string | undefined {
  const def = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return def && 'name' in def ? def.name?.value : undefined;
}

function card(overdueTasks: number) {
  return {
    __typename: 'Initiative',
    id: 'i1',
    code: 'INI-0001',
    title: 'Faster invoices',
    status: 'ACTIVE',
    processGroup: 'IMPLEMENT',
    openTaskCount: overdueTasks,
    owner: null,
    affectedAccounts: [],
    tasks: Array.from({ length: overdueTasks }, (_, n) => ({
      __typename: 'InitiativeTask',
      id: `t${n}`,
      overdue: true,
    })),
    notifications: [],
    councilReviews: [],
  };
}

/**
 * A stand-in for the network: the board query answers with the server's current state (`overdue`
 * tasks), and each subscription is a subject the test pushes events into.
 */
function liveClient() {
  const state = { overdue: 2 };
  const queries: { request: Request; context?: Partial<OperationContext> }[] = [];
  const subjects = new Map<string, Subject<Partial<OperationResult>>>();
  const subscribed: Request[] = [];
  const client = {
    executeQuery: (request: Request, context?: Partial<OperationContext>) => {
      queries.push({ request, context });
      if (operationName(request.query) !== 'BoardInitiatives') return never;
      const data = {
        initiatives: {
          __typename: 'InitiativeConnection',
          totalCount: 1,
          nodes: [card(state.overdue)],
        },
      };
      return fromValue({ operation: request, data, stale: false, hasNext: false });
    },
    executeMutation: () => never,
    executeSubscription: (request: Request) => {
      const name = operationName(request.query) ?? '';
      subscribed.push(request);
      const subject = makeSubject<Partial<OperationResult>>();
      subjects.set(name, subject);
      return subject.source;
    },
  } as unknown as Client;
  const push = (name: string, data: unknown) =>
    act(() => subjects.get(name)?.next({ data, stale: false, hasNext: true }));
  return { client, state, queries, subscribed, push };
}

const taskDone = (initiativeId: string) => ({
  taskChanged: {
    __typename: 'InitiativeTask',
    id: 't0',
    status: 'DONE',
    overdue: false,
    updatedAt: '2026-12-01T10:00:00.000Z',
    initiative: { __typename: 'Initiative', id: initiativeId },
  },
});

function renderAt(client: Client, url: string) {
  return render(
    <Provider value={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/board" element={<BoardPage />} />
            <Route path="/initiatives/:id" element={<InitiativePage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('the live board', () => {
  it('follows initiative and task changes while it is shown', () => {
    const { client, subscribed } = liveClient();
    renderAt(client, '/board');
    expect(subscribed.map((r) => operationName(r.query)).sort()).toEqual([
      'LiveInitiativeChanged',
      'LiveTaskChanged',
    ]);
  });

  it('asks the server again when a task changes elsewhere, and shows the new counts', () => {
    const { client, state, queries, push } = liveClient();
    renderAt(client, '/board');
    expect(within(screen.getByTestId('card-INI-0001')).getByText(/Overdue: 2/)).toBeTruthy();
    const before = queries.filter((q) => operationName(q.request.query) === 'BoardInitiatives');

    state.overdue = 1;
    push('LiveTaskChanged', taskDone('i1'));

    const after = queries.filter((q) => operationName(q.request.query) === 'BoardInitiatives');
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)?.context?.requestPolicy).toBe('network-only');
    expect(within(screen.getByTestId('card-INI-0001')).getByText(/Overdue: 1/)).toBeTruthy();
  });

  it('reads again at once on an initiative change, and once more after a burst', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { client, queries, push } = liveClient();
      renderAt(client, '/board');
      const count = () =>
        queries.filter(
          (q) =>
            operationName(q.request.query) === 'BoardInitiatives' &&
            q.context?.requestPolicy === 'network-only',
        ).length;
      const moved = (revision: number) => ({
        initiativeChanged: {
          __typename: 'Initiative',
          id: 'i1',
          revision,
          status: 'ACTIVE',
          processGroup: 'MONITOR',
          updatedAt: '2026-12-01T10:00:00.000Z',
        },
      });
      push('LiveInitiativeChanged', moved(2));
      expect(count()).toBe(1);
      // A burst within the gap is one more read when the gap ends, not one per push.
      for (const revision of [3, 4, 5, 6]) push('LiveInitiativeChanged', moved(revision));
      expect(count()).toBe(1);
      act(() => {
        vi.advanceTimersByTime(500);
      });
      expect(count()).toBe(2);
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      expect(count()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the live initiative page', () => {
  it('follows only its own initiative, and ignores tasks of other initiatives', () => {
    const { client, queries, subscribed, push } = liveClient();
    renderAt(client, '/initiatives/i1');
    const live = subscribed.find((r) => operationName(r.query) === 'LiveInitiativeChanged');
    expect(live?.variables).toEqual({ filter: { ids: ['i1'] } });
    const detail = () =>
      queries.filter((q) => operationName(q.request.query) === 'InitiativeDetail').length;
    const before = detail();
    push('LiveTaskChanged', taskDone('i2'));
    expect(detail()).toBe(before);
    push('LiveTaskChanged', taskDone('i1'));
    expect(detail()).toBe(before + 1);
  });
});
