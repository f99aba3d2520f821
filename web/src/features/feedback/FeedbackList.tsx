import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePollWhile } from '../../shared/hooks.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { FeedbackRow } from './FeedbackRow.js';

const FeedbackListQuery = graphql(`
  query FeedbackList($first: Int!) {
    feedbackItems(first: $first) {
      totalCount
      nodes {
        id
        status
        ...FeedbackRow_item
      }
    }
  }
`);

/**
 * The newest feedback. While any shown item still awaits its acknowledgement (the collect workflow
 * sends it within seconds) the list polls, so the user sees RECEIVED turn into ACKNOWLEDGED;
 * polling stops once nothing is pending.
 */
export function FeedbackList() {
  const { t } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: FeedbackListQuery,
    variables: { first: 20 },
    requestPolicy: 'cache-and-network',
  });
  const items = data?.feedbackItems.nodes ?? [];
  const pending = items.some((item) => item.status === 'RECEIVED');
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePollWhile(pending, fetching, refetch);

  return (
    <section className="panel" aria-labelledby="feedback-list-heading" aria-busy={fetching}>
      <div className="panel-heading">
        <h2 id="feedback-list-heading">{t.feedbackList.heading}</h2>
        {pending && <p className="live-note">{t.feedbackList.live}</p>}
      </div>
      {error && (
        <>
          <ProblemList error={error} title={t.feedbackList.loadFailed} />
          <button type="button" className="secondary" onClick={refetch}>
            {t.common.retry}
          </button>
        </>
      )}
      {!data && fetching && <p className="muted">{t.common.loading}</p>}
      {data && items.length === 0 && <p className="muted">{t.feedbackList.empty}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="feedback-table">
            <thead>
              <tr>
                <th scope="col">{t.feedbackList.received}</th>
                <th scope="col">{t.feedbackList.account}</th>
                <th scope="col">{t.feedbackList.channel}</th>
                <th scope="col" className="numeric">
                  {t.feedbackList.nps}
                </th>
                <th scope="col">{t.feedbackList.text}</th>
                <th scope="col">{t.feedbackList.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <FeedbackRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
