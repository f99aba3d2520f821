import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CouncilDecision } from '../../gql/graphql.js';
import { getFragmentData, type FragmentType } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { When } from '../inbox/Due.js';
import { CouncilInitiativeFields } from './council.documents.js';
import { CouncilMessages } from './CouncilMessages.js';
import { CouncilTasks } from './CouncilTasks.js';
import { useCouncilText } from './council.i18n.js';
import { ReviewAgenda } from './ReviewAgenda.js';
import { ReviewDecision } from './ReviewDecision.js';

type Initiative = FragmentType<typeof CouncilInitiativeFields>;

/**
 * One initiative as a council member follows it, as an `<article>` headed by its title: its
 * progress, the "you said, we did" messages to their accounts, and the current review (agenda
 * and, while pending, the decision).
 */
export function CouncilInitiative(props: { initiative: Initiative; now: Date }) {
  const text = useCouncilText();
  const { lang } = useI18n();
  const ids = useId();
  const i = getFragmentData(CouncilInitiativeFields, props.initiative);
  const done = i.tasks.filter((task) => task.status === 'DONE').length;
  // A review decided on this page stays with its form from the moment the decision is sent,
  // whatever the cache says meanwhile; the form then says what the hub recorded.
  const [decidedHere, setDecidedHere] = useState<ReadonlySet<string>>(new Set());
  const [recorded, setRecorded] = useState<ReadonlyMap<string, CouncilDecision>>(new Map());
  const open = i.councilReviews.filter((r) => r.decision === 'PENDING' || decidedHere.has(r.id));
  const current = open.length > 0 ? open : i.councilReviews.slice(0, 1);
  const earlier = i.councilReviews.filter((r) => !current.includes(r));
  return (
    <article className="panel council-initiative" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{i.title}</h2>
      <p className="entry-meta">
        <span className="code">{i.code}</span>{' '}
        <span className="badge">{text.phaseName[i.processGroup]}</span>{' '}
        <span className="badge">{text.initiativeStatus[i.status]}</span>
      </p>
      <dl className="facts">
        <dt>{text.problem}</dt>
        <dd>{i.problem}</dd>
        <dt>{text.accounts}</dt>
        <dd>{i.affectedAccounts.map((a) => a.name).join(', ') || '—'}</dd>
        <dt>{text.revision}</dt>
        <dd>{i.revision}</dd>
        <dt>{text.progress}</dt>
        <dd>{text.tasksDoneOpen(done, i.openTaskCount, lang)}</dd>
      </dl>

      <h3>{text.tasks}</h3>
      <CouncilTasks tasks={i.tasks} now={props.now} />

      <h3>{text.weDid}</h3>
      <CouncilMessages notifications={i.notifications} now={props.now} />

      <h3>{text.review}</h3>
      {current.length === 0 && <p className="muted">{text.noReview}</p>}
      {current.map((review) => (
        <section
          key={review.id}
          className="council-review"
          aria-label={`${text.review}: ${review.council.name}`}
        >
          <p>
            <strong>{review.council.name}</strong> · {text.revision} {review.revision} ·{' '}
            <span className="badge">{text.decision[review.decision]}</span>
          </p>
          <p className="muted">
            {text.requested} <When iso={review.createdAt} now={props.now} />
            {review.decidedAt && (
              <>
                {' '}
                · {text.decided} <When iso={review.decidedAt} now={props.now} />
              </>
            )}
          </p>
          {review.comments && <blockquote>{review.comments}</blockquote>}
          <ReviewAgenda agenda={review.agenda ?? null} now={props.now} />
          {(review.decision === 'PENDING' || decidedHere.has(review.id)) && (
            <ReviewDecision
              reviewId={review.id}
              recorded={recorded.get(review.id) ?? null}
              onSending={() => setDecidedHere((ids) => new Set(ids).add(review.id))}
              onDecided={(decision) => setRecorded((m) => new Map(m).set(review.id, decision))}
            />
          )}
        </section>
      ))}
      {earlier.length > 0 && (
        <details>
          <summary>{text.previous}</summary>
          <ul>
            {earlier.map((r) => (
              <li key={r.id}>
                {r.council.name} · {text.revision} {r.revision} · {text.decision[r.decision]}
                {r.comments ? ` — ${r.comments}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">
        <Link to={`/council/initiatives/${encodeURIComponent(i.id)}`}>{text.openDetail}</Link>
      </p>
    </article>
  );
}
