// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Kind, type DocumentNode } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { fromValue, makeSubject, merge, never } from 'wonka';
import { CouncilInitiativePage, CouncilPage } from '../../web/src/features/council/CouncilPage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

const DAY = 24 * 3600 * 1000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

const initiative = {
  __typename: 'Initiative',
  id: 'i1',
  code: 'INI-0007',
  title: 'Clearer invoices',
  problem: 'Invoices are hard to reconcile.',
  status: 'AWAITING_COUNCIL',
  processGroup: 'IMPLEMENT',
  revision: 1,
  dueAt: null,
  openTaskCount: 1,
  affectedAccounts: [{ __typename: 'ClientAccount', id: 'a1', name: 'Acme' }],
  tasks: [
    {
      __typename: 'InitiativeTask',
      id: 't1',
      title: 'New invoice layout',
      status: 'DONE',
      dueAt: at(-5),
      completedAt: at(-6),
      outcomeNote: 'Line items grouped by order.',
    },
    {
      __typename: 'InitiativeTask',
      id: 't2',
      title: 'EDI export',
      status: 'OPEN',
      dueAt: at(10),
      completedAt: null,
      outcomeNote: null,
    },
  ],
  notifications: [
    {
      __typename: 'ClientNotification',
      id: 'n1',
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'TASK_DONE',
      locale: 'en',
      subject: 'You said invoices were hard to read — we regrouped them',
      body: 'Invoices now group lines by your order number.',
      createdAt: at(-6),
      sentAt: at(-6),
      account: { __typename: 'ClientAccount', id: 'a1', name: 'Acme' },
    },
  ],
  councilReviews: [
    {
      __typename: 'CouncilReview',
      id: 'r1',
      decision: 'PENDING',
      revision: 1,
      createdAt: at(-1),
      decidedAt: null,
      comments: null,
      council: { __typename: 'AdvisoryCouncil', id: 'c1', name: 'Chemicals council' },
      agenda: {
        __typename: 'CouncilAgenda',
        brief: 'Make invoices reconcilable in one pass.',
        processGroup: 'IMPLEMENT',
        revision: 1,
        tasksDone: [
          {
            __typename: 'CouncilAgendaTask',
            title: 'New invoice layout',
            department: 'Billing',
            completedAt: at(-6),
            outcomeNote: 'Line items grouped by order.',
          },
        ],
        tasksOpen: [
          {
            __typename: 'CouncilAgendaTask',
            title: 'EDI export',
            department: 'IT',
            dueAt: at(10),
            status: 'OPEN',
          },
        ],
        targets: [
          {
            __typename: 'CouncilAgendaTarget',
            metricCode: 'INV_DISPUTES',
            metricName: 'Invoice disputes',
            unit: '%',
            baseline: 12,
            targetValue: 5,
            latestValue: 7.5,
            latestPeriod: '2026-10',
          },
        ],
        notificationsSent: [{ __typename: 'MilestoneCount', milestone: 'TASK_DONE', count: 1 }],
      },
    },
  ],
};

function operationName(query: DocumentNode): string | undefined {
  const def = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return def && 'name' in def ? def.name?.value : undefined;
}

interface Request {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

function stubClient(
  mutation: (request: Request) => Partial<OperationResult>,
  pushes: Record<string, unknown> = {},
  shown: object = initiative,
) {
  const executeMutation = vi.fn((request: Request) =>
    fromValue({ operation: request, stale: false, hasNext: false, ...mutation(request) }),
  );
  const executeQuery = vi.fn((request: Request) => {
    const name = operationName(request.query);
    const data =
      name === 'CouncilInitiatives'
        ? { initiatives: { totalCount: 1, nodes: [shown] } }
        : name === 'CouncilInitiative'
          ? { initiative: request.variables.id === 'i1' ? shown : null }
          : null;
    return data ? fromValue({ operation: request, data, stale: false, hasNext: false }) : never;
  });
  // A subscription named in `pushes` delivers that one event at once; the others stay silent.
  const executeSubscription = (request: Request) => {
    const data = pushes[operationName(request.query) ?? ''];
    return data ? fromValue({ operation: request, data, stale: false, hasNext: true }) : never;
  };
  const client = { executeQuery, executeMutation, executeSubscription };
  return { client: client as unknown as Client, executeMutation, executeQuery };
}

function renderPortal(client: Client, url = '/council') {
  return render(
    <Provider value={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/council" element={<CouncilPage />} />
            <Route path="/council/initiatives/:id" element={<CouncilInitiativePage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

const decided = (request: Request) => ({
  data: {
    decideCouncilReview: {
      __typename: 'CouncilReview',
      id: request.variables.id,
      decision: (request.variables.input as { decision: string }).decision,
      decidedAt: at(0),
      comments: (request.variables.input as { comments?: string }).comments ?? null,
    },
  },
});

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('the council portal', () => {
  it('shows each initiative with its progress, what was said and done, and the review agenda', () => {
    renderPortal(stubClient(decided).client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    expect(within(card).getByText('1 done, 1 open')).toBeTruthy();
    expect(
      within(card).getByText('You said invoices were hard to read — we regrouped them'),
    ).toBeTruthy();
    expect(within(card).getByText(/Make invoices reconcilable in one pass\./)).toBeTruthy();
    expect(within(card).getByText(/EDI export \(IT\)/)).toBeTruthy();
    expect(
      within(card).getByText(/Invoice disputes: baseline 12 %, target 5 %, latest 7.5 %/),
    ).toBeTruthy();
    expect(within(card).getByText('Awaiting your decision')).toBeTruthy();
  });

  it('requests changes with the comment through decideCouncilReview and shows the decision', async () => {
    const { client, executeMutation } = stubClient(decided);
    renderPortal(client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    fireEvent.change(within(card).getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Please add the order date too.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Request changes' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('CouncilDecideReview');
    expect(request?.variables).toEqual({
      id: 'r1',
      input: { decision: 'CHANGES_REQUESTED', comments: 'Please add the order date too.' },
    });
    expect(
      await within(card).findByText('Recorded. The review is now: Changes requested.'),
    ).toBeTruthy();
  });

  it('keeps the recorded decision in view when the review turns decided before the mutation answers', async () => {
    // As graphcache does: the list already shows the review approved while the mutation's own
    // result is still on its way. The note must come from that result, not from a render race.
    const list = makeSubject<unknown>();
    const answer = makeSubject<unknown>();
    let listRequest: Request | undefined;
    let mutationRequest: Request | undefined;
    const client = {
      executeQuery: (request: Request) => {
        listRequest = request;
        const data = { initiatives: { totalCount: 1, nodes: [initiative] } };
        return merge<unknown>([
          fromValue({ operation: request, data, stale: false, hasNext: false }),
          list.source,
        ]);
      },
      executeMutation: (request: Request) => {
        mutationRequest = request;
        return answer.source;
      },
      executeSubscription: () => never,
    } as unknown as Client;
    renderPortal(client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    const approved = {
      ...initiative,
      councilReviews: initiative.councilReviews.map((r) => ({
        ...r,
        decision: 'APPROVED',
        decidedAt: at(0),
      })),
    };
    act(() =>
      list.next({
        operation: listRequest,
        data: { initiatives: { totalCount: 1, nodes: [approved] } },
        stale: false,
        hasNext: false,
      }),
    );
    act(() =>
      answer.next({
        operation: mutationRequest,
        ...decided(mutationRequest!),
        stale: false,
        hasNext: false,
      }),
    );
    expect(await within(card).findByText('Recorded. The review is now: Approved.')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('approves without a comment', () => {
    const { client, executeMutation } = stubClient(decided);
    renderPortal(client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(executeMutation.mock.calls[0]?.[0].variables).toEqual({
      id: 'r1',
      input: { decision: 'APPROVED' },
    });
  });

  it('explains a refusal in words', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        {
          message: 'Requesting changes needs comments.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'COMMENTS_REQUIRED' },
        },
      ],
    });
    renderPortal(stubClient(() => ({ error: refusal })).client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    fireEvent.click(within(card).getByRole('button', { name: 'Request changes' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('comments are required to request changes');
    expect(alert.textContent).toContain('Requesting changes needs comments.');
  });

  it('tells each milestone once: the accounts told, and one message in the viewer’s language', () => {
    const told = (id: string, account: string, locale: string, subject: string, body: string) => ({
      __typename: 'ClientNotification',
      id,
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'STARTED',
      locale,
      subject,
      body,
      createdAt: at(-2),
      sentAt: at(-2),
      account: { __typename: 'ClientAccount', id: account, name: `Account ${account}` },
    });
    const notifications = [
      told('m1', 'a1', 'ru', 'Дорабатываем', 'Здравствуйте, Кирилл!'),
      told('m2', 'a2', 'en', 'Reworking it as you asked', 'Dear Pablo, we started.'),
      told('m3', 'a2', 'ru', 'Дорабатываем', 'Здравствуйте, Нина!'),
    ];
    renderPortal(stubClient(decided, {}, { ...initiative, notifications }).client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    const list = card.querySelector('.council-messages')!;
    expect(list.querySelectorAll('li')).toHaveLength(1);
    expect(within(card).getByText('Reworking it as you asked')).toBeTruthy();
    expect(within(card).getByText(/2 accounts told/)).toBeTruthy();
    expect(within(card).getByText('Account a1, Account a2')).toBeTruthy();
    expect(within(card).getByText('Read the message').tagName).toBe('SUMMARY');
    expect(within(card).getByText('Dear Pablo, we started.').closest('details')).toBeTruthy();
    expect(within(card).queryByText(/Здравствуйте/)).toBeNull();
    cleanup();
    window.localStorage.setItem('cx-hub.lang', 'ru');
    renderPortal(stubClient(decided, {}, { ...initiative, notifications }).client);
    expect(screen.getByText('Здравствуйте, Кирилл!')).toBeTruthy();
    expect(screen.getByText(/сообщено 2 клиентам/)).toBeTruthy();
  });

  it('shows the latest three milestones, and all of them on request', () => {
    const notifications = [1, 2, 3, 4, 5].map((n) => ({
      __typename: 'ClientNotification',
      id: `m${n}`,
      kind: 'INITIATIVE_PROGRESS',
      milestone: 'TASK_DONE',
      locale: 'en',
      subject: `Milestone ${n}`,
      body: `Body ${n}`,
      createdAt: at(-10 + n),
      sentAt: null,
      account: { __typename: 'ClientAccount', id: 'a1', name: 'Acme' },
    }));
    renderPortal(stubClient(decided, {}, { ...initiative, notifications }).client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    const subjects = () =>
      [...card.querySelectorAll('.council-messages li strong')].map((e) => e.textContent);
    expect(subjects()).toEqual(['Milestone 5', 'Milestone 4', 'Milestone 3']);
    fireEvent.click(within(card).getByRole('button', { name: 'Show all 5' }));
    expect(subjects()).toEqual([5, 4, 3, 2, 1].map((n) => `Milestone ${n}`));
  });

  it('keeps the task list compact: the open ones and the latest three done, all on request', () => {
    const task = (n: number, status: string) => ({
      __typename: 'InitiativeTask',
      id: `t${n}`,
      title: `Task ${n}`,
      status,
      dueAt: at(5),
      completedAt: status === 'DONE' ? at(-20 + n) : null,
      outcomeNote: null,
    });
    const tasks = [task(1, 'DONE'), task(2, 'DONE'), task(3, 'OPEN'), task(4, 'DONE')];
    tasks.push(task(5, 'DONE'), task(6, 'IN_PROGRESS'));
    renderPortal(stubClient(decided, {}, { ...initiative, tasks }).client);
    const card = screen.getByRole('article', { name: 'Clearer invoices' });
    const titles = () =>
      [...card.querySelectorAll('.council-tasks li strong')].map((e) => e.textContent);
    expect(titles()).toEqual(['Task 2', 'Task 3', 'Task 4', 'Task 5', 'Task 6']);
    fireEvent.click(within(card).getByRole('button', { name: 'Show all 6 tasks' }));
    expect(titles()).toEqual(['Task 1', 'Task 2', 'Task 3', 'Task 4', 'Task 5', 'Task 6']);
  });

  it('opens one initiative by its deep link', () => {
    renderPortal(stubClient(decided).client, '/council/initiatives/i1');
    expect(screen.getByRole('article', { name: 'Clearer invoices' })).toBeTruthy();
    cleanup();
    renderPortal(stubClient(decided).client, '/council/initiatives/other');
    expect(screen.getByText(/does not concern your council/)).toBeTruthy();
  });

  it('reads the initiatives again when the hub pushes a review change', () => {
    const reads = (calls: [Request][]) =>
      calls.filter(([r]) => operationName(r.query) === 'CouncilInitiatives').length;
    const quiet = stubClient(decided);
    renderPortal(quiet.client);
    const before = reads(quiet.executeQuery.mock.calls);
    cleanup();
    const live = stubClient(decided, {
      CouncilReviewChanged: {
        councilReviewChanged: {
          __typename: 'CouncilReview',
          id: 'r2',
          decision: 'PENDING',
          decidedAt: null,
          comments: null,
        },
      },
    });
    renderPortal(live.client);
    expect(reads(live.executeQuery.mock.calls)).toBeGreaterThan(before);
  });
});
