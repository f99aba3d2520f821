// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Kind, type DocumentNode } from 'graphql';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { CaseDetailPage } from '../../web/src/features/cases/CaseDetailPage.js';
import { CasesPage } from '../../web/src/features/cases/CasesPage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

interface CaseFixture {
  id: string;
  responseClock: 'RUNNING' | 'OVERDUE' | 'MET' | 'MISSED';
  dueInHours: number;
  firstResponseInHours?: number;
}

function kase(f: CaseFixture) {
  return {
    __typename: 'Case',
    id: f.id,
    status: f.firstResponseInHours == null ? 'OPEN' : 'RESPONDED',
    reason: 'COMPLAINT',
    openedAt: hoursFromNow(-30),
    responseDueAt: hoursFromNow(f.dueInHours),
    responseClock: f.responseClock,
    firstResponseAt: f.firstResponseInHours == null ? null : hoursFromNow(f.firstResponseInHours),
    resolvedAt: null,
    remindedAt: null,
    escalatedAt: f.responseClock === 'OVERDUE' ? hoursFromNow(-1) : null,
    account: { __typename: 'ClientAccount', id: 'a1', name: 'Acme' },
    department: { __typename: 'Department', id: 'd1', name: 'Logistics' },
    owner: { __typename: 'User', id: 'u1', name: 'Olga Owner' },
  };
}

const fourCases = [
  kase({ id: 'c-running', responseClock: 'RUNNING', dueInHours: 5 }),
  kase({ id: 'c-overdue', responseClock: 'OVERDUE', dueInHours: -3 }),
  kase({ id: 'c-met', responseClock: 'MET', dueInHours: -10, firstResponseInHours: -20 }),
  kase({ id: 'c-missed', responseClock: 'MISSED', dueInHours: -10, firstResponseInHours: -2 }),
];

function operationName(query: DocumentNode): string | undefined {
  const def = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return def && 'name' in def ? def.name?.value : undefined;
}

interface Request {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/** A stand-in for the network: answers by operation name from `answers`, records the requests. */
function stubClient(answers: Record<string, Partial<OperationResult>>) {
  const queries: Request[] = [];
  const client = {
    executeQuery: (request: Request) => {
      queries.push(request);
      const answer = answers[operationName(request.query) ?? ''];
      // Like the network, the stream stays open after its answer (urql forgets an error on close).
      return answer
        ? concat([
            fromValue({ operation: request, stale: false, hasNext: false, ...answer }),
            never,
          ])
        : never;
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
  return { client, queries };
}

const listAnswer = (nodes: unknown[]) => ({
  data: {
    cases: {
      __typename: 'CaseConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      nodes,
    },
  },
});
const options = {
  data: {
    departments: {
      __typename: 'DepartmentConnection',
      nodes: [
        { __typename: 'Department', id: 'd1', name: 'Logistics' },
        { __typename: 'Department', id: 'd2', name: 'Quality' },
      ],
    },
  },
};

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderAt(client: Client, url: string) {
  return render(
    <Provider value={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/cases" element={<CasesPage />} />
            <Route path="/cases/:id" element={<CaseDetailPage />} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

const clockOf = (id: string) => within(screen.getByTestId(`case-${id}`)).getAllByRole('cell')[1];
const listQueries = (queries: Request[]) =>
  queries.filter((q) => operationName(q.query) === 'CasesList');
const formatted = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

beforeEach(() => {
  // Only the date is fixed: the clocks count from it, timers stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  window.localStorage.setItem('cx-hub.lang', 'en');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the cases list', () => {
  it('tells each SLA clock in words: time left, overdue by, met or missed, with the deadline as a date', () => {
    renderAt(
      stubClient({ CasesList: listAnswer(fourCases), CaseFilterOptions: options }).client,
      '/cases',
    );
    expect(clockOf('c-running')?.textContent).toBe(
      `5 hours left due ${formatted(hoursFromNow(5), 'en')}`,
    );
    expect(clockOf('c-overdue')?.textContent).toContain('Overdue by 3 hours');
    expect(clockOf('c-met')?.textContent).toContain('Met');
    expect(clockOf('c-met')?.textContent).toContain(
      `answered ${formatted(hoursFromNow(-20), 'en')}`,
    );
    expect(clockOf('c-missed')?.textContent).toContain('Missed');
    expect(within(screen.getByTestId('case-c-overdue')).getByText(/^Escalated /)).toBeTruthy();
    expect(screen.getByText('4 cases')).toBeTruthy();
  });

  it('speaks Russian with its plural forms', () => {
    window.localStorage.setItem('cx-hub.lang', 'ru');
    const nodes = [
      kase({ id: 'c-running', responseClock: 'RUNNING', dueInHours: 5 }),
      kase({ id: 'c-overdue', responseClock: 'OVERDUE', dueInHours: -3 }),
      kase({ id: 'c-days', responseClock: 'OVERDUE', dueInHours: -50 }),
    ];
    renderAt(
      stubClient({ CasesList: listAnswer(nodes), CaseFilterOptions: options }).client,
      '/cases',
    );
    expect(clockOf('c-running')?.textContent).toContain('Осталось: 5 часов');
    expect(clockOf('c-overdue')?.textContent).toContain('Просрочено: 3 часа');
    expect(clockOf('c-days')?.textContent).toContain('Просрочено: 2 дня');
    expect(screen.getByText('3 обращения')).toBeTruthy();
  });

  it('puts status, department, overdue and order into the URL and the query variables', () => {
    const { client, queries } = stubClient({
      CasesList: listAnswer(fourCases),
      CaseFilterOptions: options,
    });
    renderAt(client, '/cases?status=OPEN');
    expect(listQueries(queries).at(-1)?.variables).toMatchObject({
      filter: { statuses: ['OPEN'] },
      orderBy: { field: 'OPENED_AT', direction: 'DESC' },
    });
    fireEvent.change(screen.getByLabelText('Department'), { target: { value: 'd2' } });
    fireEvent.click(screen.getByLabelText('Only overdue'));
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'due' } });
    expect(screen.getByTestId('location').textContent).toBe(
      '/cases?status=OPEN&department=d2&overdue=1&sort=due',
    );
    expect(listQueries(queries).at(-1)?.variables).toEqual({
      filter: { statuses: ['OPEN'], departmentId: 'd2', overdueOnly: true },
      orderBy: { field: 'RESPONSE_DUE_AT', direction: 'ASC' },
      first: 50,
      after: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByTestId('location').textContent).toBe('/cases');
    expect(listQueries(queries).at(-1)?.variables).toMatchObject({ filter: {} });
  });

  it('says when there are no cases at all, and when none matches the filters', () => {
    const { client } = stubClient({ CasesList: listAnswer([]), CaseFilterOptions: options });
    renderAt(client, '/cases');
    expect(screen.getByText(/No cases yet/)).toBeTruthy();
    cleanup();
    renderAt(client, '/cases?overdue=1');
    expect(screen.getByText('No case matches these filters.')).toBeTruthy();
  });

  it('explains a failure with the server’s code and offers to try again', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const { client, queries } = stubClient({ CasesList: { error }, CaseFilterOptions: options });
    renderAt(client, '/cases');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load the cases.');
    expect(alert.textContent).toContain('UNAUTHENTICATED');
    expect(alert.textContent).toContain('Sign in first.');
    const before = listQueries(queries).length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(listQueries(queries).length).toBe(before + 1);
  });
});

describe('the case page', () => {
  const detail = {
    data: {
      case: {
        ...kase({ id: 'c1', responseClock: 'MET', dueInHours: -10, firstResponseInHours: -20 }),
        complaintClass: 'DELIVERY_DISCIPLINE',
        slaHours: 8,
        timeToFirstResponseHours: 2.5,
        timeToResolutionHours: null,
        resolutionNote: null,
        specialRequirementInPlay: true,
        specialRequirement: {
          __typename: 'SpecialRequirement',
          id: 'r1',
          title: 'Deliveries before 7:00',
          description: 'Night shift receives goods.',
          status: 'ACTIVE',
        },
        processClass: {
          __typename: 'ProcessClass',
          id: 'pc1',
          code: 'DLV',
          name: 'Delivery',
          nameRu: 'Доставка',
        },
        account: {
          __typename: 'ClientAccount',
          id: 'a1',
          name: 'Acme',
          segment: { __typename: 'Segment', id: 's1', name: 'Chemicals' },
        },
        feedback: {
          __typename: 'FeedbackItem',
          id: 'f1',
          text: 'The truck came at noon again.',
          receivedAt: hoursFromNow(-30),
          channel: 'COMPLAINT',
          npsScore: 3,
          csiScore: null,
          cesScore: null,
        },
      },
    },
  };

  it('shows the feedback, the account, the special requirement in play and the times', () => {
    const { client, queries } = stubClient({ CaseDetail: detail });
    renderAt(client, '/cases/c1');
    expect(queries.find((q) => operationName(q.query) === 'CaseDetail')?.variables).toEqual({
      id: 'c1',
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Case: Acme');
    expect(screen.getByText('The truck came at noon again.')).toBeTruthy();
    expect(screen.getByText('Chemicals')).toBeTruthy();
    expect(screen.getByText('Deliveries before 7:00')).toBeTruthy();
    expect(screen.getByText('8 hours')).toBeTruthy();
    expect(screen.getByText('2.5 hours')).toBeTruthy();
    expect(screen.getByText('NPS 3')).toBeTruthy();
    expect(screen.getAllByText('not yet', { selector: 'dd' })).toHaveLength(2);
  });

  it('says so when the case does not exist or may not be seen', () => {
    renderAt(stubClient({ CaseDetail: { data: { case: null } } }).client, '/cases/nope');
    expect(screen.getByText('There is no such case, or you may not see it.')).toBeTruthy();
  });
});
