import { useId, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import type { CouncilDecision } from '../../gql/graphql.js';
import { refusalLines } from '../../shared/refusal-lines.js';
import { DecideReviewMutation } from './council.documents.js';
import { useCouncilText } from './council.i18n.js';

/**
 * Approve or request changes on a pending review, with comments. Whether comments are needed is
 * the server's to say (COMMENTS_REQUIRED); the refusal is shown in words.
 *
 * The decision the hub recorded is the parent's state (`recorded`, set from the mutation's
 * result through `onDecided`), not this form's: the cache may mark the review decided before the
 * mutation resolves, and the parent keeps the form in view from `onSending` on, so neither a
 * re-render nor a remount can lose the confirmation.
 */
export function ReviewDecision(props: {
  reviewId: string;
  recorded: CouncilDecision | null;
  onSending: () => void;
  onDecided: (decision: CouncilDecision) => void;
}) {
  const { reviewId, recorded } = props;
  const text = useCouncilText();
  const ids = useId();
  const [comments, setComments] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [state, decide] = useMutation(DecideReviewMutation);

  async function send(decision: CouncilDecision) {
    setError(null);
    props.onSending();
    const trimmed = comments.trim();
    const result = await decide({
      id: reviewId,
      input: { decision, ...(trimmed ? { comments: trimmed } : {}) },
    });
    const review = result.data?.decideCouncilReview;
    if (result.error || !review) {
      setError(result.error ?? null);
      return;
    }
    props.onDecided(review.decision);
  }

  return (
    <form className="review-decision" onSubmit={(e) => e.preventDefault()}>
      {!recorded && (
        <>
          <label htmlFor={`${ids}-comment`}>{text.comment}</label>
          <textarea
            id={`${ids}-comment`}
            aria-describedby={`${ids}-hint`}
            rows={3}
            value={comments}
            onChange={(e) => setComments(e.target.value)}
          />
          <p id={`${ids}-hint`} className="muted">
            {text.commentHint}
          </p>
          <div className="button-row">
            <button type="button" disabled={state.fetching} onClick={() => void send('APPROVED')}>
              {text.approve}
            </button>
            <button
              type="button"
              disabled={state.fetching}
              onClick={() => void send('CHANGES_REQUESTED')}
            >
              {text.requestChanges}
            </button>
          </div>
        </>
      )}
      <div aria-live="polite">
        {state.fetching && <p>{text.sending}</p>}
        {recorded && <p className="success">{text.decidedNow(text.decision[recorded])}</p>}
      </div>
      {error && (
        <div className="problems" role="alert">
          <p>{text.refused}</p>
          <ul>
            {refusalLines(error, text.refusal).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
