import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { useRefetchOnChange } from '../../shared/useRefetchOnChange.js';
import { useBoardText } from '../board/board.i18n.js';
import { EffectsSection } from './EffectsSection.js';
import { EvidenceSection } from './EvidenceSection.js';
import { TasksSection } from './TasksSection.js';
import { TimelineSection } from './TimelineSection.js';

const InitiativeDetailQuery = graphql(`
  query InitiativeDetail($id: ID!) {
    initiative(id: $id) {
      id
      code
      title
      problem
      status
      processGroup
      revision
      dueAt
      expectedEffect
      holdReason
      cancelReason
      owner {
        id
        name
      }
      analysis {
        id
        title
        kind
        summary
        periodFrom
        periodTo
        createdAt
      }
      feedback {
        id
        receivedAt
        channel
        npsScore
        text
        account {
          id
          name
        }
      }
      tasks {
        id
        title
        status
        dueAt
        overdue
        escalationLevel
        escalatedAt
        department {
          id
          name
        }
      }
      notifications {
        id
        subject
        status
        createdAt
        sentAt
        account {
          id
          name
        }
      }
      councilReviews {
        id
        decision
        revision
        createdAt
        decidedAt
        comments
        council {
          id
          name
        }
      }
      targets {
        id
        baseline
        targetValue
        expectedDelta
        metric {
          id
          code
          name
          nameRu
          unit
        }
      }
      effects {
        measure
        status
        targeted
        expectedDelta
        differenceInDifferences
        intervalLow
        intervalHigh
        expectedWithinInterval
        afterFrom
        afterTo
      }
    }
  }
`);

/** One initiative: its evidence, tasks, timeline, and targets against the measured effect. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const text = useBoardText();
  const { t, dateTime } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InitiativeDetailQuery,
    variables: { id },
  });
  // Its tasks, phase and council reviews change in workflows: show them without a reload.
  useRefetchOnChange(
    useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]),
    { initiativeId: id, pause: !id },
  );
  const back = (
    <p>
      <Link to="/board">← {text.initiative.back}</Link>
    </p>
  );
  if (error && !data) {
    return (
      <div>
        {back}
        <ProblemList error={error} title={text.initiative.loadFailed} />
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t.common.retry}
        </button>
      </div>
    );
  }
  if (!data) return <p aria-busy="true">{fetching ? t.common.loading : ''}</p>;
  const i = data.initiative;
  if (!i) {
    return (
      <div>
        {back}
        <p className="empty-state">{text.initiative.notFound}</p>
      </div>
    );
  }
  return (
    <article className="initiative-page">
      {back}
      <h1>
        <span className="code">{i.code}</span> {i.title}
      </h1>
      <dl className="facts">
        <dt>{text.initiative.phase}</dt>
        <dd>{text.column[i.processGroup]}</dd>
        <dt>{text.initiative.status}</dt>
        <dd>
          {text.status[i.status]}
          {i.holdReason ? ` — ${i.holdReason}` : ''}
          {i.cancelReason ? ` — ${i.cancelReason}` : ''}
        </dd>
        <dt>{text.initiative.owner}</dt>
        <dd>{i.owner?.name ?? text.board.noOwner}</dd>
        <dt>{text.initiative.due}</dt>
        <dd>{dateTime(i.dueAt)}</dd>
        <dt>{text.initiative.revision}</dt>
        <dd>{i.revision}</dd>
        <dt>{text.initiative.problem}</dt>
        <dd>{i.problem}</dd>
        <dt>{text.initiative.expectedEffect}</dt>
        <dd>{i.expectedEffect ?? t.common.notGiven}</dd>
      </dl>
      <EvidenceSection analysis={i.analysis ?? null} feedback={i.feedback} />
      <TasksSection tasks={i.tasks} />
      <TimelineSection notifications={i.notifications} reviews={i.councilReviews} tasks={i.tasks} />
      <EffectsSection targets={i.targets} effects={i.effects} />
    </article>
  );
}
