import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { useLive } from '../../shared/live.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { useRefetchOn } from '../../shared/use-refetch-on.js';
import {
  CouncilInitiativeChangedSubscription,
  CouncilReviewChangedSubscription,
  CouncilTaskChangedSubscription,
} from './council.documents.js';
import { useCouncilText } from './council.i18n.js';
import { CouncilInitiative } from './CouncilInitiative.js';
import '../inbox/inbox.css';

const CouncilInitiativesQuery = graphql(`
  query CouncilInitiatives {
    initiatives(first: 25, filter: { clientVisible: true }) {
      totalCount
      nodes {
        id
        ...CouncilInitiativeFields
      }
    }
  }
`);

const CouncilInitiativeQuery = graphql(`
  query CouncilInitiative($id: ID!) {
    initiative(id: $id) {
      id
      ...CouncilInitiativeFields
    }
  }
`);

/**
 * Follows what changes an initiative a council member sees: reviews requested or decided, the
 * initiatives themselves, their tasks. Pushed rows land in the cache; a review or initiative
 * that is new to the page needs the list again, hence `refetch`.
 */
function useCouncilLive(refetch: () => void) {
  const reviews = useLive(CouncilReviewChangedSubscription, {});
  const initiatives = useLive(CouncilInitiativeChangedSubscription, {});
  const tasks = useLive(CouncilTaskChangedSubscription, {});
  useRefetchOn([reviews.data, initiatives.data, tasks.data], refetch);
}

/**
 * The council portal: the client-visible initiatives that concern the member's councils (the
 * server's row scopes decide which), with progress, "you said, we did" and the current review.
 */
export function CouncilPage() {
  const text = useCouncilText();
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CouncilInitiativesQuery });
  useCouncilLive(() => refetch({ requestPolicy: 'network-only' }));
  const now = useMemo(() => new Date(), [data]);
  const nodes = data?.initiatives.nodes ?? [];
  return (
    <section aria-labelledby="council-heading" className="council-page">
      <h1 id="council-heading">{text.heading}</h1>
      <p className="muted">
        {text.intro} {text.live}
      </p>
      {error && <ProblemList error={error} title={text.loadFailed} />}
      {error && (
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t.common.retry}
        </button>
      )}
      {!data && !error && <p aria-busy="true">{fetching ? t.common.loading : ''}</p>}
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {text.count(data.initiatives.totalCount, lang)}
            {data.initiatives.totalCount > nodes.length &&
              ` ${text.shown(nodes.length, data.initiatives.totalCount)}`}
          </p>
          {nodes.length === 0 ? (
            <p className="empty-state">{text.empty}</p>
          ) : (
            <div className="inbox-list">
              {nodes.map((node) => (
                <CouncilInitiative key={node.id} initiative={node} now={now} />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** `/council/initiatives/:id`: one initiative, as on the portal, after a reload too. */
export function CouncilInitiativePage() {
  const { id = '' } = useParams();
  const text = useCouncilText();
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CouncilInitiativeQuery,
    variables: { id },
  });
  useCouncilLive(() => refetch({ requestPolicy: 'network-only' }));
  const now = useMemo(() => new Date(), [data]);
  return (
    <section className="council-page" aria-labelledby="council-detail-heading">
      <p>
        <Link to="/council">← {text.back}</Link>
      </p>
      <h1 id="council-detail-heading">{text.heading}</h1>
      {error && !data && <ProblemList error={error} title={text.loadFailed} />}
      {!data && !error && <p aria-busy="true">{fetching ? t.common.loading : ''}</p>}
      {data &&
        (data.initiative ? (
          <CouncilInitiative initiative={data.initiative} now={now} />
        ) : (
          <p className="empty-state">{text.notFound}</p>
        ))}
    </section>
  );
}
