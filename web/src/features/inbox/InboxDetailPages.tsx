import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { useLive } from '../../shared/live.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { CaseEntry } from './CaseEntry.js';
import { InboxTaskChangedSubscription } from './inbox.documents.js';
import { useInboxText } from './inbox.i18n.js';
import { TaskEntry } from './TaskEntry.js';
import './inbox.css';

const InboxTaskQuery = graphql(`
  query InboxTask($id: ID!) {
    initiativeTask(id: $id) {
      id
      ...InboxTaskFields
    }
  }
`);

const InboxCaseQuery = graphql(`
  query InboxCase($id: ID!) {
    case(id: $id) {
      id
      ...InboxCaseFields
    }
    overdueCases: cases(first: 100, filter: { overdueOnly: true }) {
      nodes {
        id
      }
    }
  }
`);

function Frame(props: { children: React.ReactNode }) {
  const text = useInboxText();
  return (
    <section className="inbox-page" aria-labelledby="inbox-detail-heading">
      <p>
        <Link to="/inbox">← {text.back}</Link>
      </p>
      <h1 id="inbox-detail-heading">{text.heading}</h1>
      {props.children}
    </section>
  );
}

/** `/inbox/tasks/:id`: one task, as in the inbox, reachable by link and after a reload. */
export function InboxTaskPage() {
  const { id = '' } = useParams();
  const text = useInboxText();
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: InboxTaskQuery, variables: { id } });
  // Pushed tasks land in the normalised cache, so this one redraws by itself.
  useLive(InboxTaskChangedSubscription, {});
  const now = useMemo(() => new Date(), [data]);
  if (error && !data)
    return (
      <Frame>
        <ProblemList error={error} title={text.loadFailed} />
      </Frame>
    );
  if (!data)
    return (
      <Frame>
        <p aria-busy="true">{fetching ? t.common.loading : ''}</p>
      </Frame>
    );
  return (
    <Frame>
      {data.initiativeTask ? (
        <TaskEntry task={data.initiativeTask} now={now} />
      ) : (
        <p className="empty-state">{text.notFound}</p>
      )}
    </Frame>
  );
}

/** `/inbox/cases/:id`: one case, as in the inbox. */
export function InboxCasePage() {
  const { id = '' } = useParams();
  const text = useInboxText();
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: InboxCaseQuery, variables: { id } });
  const now = useMemo(() => new Date(), [data]);
  if (error && !data)
    return (
      <Frame>
        <ProblemList error={error} title={text.loadFailed} />
      </Frame>
    );
  if (!data)
    return (
      <Frame>
        <p aria-busy="true">{fetching ? t.common.loading : ''}</p>
      </Frame>
    );
  const c = data.case;
  return (
    <Frame>
      {c ? (
        <CaseEntry
          case={c}
          now={now}
          overdue={data.overdueCases.nodes.some((o) => o.id === c.id)}
        />
      ) : (
        <p className="empty-state">{text.notFound}</p>
      )}
    </Frame>
  );
}
