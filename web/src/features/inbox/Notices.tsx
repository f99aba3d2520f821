import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql/index.js';
import { When } from './Due.js';
import { InboxNoticeFields, MarkNoticeReadMutation } from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';
import { Refusal } from './TaskEntry.js';

type Notice = FragmentType<typeof InboxNoticeFields>;

/**
 * Unread notices (assigned, due soon, overdue, escalated…), newest first as the API lists them,
 * collapsed below the work. The hub writes one row per recipient, so a notice to the viewer and
 * to their department arrives twice with the same words: it is shown once, "×2", and marking it
 * read marks every row of it.
 */
export function Notices(props: { entries: readonly Notice[]; total: number; now: Date }) {
  const text = useInboxText();
  const ids = useId();
  const [error, setError] = useState<CombinedError | null>(null);
  const [state, markRead] = useMutation(MarkNoticeReadMutation);
  const groups = sameWords(props.entries.map((n) => getFragmentData(InboxNoticeFields, n)));

  async function markAllRead(rows: readonly { id: string }[]) {
    const results = await Promise.all(rows.map((r) => markRead({ id: r.id })));
    setError(results.find((r) => r.error)?.error ?? null);
  }

  return (
    <section aria-labelledby={`${ids}-h`} className="panel notices">
      <details>
        <summary>
          <h2 id={`${ids}-h`}>
            {text.notices} <span className="muted">({props.total})</span>
          </h2>
        </summary>
        {groups.length === 0 ? (
          <p className="muted">{text.noNotices}</p>
        ) : (
          <ul>
            {groups.map(({ first: n, rows }) => {
              const read = rows.every((r) => r.readAt);
              return (
                <li key={n.id} className={read ? 'is-read' : undefined}>
                  <p>
                    <strong>{n.subject}</strong>
                    {rows.length > 1 && (
                      <>
                        {' '}
                        <span className="badge" title={text.repeated(rows.length)}>
                          <span aria-hidden="true">×{rows.length}</span>
                          <span className="visually-hidden">{text.repeated(rows.length)}</span>
                        </span>
                      </>
                    )}{' '}
                    · <When iso={n.createdAt} now={props.now} />
                  </p>
                  <p>{n.body}</p>
                  <p className="button-row">
                    {n.taskId && (
                      <Link to={`/inbox/tasks/${encodeURIComponent(n.taskId)}`}>
                        {text.openTask}
                      </Link>
                    )}
                    {read ? (
                      <span className="muted">{text.read}</span>
                    ) : (
                      <button
                        type="button"
                        disabled={state.fetching}
                        aria-label={`${text.markRead}: ${n.subject}`}
                        onClick={() => void markAllRead(rows.filter((r) => !r.readAt))}
                      >
                        {text.markRead}
                      </button>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </details>
      {error && <Refusal error={error} />}
    </section>
  );
}

/** Notices with the same subject and body, in the order of their newest row. */
function sameWords<N extends { subject: string; body: string }>(
  notices: readonly N[],
): { first: N; rows: N[] }[] {
  const groups = new Map<string, { first: N; rows: N[] }>();
  for (const n of notices) {
    const key = `${n.subject}\u0000${n.body}`;
    const group = groups.get(key);
    if (group) group.rows.push(n);
    else groups.set(key, { first: n, rows: [n] });
  }
  return [...groups.values()];
}
