import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql/index.js';
import { When } from './Due.js';
import { InboxNoticeFields, MarkNoticeReadMutation } from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';
import { Refusal } from './TaskEntry.js';

type Notice = FragmentType<typeof InboxNoticeFields>;

/** Unread notices (assigned, due soon, overdue, escalated…), newest first, each markable read. */
export function Notices(props: { entries: readonly Notice[]; total: number; now: Date }) {
  const text = useInboxText();
  const [error, setError] = useState<CombinedError | null>(null);
  const [state, markRead] = useMutation(MarkNoticeReadMutation);
  const notices = props.entries.map((n) => getFragmentData(InboxNoticeFields, n));
  return (
    <section aria-labelledby="notices-heading" className="panel notices">
      <h2 id="notices-heading">
        {text.notices} <span className="muted">({props.total})</span>
      </h2>
      {notices.length === 0 ? (
        <p className="muted">{text.noNotices}</p>
      ) : (
        <ul>
          {notices.map((n) => (
            <li key={n.id} className={n.readAt ? 'is-read' : undefined}>
              <p>
                <strong>{n.subject}</strong> · <When iso={n.createdAt} now={props.now} />
              </p>
              <p>{n.body}</p>
              <p className="button-row">
                {n.taskId && (
                  <Link to={`/inbox/tasks/${encodeURIComponent(n.taskId)}`}>{text.openTask}</Link>
                )}
                {n.readAt ? (
                  <span className="muted">{text.read}</span>
                ) : (
                  <button
                    type="button"
                    disabled={state.fetching}
                    aria-label={`${text.markRead}: ${n.subject}`}
                    onClick={() =>
                      void markRead({ id: n.id }).then((r) => setError(r.error ?? null))
                    }
                  >
                    {text.markRead}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {error && <Refusal error={error} />}
    </section>
  );
}
