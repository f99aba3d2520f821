// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Kind, type DocumentNode } from 'graphql';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { fromValue, never } from 'wonka';
import { BoardPage } from '../../web/src/features/board/BoardPage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

interface Fixture {
  id: string;
  code: string;
  title: string;
  status: string;
  processGroup: string;
  overdue?: number;
}

function initiative(f: Fixture) {
  return {
    __typename: 'Initiative',
    id: f.id,
    code: f.code,
    title: f.title,
    status: f.status,
    processGroup: f.processGroup,
    openTaskCount: 2,
    owner: { __typename: 'User', id: 'u1', name: 'Olga Owner' },
    affectedAccounts: [
      { __typename: 'ClientAccount', id: 'a1', name: 'Acme' },
      { __typename: 'ClientAccount', id: 'a2', name: 'Globex' },
    ],
    tasks: Array.from({ length: f.overdue ?? 0 }, (_, n) => ({
      __typename: 'InitiativeTask',
      id: `${f.id}-t${n}`,
      overdue: true,
    })),
    notifications: [],
    councilReviews: [],
  };
}

const board = [
  initiative({
    id: 'i1',
    code: 'INI-0001',
    title: 'Faster invoices',
    status: 'ACTIVE',
    processGroup: 'IMPLEMENT',
    overdue: 1,
  }),
  initiative({
    id: 'i2',
    code: 'INI-0002',
    title: 'Clearer onboarding',
    status: 'PROPOSED',
    processGroup: 'ANALYSE',
  }),
  initiative({
    id: 'i3',
    code: 'INI-0003',
    title: 'Old portal',
    status: 'CANCELLED',
    processGroup: 'MONITOR',
  }),
];

function operationName(query: DocumentNode): string | undefined {
  const def = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return def && 'name' in def ? def.name?.value : undefined;
}

interface Request {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/** A stand-in for the network only: answers each operation from the given table. */
function stubClient(mutation: (request: Request) => Partial<OperationResult>) {
  const queries: Request[] = [];
  const executeMutation = vi.fn((request: Request) =>
    fromValue({ operation: request, stale: false, hasNext: false, ...mutation(request) }),
  );
  const client = {
    executeQuery: (request: Request) => {
      queries.push(request);
      const name = operationName(request.query);
      const data =
        name === 'BoardInitiatives'
          ? {
              initiatives: {
                __typename: 'InitiativeConnection',
                totalCount: board.length,
                nodes: board,
              },
            }
          : name === 'BoardFilterOptions'
            ? {
                segments: { nodes: [{ id: 'seg1', name: 'Chemicals, mid-size' }] },
                users: { nodes: [{ id: 'u1', name: 'Olga Owner' }] },
                processClasses: {
                  nodes: [{ id: 'pc1', code: 'BILL', name: 'Billing', nameRu: 'Счета' }],
                },
              }
            : null;
      return data ? fromValue({ operation: request, data, stale: false, hasNext: false }) : never;
    },
    executeMutation,
    executeSubscription: () => never,
  } as unknown as Client;
  return { client, executeMutation, queries };
}

const boardQueries = (queries: Request[]) =>
  queries.filter((q) => operationName(q.query) === 'BoardInitiatives');

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderBoard(client: Client, url = '/board') {
  return render(
    <Provider value={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/board" element={<BoardPage />} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

const moved = (request: Request) => ({
  data: {
    moveInitiative: {
      __typename: 'Initiative',
      id: request.variables.id,
      processGroup: request.variables.processGroup,
      status: 'ACTIVE',
      revision: 1,
    },
  },
});

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('the initiative board', () => {
  it('puts each card in the column of its process group, closed and cancelled ones under Closed', () => {
    renderBoard(stubClient(moved).client);
    expect(
      within(screen.getByTestId('column-IMPLEMENT')).getByTestId('card-INI-0001'),
    ).toBeTruthy();
    expect(within(screen.getByTestId('column-ANALYSE')).getByTestId('card-INI-0002')).toBeTruthy();
    expect(within(screen.getByTestId('column-CLOSED')).getByTestId('card-INI-0003')).toBeTruthy();
    expect(within(screen.getByTestId('column-MONITOR')).queryByTestId('card-INI-0003')).toBeNull();
    const card = screen.getByTestId('card-INI-0001');
    expect(within(card).getByText(/Acme, Globex/)).toBeTruthy();
    expect(within(card).getByText(/Overdue: 1/)).toBeTruthy();
  });

  it('moves a card from the keyboard with the moveInitiative mutation', () => {
    const { client, executeMutation } = stubClient(moved);
    renderBoard(client);
    const card = screen.getByTestId('card-INI-0002');
    fireEvent.change(within(card).getByLabelText(/Move to… INI-0002/), {
      target: { value: 'IMPLEMENT' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Move' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('MoveInitiative');
    expect(request?.variables).toMatchObject({ id: 'i2', processGroup: 'IMPLEMENT' });
  });

  it('closes through closeInitiative when the card goes to Closed', () => {
    const { client, executeMutation } = stubClient(() => ({
      data: {
        closeInitiative: {
          __typename: 'Initiative',
          id: 'i1',
          processGroup: 'MONITOR',
          status: 'CLOSED',
          closedAt: null,
        },
      },
    }));
    renderBoard(client);
    const card = screen.getByTestId('card-INI-0001');
    fireEvent.change(within(card).getByLabelText(/Move to…/), { target: { value: 'CLOSED' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Move' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('CloseInitiative');
    expect(request?.variables).toMatchObject({ id: 'i1' });
  });

  it('shows the server’s refusal in words next to the card, in the chosen language', async () => {
    window.localStorage.setItem('cx-hub.lang', 'ru');
    const refusal = new CombinedError({
      graphQLErrors: [
        {
          message: 'INI-0001 has 2 open tasks.',
          extensions: { code: 'CONFLICT', reason: 'OPEN_TASKS' },
        },
      ],
    });
    renderBoard(stubClient(() => ({ error: refusal })).client);
    const card = screen.getByTestId('card-INI-0001');
    fireEvent.change(within(card).getByLabelText(/Перенести в… INI-0001/), {
      target: { value: 'MONITOR' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Перенести' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('Есть открытые задачи: завершите или отмените их.');
    expect(alert.textContent).toContain('INI-0001 has 2 open tasks.');
  });

  it('writes each filter into the URL and sends it with the query', () => {
    const { client, queries } = stubClient(moved);
    renderBoard(client, '/board?stage=USAGE');
    expect(boardQueries(queries).at(-1)?.variables).toMatchObject({ filter: { stage: 'USAGE' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'u1' } });
    expect(screen.getByTestId('location').textContent).toBe('/board?stage=USAGE&owner=u1');
    expect(boardQueries(queries).at(-1)?.variables).toMatchObject({
      filter: { stage: 'USAGE', ownerId: 'u1' },
    });
    fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'seg1' } });
    expect(boardQueries(queries).at(-1)?.variables).toMatchObject({
      filter: { stage: 'USAGE', ownerId: 'u1', segmentId: 'seg1' },
    });
    fireEvent.change(screen.getByLabelText('Journey stage'), { target: { value: '' } });
    expect(screen.getByTestId('location').textContent).toBe('/board?owner=u1&segment=seg1');
  });
});
