import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql/index.js';
import { refusalLines } from '../../shared/refusal-lines.js';
import { When } from './Due.js';
import { useEntryCommand } from './useEntryCommand.js';
import {
  ColleaguesQuery,
  CompleteTaskMutation,
  InboxTaskFields,
  ReassignTaskMutation,
  RejectTaskMutation,
} from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';

type Task = FragmentType<typeof InboxTaskFields>;

/**
 * One task of the department as an `<article>` headed by its title: due date, the initiative it
 * serves and its owner, and the commands a department has (complete, reject with a note,
 * reassign to a colleague of the task's department). The server decides; a refusal is shown in
 * words beside the buttons.
 */
export function TaskEntry(props: { task: Task; now: Date; onActed?: (task: Task) => void }) {
  const text = useInboxText();
  const task = getFragmentData(InboxTaskFields, props.task);
  const ids = useId();
  const [note, setNote] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [complete, completeTask] = useMutation(CompleteTaskMutation);
  const [reject, rejectTask] = useMutation(RejectTaskMutation);
  const [reassign, reassignTask] = useMutation(ReassignTaskMutation);
  const busy = complete.fetching || reject.fetching || reassign.fetching;
  const finished =
    task.status === 'DONE' || task.status === 'REJECTED' || task.status === 'CANCELLED';

  const {
    act: run,
    error,
    setError,
    done,
  } = useEntryCommand(props.task, props.onActed, (changed) =>
    text.nowStatus(text.taskStatus[getFragmentData(InboxTaskFields, changed).status]),
  );
  async function act(command: Parameters<typeof run>[0]) {
    if (await run(command)) setNote('');
  }

  const trimmed = note.trim();
  return (
    <article
      className={`panel inbox-entry${task.overdue ? ' is-overdue' : ''}`}
      aria-labelledby={`${ids}-h`}
    >
      <h2 id={`${ids}-h`}>{task.title}</h2>
      <p className="entry-meta">
        <span className="badge">{text.task}</span>{' '}
        <span className="badge">{text.taskStatus[task.status]}</span>{' '}
        {task.overdue && <strong className="overdue">{text.overdue}</strong>}
      </p>
      <dl className="facts">
        <dt>{text.due}</dt>
        <dd>{task.dueAt ? <When iso={task.dueAt} now={props.now} /> : text.noDue}</dd>
        <dt>{text.initiative}</dt>
        <dd>
          <span className="code">{task.initiative.code}</span> {task.initiative.title}
        </dd>
        <dt>{text.owner}</dt>
        <dd>{task.initiative.owner?.name ?? text.noOwner}</dd>
        <dt>{text.problem}</dt>
        <dd>{task.initiative.problem}</dd>
        {task.description && (
          <>
            <dt>{text.description}</dt>
            <dd>{task.description}</dd>
          </>
        )}
        <dt>{text.assignee}</dt>
        <dd>{task.assignee?.name ?? `${text.nobody} (${task.department.name})`}</dd>
        {task.outcomeNote && (
          <>
            <dt>{text.outcome}</dt>
            <dd>{task.outcomeNote}</dd>
          </>
        )}
      </dl>
      {!finished && (
        <form className="entry-actions" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={`${ids}-note`}>{text.note}</label>
          <textarea
            id={`${ids}-note`}
            aria-describedby={`${ids}-hint`}
            value={note}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
          <p id={`${ids}-hint`} className="muted">
            {text.noteHint}
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => completeTask({ id: task.id, note: trimmed || null }))}
            >
              {text.complete}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => rejectTask({ id: task.id, note: trimmed }))}
            >
              {text.reject}
            </button>
          </div>
          <ReassignControls
            id={`${ids}-colleague`}
            departmentId={task.department.id}
            departmentName={task.department.name}
            value={assigneeId}
            onChange={setAssigneeId}
            disabled={busy}
            onReassign={() =>
              assigneeId
                ? void act(() =>
                    reassignTask({
                      id: task.id,
                      input: {
                        departmentId: task.department.id,
                        assigneeId,
                        ...(trimmed ? { note: trimmed } : {}),
                      },
                    }),
                  )
                : setError(text.refusal.ASSIGNEE_REQUIRED ?? '')
            }
          />
        </form>
      )}
      <p className="muted">
        <Link to={`/inbox/tasks/${encodeURIComponent(task.id)}`}>{text.openDetail}</Link>
      </p>
      <div aria-live="polite">
        {busy && <p>{text.working}</p>}
        {done && <p className="success">{done}</p>}
      </div>
      {error && <Refusal error={error} />}
    </article>
  );
}

/** Hands the task to an active colleague of its department (handing it elsewhere is the CX office's). */
function ReassignControls(props: {
  id: string;
  departmentId: string;
  departmentName: string;
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
  onReassign: () => void;
}) {
  const text = useInboxText();
  const [{ data, fetching, error }] = useQuery({
    query: ColleaguesQuery,
    variables: { departmentId: props.departmentId },
  });
  const colleagues = data?.users.nodes ?? [];
  const state = fetching
    ? text.colleaguesLoading
    : error
      ? text.colleaguesFailed
      : colleagues.length === 0
        ? text.noColleagues(props.departmentName)
        : null;
  return (
    <div className="reassign">
      <label htmlFor={props.id}>{text.colleague}</label>
      <select
        id={props.id}
        value={props.value}
        aria-describedby={state ? `${props.id}-state` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{text.chooseColleague}</option>
        {colleagues.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button type="button" disabled={props.disabled} onClick={props.onReassign}>
        {text.reassign}
      </button>
      {state && (
        <p id={`${props.id}-state`} className="muted">
          {state}
        </p>
      )}
    </div>
  );
}

/** The refusal in words, announced (`role="alert"`). */
export function Refusal({ error }: { error: CombinedError | string }) {
  const text = useInboxText();
  const lines = typeof error === 'string' ? [error] : refusalLines(error, text.refusal);
  return (
    <div className="problems" role="alert">
      <p>{text.refused}</p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
