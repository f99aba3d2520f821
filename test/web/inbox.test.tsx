// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Kind, type DocumentNode } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { fromValue, makeSubject, merge, never } from 'wonka';
import { InboxPage } from '../../web/src/features/inbox/InboxPage.js';
import { I18nProvider } from '../../web/src/i18n/i18n.js';

const DAY = 24 * 3600 * 1000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

function task(id: string, title: string, dueAt: string | null, overdue: boolean) {
  return {
    __typename: 'InitiativeTask',
    id,
    title,
    description: null,
    status: 'OPEN',
    dueAt,
    overdue,
    outcomeNote: null,
    createdAt: at(-10),
    assignee: null,
    department: { __typename: 'Department', id: 'd1', name: 'Logistics' },
    initiative: {
      __typename: 'Initiative',
      id: 'i1',
      code: 'INI-0001',
      title: 'Faster deliveries',
      problem: 'Deliveries arrive late.',
      owner: { __typename: 'User', id: 'u9', name: 'Olga Owner' },
    },
  };
}

const tasks = [
  task('t-later', 'Plan routes', at(2), false),
  task('t-late', 'Fix the depot schedule', at(-1), true),
  task('t-none', 'Write the checklist', null, false),
];

const openCase = {
  __typename: 'Case',
  id: 'c1',
  reason: 'COMPLAINT',
  status: 'OPEN',
  openedAt: at(-4),
  responseDueAt: at(-2),
  firstResponseAt: null,
  resolutionNote: null,
  account: { __typename: 'ClientAccount', id: 'a1', name: 'Acme' },
  feedback: {
    __typename: 'FeedbackItem',
    id: 'f1',
    text: 'The truck came two days late.',
    npsScore: 3,
    receivedAt: at(-4),
    contact: { __typename: 'Contact', id: 'p1', name: 'Ivan Petrov' },
  },
};

const notice = {
  __typename: 'InboxEntry',
  id: 'n1',
  kind: 'TASK_OVERDUE',
  subject: 'Fix the depot schedule is overdue',
  body: 'It was due yesterday.',
  taskId: 't-late',
  createdAt: at(-1),
  readAt: null,
};

function operationName(query: DocumentNode): string | undefined {
  const def = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return def && 'name' in def ? def.name?.value : undefined;
}

interface Request {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/** A stand-in for the network only: answers each operation from the given table. */
function stubClient(
  mutation: (request: Request) => Partial<OperationResult>,
  pushes: Record<string, unknown> = {},
  notices: readonly (typeof notice)[] = [notice],
) {
  const executeMutation = vi.fn((request: Request) =>
    fromValue({ operation: request, stale: false, hasNext: false, ...mutation(request) }),
  );
  const executeQuery = vi.fn((request: Request) => {
    const name = operationName(request.query);
    const data =
      name === 'InboxViewer'
        ? { me: { kind: 'user', userId: 'u1', departmentId: 'd1' } }
        : name === 'DepartmentTasks'
          ? { initiativeTasks: { totalCount: tasks.length, nodes: tasks } }
          : name === 'DepartmentCases'
            ? {
                cases: { totalCount: 1, nodes: [openCase] },
                overdueCases: { nodes: [{ id: 'c1' }] },
              }
            : name === 'InboxNotices'
              ? { notices: { totalCount: notices.length, nodes: notices } }
              : name === 'InboxColleagues'
                ? request.variables.departmentId === 'd1'
                  ? {
                      users: {
                        nodes: [
                          { id: 'u1', name: 'Anna Planner' },
                          { id: 'u2', name: 'Carl Driver' },
                        ],
                      },
                    }
                  : { users: { nodes: [] } }
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

function renderInbox(client: Client) {
  return render(
    <Provider value={client}>
      <I18nProvider>
        <MemoryRouter initialEntries={['/inbox']}>
          <Routes>
            <Route path="/inbox" element={<InboxPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
}

const entry = (title: string) => screen.getByRole('article', { name: title }) as HTMLElement;

const finished = (request: Request) => {
  const name = operationName(request.query);
  const field = name === 'InboxRejectTask' ? 'rejectTask' : 'completeTask';
  const status = name === 'InboxRejectTask' ? 'REJECTED' : 'DONE';
  const base = tasks.find((t) => t.id === request.variables.id) ?? tasks[0]!;
  return { data: { [field]: { ...base, status, overdue: false } } };
};

beforeEach(() => window.localStorage.setItem('cx-hub.lang', 'en'));
afterEach(cleanup);

describe('the department inbox', () => {
  it('lists overdue entries first, then by due date, undated ones last', () => {
    renderInbox(stubClient(finished).client);
    const headings = screen
      .getAllByRole('article')
      .map((a) => within(a).getAllByRole('heading')[0]?.textContent);
    expect(headings).toEqual([
      'Complaint — Acme',
      'Fix the depot schedule',
      'Plan routes',
      'Write the checklist',
    ]);
  });

  it('asks for the department’s own tasks and cases', () => {
    const { client, executeQuery } = stubClient(finished);
    renderInbox(client);
    for (const name of ['DepartmentTasks', 'DepartmentCases']) {
      const call = executeQuery.mock.calls.find(([r]) => operationName(r.query) === name);
      expect(call?.[0].variables).toEqual({ departmentId: 'd1' });
    }
  });

  it('shows what acting needs: the initiative and its owner, the feedback and its account', () => {
    renderInbox(stubClient(finished).client);
    const late = entry('Fix the depot schedule');
    expect(within(late).getByText(/Faster deliveries/)).toBeTruthy();
    expect(within(late).getByText('Olga Owner')).toBeTruthy();
    expect(within(late).getByText('Overdue')).toBeTruthy();
    const complaint = entry('Complaint — Acme');
    expect(within(complaint).getByText('The truck came two days late.')).toBeTruthy();
    expect(within(complaint).getByText('Ivan Petrov')).toBeTruthy();
  });

  it('completes a task with its note through completeTask and shows the new status', async () => {
    const { client, executeMutation } = stubClient(finished);
    renderInbox(client);
    const late = entry('Fix the depot schedule');
    fireEvent.change(within(late).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Schedule moved to 6am.' },
    });
    fireEvent.click(within(late).getByRole('button', { name: 'Complete' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('InboxCompleteTask');
    expect(request?.variables).toEqual({ id: 't-late', note: 'Schedule moved to 6am.' });
    expect(await within(late).findByText('Done. The task is now: Done.')).toBeTruthy();
  });

  it('keeps a completed task and its note when a live refresh drops it before the answer comes', async () => {
    const { client } = stubClient(finished);
    // The hub's list, read again on a live event, no longer holds the task while the
    // completion's own answer is still on its way.
    const list = makeSubject<unknown>();
    const answer = makeSubject<unknown>();
    const stub = client as unknown as Record<string, (request: Request) => unknown>;
    const query = stub.executeQuery!;
    let mutationRequest: Request | undefined;
    let listRequest: Request | undefined;
    stub.executeQuery = (request: Request) => {
      if (operationName(request.query) !== 'DepartmentTasks') return query(request);
      listRequest = request;
      return merge<unknown>([query(request) as never, list.source]);
    };
    stub.executeMutation = (request: Request) => {
      mutationRequest = request;
      return answer.source;
    };
    renderInbox(client);
    fireEvent.click(
      within(entry('Fix the depot schedule')).getByRole('button', { name: 'Complete' }),
    );
    const rest = tasks.filter((t) => t.id !== 't-late');
    act(() =>
      list.next({
        operation: listRequest,
        data: { initiativeTasks: { totalCount: rest.length, nodes: rest } },
        stale: false,
        hasNext: false,
      }),
    );
    act(() =>
      answer.next({
        operation: mutationRequest,
        ...finished(mutationRequest!),
        stale: false,
        hasNext: false,
      }),
    );
    const late = entry('Fix the depot schedule');
    expect(await within(late).findByText('Done. The task is now: Done.')).toBeTruthy();
  });

  it('rejects a task with the note through rejectTask', async () => {
    const { client, executeMutation } = stubClient(finished);
    renderInbox(client);
    const later = entry('Plan routes');
    fireEvent.change(within(later).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Not ours: routes are planned by the carrier.' },
    });
    fireEvent.click(within(later).getByRole('button', { name: 'Reject' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('InboxRejectTask');
    expect(request?.variables).toEqual({
      id: 't-later',
      note: 'Not ours: routes are planned by the carrier.',
    });
    expect(await within(later).findByText('Done. The task is now: Rejected.')).toBeTruthy();
  });

  it('explains the server’s refusal in words, in the chosen language', async () => {
    window.localStorage.setItem('cx-hub.lang', 'ru');
    const refusal = new CombinedError({
      graphQLErrors: [
        {
          message: 'Rejecting a task needs a note.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'NOTE_REQUIRED' },
        },
      ],
    });
    renderInbox(stubClient(() => ({ error: refusal })).client);
    const later = entry('Plan routes');
    fireEvent.click(within(later).getByRole('button', { name: 'Отклонить' }));
    const alert = await within(later).findByRole('alert');
    expect(alert.textContent).toContain(
      'Нужен комментарий: объясните, почему отдел отказывается от задачи.',
    );
    expect(alert.textContent).toContain('Rejecting a task needs a note.');
  });

  it('reassigns to a colleague of the task’s department and explains a refusal in words', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        {
          message: 'Carl Driver no longer works in the hub; choose an active colleague.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'ASSIGNEE_INACTIVE', field: 'assigneeId' },
        },
      ],
    });
    const { client, executeMutation, executeQuery } = stubClient(() => ({ error: refusal }));
    renderInbox(client);
    const later = entry('Plan routes');
    // The colleagues are the active people of the task's own department, as the API lists them.
    const asked = executeQuery.mock.calls.find(
      ([r]) => operationName(r.query) === 'InboxColleagues',
    );
    expect(asked?.[0].variables).toEqual({ departmentId: 'd1' });
    const select = within(later).getByLabelText('Colleague');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a colleague…', 'Anna Planner', 'Carl Driver']);
    expect(within(later).queryByLabelText('Department')).toBeNull();

    // Without a colleague nothing is sent, and the page says what is missing.
    fireEvent.click(within(later).getByRole('button', { name: 'Reassign' }));
    expect(executeMutation).not.toHaveBeenCalled();
    expect((await within(later).findByRole('alert')).textContent).toContain(
      'Choose the colleague who takes the task over.',
    );

    fireEvent.change(select, { target: { value: 'u2' } });
    fireEvent.change(within(later).getByLabelText('Note'), { target: { value: ' Yours now ' } });
    fireEvent.click(within(later).getByRole('button', { name: 'Reassign' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('InboxReassignTask');
    expect(request?.variables).toEqual({
      id: 't-later',
      input: { departmentId: 'd1', assigneeId: 'u2', note: 'Yours now' },
    });
    const alert = await within(later).findByRole('alert');
    expect(alert.textContent).toContain('That colleague no longer works in the hub');
    expect(alert.textContent).toContain('Carl Driver no longer works in the hub');
  });

  it('says so when the task’s department has no active colleague (in Russian too)', async () => {
    const { client } = stubClient(() => ({}));
    tasks[0]!.department = { __typename: 'Department', id: 'd3', name: 'Billing' };
    try {
      renderInbox(client);
      expect(
        within(entry('Plan routes')).getByText('Billing has no active colleague to hand it to.'),
      ).toBeTruthy();
      cleanup();
      window.localStorage.setItem('cx-hub.lang', 'ru');
      renderInbox(client);
      const later = entry('Plan routes');
      expect(within(later).getByLabelText('Коллега')).toBeTruthy();
      expect(within(later).getByRole('button', { name: 'Передать' })).toBeTruthy();
      expect(
        within(later).getByText('В отделе «Billing» нет активных коллег, кому передать.'),
      ).toBeTruthy();
    } finally {
      tasks[0]!.department = { __typename: 'Department', id: 'd1', name: 'Logistics' };
    }
  });

  it('lists unread notices and marks one read through markInboxEntryRead', () => {
    const { client, executeMutation } = stubClient(() => ({
      data: { markInboxEntryRead: { ...notice, readAt: at(0) } },
    }));
    renderInbox(client);
    const notices = screen.getByRole('region', { name: /Unread notices/ });
    expect(within(notices).getByText('It was due yesterday.')).toBeTruthy();
    expect(within(notices).getByRole('link', { name: 'Open the task' }).getAttribute('href')).toBe(
      '/inbox/tasks/t-late',
    );
    fireEvent.click(within(notices).getByRole('button', { name: /Mark read/ }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('InboxMarkNoticeRead');
    expect(request?.variables).toEqual({ id: 'n1' });
  });

  it('puts the work first and the notices below it, collapsed, with their count', () => {
    renderInbox(stubClient(() => ({})).client);
    const notices = screen.getByRole('region', { name: 'Unread notices (1)' });
    const details = notices.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Unread notices (1)');
    const work = screen.getAllByRole('article')[0]!;
    // The first task comes before the notices in the document.
    expect(work.compareDocumentPosition(notices) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a notice told twice (to the viewer and to the department) once, ×2, and marks both read', () => {
    const twice = { ...notice, id: 'n1-dept' };
    const other = { ...notice, id: 'n3', subject: 'Another task', createdAt: at(-3) };
    const { client, executeMutation } = stubClient(
      (request) => ({
        data: { markInboxEntryRead: { ...notice, id: request.variables.id, readAt: at(0) } },
      }),
      {},
      [notice, twice, other],
    );
    renderInbox(client);
    const notices = screen.getByRole('region', { name: 'Unread notices (3)' });
    expect(within(notices).getAllByText('It was due yesterday.')).toHaveLength(2);
    expect(within(notices).getAllByText('Fix the depot schedule is overdue')).toHaveLength(1);
    expect(within(notices).getByText('×2')).toBeTruthy();
    expect(within(notices).getByText('received 2 times')).toBeTruthy();
    const items = within(notices).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Fix the depot schedule is overdue',
      'Another task',
    ]);
    fireEvent.click(
      within(notices).getByRole('button', {
        name: 'Mark read: Fix the depot schedule is overdue',
      }),
    );
    expect(executeMutation.mock.calls.map(([r]) => r.variables)).toEqual([
      { id: 'n1' },
      { id: 'n1-dept' },
    ]);
  });

  it('reads the inbox again when the hub pushes an inbox change (a new entry included)', () => {
    const pushed = {
      inboxChanged: {
        __typename: 'InboxEntry',
        id: 'n2',
        kind: 'TASK_ASSIGNED',
        taskId: 't9',
        createdAt: at(0),
      },
    };
    const quiet = stubClient(finished);
    renderInbox(quiet.client);
    const reads = (calls: typeof quiet.executeQuery.mock.calls) =>
      calls.filter(([r]) => operationName(r.query) === 'DepartmentTasks').length;
    const before = reads(quiet.executeQuery.mock.calls);
    cleanup();
    const live = stubClient(finished, { InboxChanged: pushed });
    renderInbox(live.client);
    expect(reads(live.executeQuery.mock.calls)).toBeGreaterThan(before);
  });

  it('resolves a case with the note for the client through resolveCase', async () => {
    const { client, executeMutation } = stubClient(() => ({
      data: { resolveCase: { ...openCase, status: 'RESOLVED', resolutionNote: 'Refunded.' } },
    }));
    renderInbox(client);
    const complaint = entry('Complaint — Acme');
    fireEvent.change(
      within(complaint).getByRole('textbox', { name: 'Resolution for the client' }),
      {
        target: { value: 'Refunded.' },
      },
    );
    fireEvent.click(within(complaint).getByRole('button', { name: 'Resolve' }));
    const request = executeMutation.mock.calls[0]?.[0];
    expect(request && operationName(request.query)).toBe('InboxResolveCase');
    expect(request?.variables).toEqual({ input: { caseId: 'c1', note: 'Refunded.' } });
    expect(await within(complaint).findByText('Done. The case is now: Resolved.')).toBeTruthy();
  });
});
