import { useI18n } from '../../i18n/i18n.js';
import { When } from '../inbox/Due.js';
import type { CouncilInitiativeFieldsFragment } from '../../gql/graphql.js';
import { useCouncilText } from './council.i18n.js';

type Agenda = NonNullable<CouncilInitiativeFieldsFragment['councilReviews'][number]['agenda']>;

/** What the council was asked to review, as it stood when the review was requested. */
export function ReviewAgenda({ agenda, now }: { agenda: Agenda | null; now: Date }) {
  const text = useCouncilText();
  const { lang } = useI18n();
  if (!agenda) return <p className="muted">{text.noAgenda}</p>;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const value = (v: number | null | undefined, unit: string) =>
    v == null ? '—' : `${number.format(v)} ${unit}`.trim();
  return (
    <div className="council-agenda">
      <h4>{text.agenda}</h4>
      {agenda.brief && (
        <p>
          <strong>{text.brief}:</strong> {agenda.brief}
        </p>
      )}
      <h5>{text.agendaDone}</h5>
      {agenda.tasksDone.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {agenda.tasksDone.map((task, n) => (
            <li key={n}>
              {task.title} ({task.department})
              {task.completedAt && (
                <>
                  {' '}
                  · <When iso={task.completedAt} now={now} />
                </>
              )}
              {task.outcomeNote ? ` — ${task.outcomeNote}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h5>{text.agendaOpen}</h5>
      {agenda.tasksOpen.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {agenda.tasksOpen.map((task, n) => (
            <li key={n}>
              {task.title} ({task.department})
              {task.dueAt && (
                <>
                  {' '}
                  · {text.due} <When iso={task.dueAt} now={now} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {agenda.targets.length > 0 && (
        <>
          <h5>{text.targets}</h5>
          <ul>
            {agenda.targets.map((target) => (
              <li key={target.metricCode}>
                {target.metricName}: {text.baseline} {value(target.baseline, target.unit)},{' '}
                {text.target} {value(target.targetValue, target.unit)}, {text.latest}{' '}
                {value(target.latestValue, target.unit)}
                {target.latestPeriod ? ` (${target.latestPeriod})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {agenda.notificationsSent.length > 0 && (
        <p className="muted">
          {text.messagesSent}:{' '}
          {agenda.notificationsSent
            .map(
              (m) =>
                `${(text.milestone as Record<string, string>)[m.milestone] ?? m.milestone} ${m.count}`,
            )
            .join(', ')}
        </p>
      )}
    </div>
  );
}
