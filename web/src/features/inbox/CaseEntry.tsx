import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { getFragmentData, type FragmentType } from '../../gql/index.js';
import { When } from './Due.js';
import { InboxCaseFields, ResolveCaseMutation, RespondCaseMutation } from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';
import { Refusal } from './TaskEntry.js';
import { useEntryCommand } from './useEntryCommand.js';

type Case = FragmentType<typeof InboxCaseFields>;

/** The heading a case goes by: why it was opened, and for which account. */
export function caseTitle(reason: string, account: string | undefined): string {
  return account ? `${reason} — ${account}` : reason;
}

/**
 * One case of the department as an `<article>`: the feedback behind it (text, contact, account),
 * the answer deadline, and the commands (answered, resolve with a note for the client).
 */
export function CaseEntry(props: {
  case: Case;
  now: Date;
  overdue: boolean;
  onActed?: (c: Case) => void;
}) {
  const text = useInboxText();
  const c = getFragmentData(InboxCaseFields, props.case);
  const ids = useId();
  const [note, setNote] = useState('');
  const [respond, respondToCase] = useMutation(RespondCaseMutation);
  const [resolve, resolveCase] = useMutation(ResolveCaseMutation);
  const busy = respond.fetching || resolve.fetching;
  const { act, error, done } = useEntryCommand(props.case, props.onActed, (changed) =>
    text.caseNowStatus(text.caseStatus[getFragmentData(InboxCaseFields, changed).status]),
  );

  const title = caseTitle(text.caseReason[c.reason], c.account?.name);
  return (
    <article
      className={`panel inbox-entry${props.overdue ? ' is-overdue' : ''}`}
      aria-labelledby={`${ids}-h`}
    >
      <h2 id={`${ids}-h`}>{title}</h2>
      <p className="entry-meta">
        <span className="badge">{text.case}</span>{' '}
        <span className="badge">{text.caseStatus[c.status]}</span>{' '}
        {props.overdue && <strong className="overdue">{text.overdue}</strong>}
      </p>
      <dl className="facts">
        {c.status === 'OPEN' && (
          <>
            <dt>{text.responseDue}</dt>
            <dd>
              <When iso={c.responseDueAt} now={props.now} />
            </dd>
          </>
        )}
        <dt>{text.account}</dt>
        <dd>{c.account?.name ?? '—'}</dd>
        <dt>{text.contact}</dt>
        <dd>{c.feedback?.contact?.name ?? '—'}</dd>
        <dt>{text.feedback}</dt>
        <dd>
          {c.feedback?.text ? <blockquote>{c.feedback.text}</blockquote> : text.noText}
          {c.feedback?.npsScore != null && (
            <span className="muted"> NPS {c.feedback.npsScore}</span>
          )}
        </dd>
        {c.resolutionNote && (
          <>
            <dt>{text.outcome}</dt>
            <dd>{c.resolutionNote}</dd>
          </>
        )}
      </dl>
      {c.status !== 'RESOLVED' && (
        <form className="entry-actions" onSubmit={(e) => e.preventDefault()}>
          {c.status === 'OPEN' && (
            <div className="button-row">
              <button
                type="button"
                disabled={busy}
                onClick={() => void act(() => respondToCase({ id: c.id }))}
              >
                {text.respond}
              </button>
            </div>
          )}
          <label htmlFor={`${ids}-note`}>{text.resolutionNote}</label>
          <textarea
            id={`${ids}-note`}
            value={note}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void act(() => resolveCase({ input: { caseId: c.id, note: note.trim() } }))
              }
            >
              {text.resolve}
            </button>
          </div>
        </form>
      )}
      <p className="muted">
        <Link to={`/inbox/cases/${encodeURIComponent(c.id)}`}>{text.openDetail}</Link>
      </p>
      <div aria-live="polite">
        {busy && <p>{text.working}</p>}
        {done && <p className="success">{done}</p>}
      </div>
      {error && <Refusal error={error} />}
    </article>
  );
}
