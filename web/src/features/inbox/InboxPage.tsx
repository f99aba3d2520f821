import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { useLive } from '../../shared/live.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { useRefetchOn } from '../../shared/use-refetch-on.js';
import { CaseEntry } from './CaseEntry.js';
import {
  type InboxCaseFields,
  InboxChangedSubscription,
  InboxTaskChangedSubscription,
  InboxTaskFields,
} from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';
import { Notices } from './Notices.js';
import { orderEntries, type Entry } from './order.js';
import { TaskEntry } from './TaskEntry.js';
import { useDepartmentInbox } from './useDepartmentInbox.js';
import './inbox.css';

const InboxViewerQuery = graphql(`
  query InboxViewer {
    me {
      kind
      userId
      departmentId
    }
  }
`);

type Task = FragmentType<typeof InboxTaskFields>;
type CaseRef = FragmentType<typeof InboxCaseFields>;
type Line = (Entry<Task> & { kind: 'task' }) | (Entry<CaseRef> & { kind: 'case' });

/**
 * The department inbox: the department's open tasks and cases, overdue first, then by due date
 * (as the API reports them), each with what acting on it needs. It refreshes by itself when an
 * inbox entry or a task changes.
 */
export function InboxPage() {
  const text = useInboxText();
  const { t, lang } = useI18n();
  const [viewer] = useQuery({ query: InboxViewerQuery });
  const departmentId = viewer.data?.me.departmentId ?? null;
  const { data, fetching, error, refetch } = useDepartmentInbox(departmentId, !viewer.data);
  // Entries acted on here stay in view with their new status even after the list drops them.
  const [acted, setActed] = useState<Map<string, Task>>(new Map());
  const [actedCases, setActedCases] = useState<Map<string, CaseRef>>(new Map());
  const inbox = useLive(InboxChangedSubscription, {});
  const tasks = useLive(InboxTaskChangedSubscription, {});
  useRefetchOn([inbox.data, tasks.data], refetch);
  const now = useMemo(() => new Date(), [data]);

  const entries = useMemo<Line[]>(() => {
    if (!data) return [];
    const overdueCases = new Set(data.overdueCases.nodes.map((c) => c.id));
    const listed = new Set(data.initiativeTasks.nodes.map((task) => task.id));
    const extra = [...acted.entries()].filter(([id]) => !listed.has(id)).map(([, task]) => task);
    const listedCases = new Set(data.cases.nodes.map((c) => c.id));
    const extraCases = [...actedCases.entries()].filter(([id]) => !listedCases.has(id));
    return orderEntries<Line>([
      ...data.initiativeTasks.nodes.map((task) => ({
        kind: 'task' as const,
        id: task.id,
        overdue: task.overdue,
        dueAt: task.dueAt ?? null,
        ref: task as Task,
      })),
      ...extra.map((ref) => {
        const task = getFragmentData(InboxTaskFields, ref);
        return {
          kind: 'task' as const,
          id: task.id,
          overdue: task.overdue,
          dueAt: task.dueAt ?? null,
          ref,
        };
      }),
      ...data.cases.nodes.map((c) => ({
        kind: 'case' as const,
        id: c.id,
        overdue: overdueCases.has(c.id),
        dueAt: c.status === 'OPEN' ? c.responseDueAt : null,
        ref: c,
      })),
      ...extraCases.map(([id, ref]) => ({
        kind: 'case' as const,
        id,
        overdue: false,
        dueAt: null,
        ref,
      })),
    ]);
  }, [data, acted, actedCases]);

  return (
    <section aria-labelledby="inbox-heading" className="inbox-page">
      <h1 id="inbox-heading">{text.heading}</h1>
      <p className="muted">
        {text.intro} {text.live}
      </p>
      {error && <ProblemList error={error} title={text.loadFailed} />}
      {error && (
        <button type="button" onClick={refetch}>
          {t.common.retry}
        </button>
      )}
      {viewer.error && <ProblemList error={viewer.error} title={text.loadFailed} />}
      {!data && !error && (
        <p aria-busy="true">{fetching || viewer.fetching ? t.common.loading : ''}</p>
      )}
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {text.count(data.initiativeTasks.totalCount, data.cases.totalCount, lang)}
          </p>
          {entries.length === 0 ? (
            <p className="empty-state">{text.empty}</p>
          ) : (
            <div className="inbox-list">
              {entries.map((entry) =>
                entry.kind === 'task' ? (
                  <TaskEntry
                    key={`task-${entry.id}`}
                    task={entry.ref}
                    now={now}
                    onActed={(task) => setActed((m) => new Map(m).set(entry.id, task))}
                  />
                ) : (
                  <CaseEntry
                    key={`case-${entry.id}`}
                    case={entry.ref}
                    now={now}
                    overdue={entry.overdue}
                    onActed={(c) => setActedCases((m) => new Map(m).set(entry.id, c))}
                  />
                ),
              )}
            </div>
          )}
          {/* The work first; what the hub told the viewer below it, collapsed. */}
          <Notices entries={data.notices.nodes} total={data.notices.totalCount} now={now} />
        </>
      )}
    </section>
  );
}
