import { useI18n } from '../../i18n/i18n.js';
import { useBoardText } from '../board/board.i18n.js';
import type { InitiativeDetail } from './types.js';

interface Entry {
  key: string;
  at: string;
  kind: string;
  what: string;
}

/** Client notifications, task escalations and council reviews, newest first. */
export function TimelineSection(props: {
  notifications: InitiativeDetail['notifications'];
  reviews: InitiativeDetail['councilReviews'];
  tasks: InitiativeDetail['tasks'];
}) {
  const text = useBoardText();
  const { dateTime } = useI18n();
  const entries: Entry[] = [
    ...props.notifications.map((n) => ({
      key: n.id,
      at: n.sentAt ?? n.createdAt,
      kind: text.initiative.notification,
      what: `${n.account.name}: ${n.subject} (${text.delivery[n.status]})`,
    })),
    ...props.tasks.flatMap((task) =>
      task.escalatedAt
        ? [
            {
              key: `esc-${task.id}`,
              at: task.escalatedAt,
              kind: text.initiative.escalation,
              what: `${task.title} — ${text.initiative.escalationLevel(task.escalationLevel)}`,
            },
          ]
        : [],
    ),
    ...props.reviews.map((r) => ({
      key: r.id,
      at: r.decidedAt ?? r.createdAt,
      kind: text.initiative.councilReview,
      what: `${r.council.name}, ${text.initiative.revision} ${r.revision}: ${text.decision[r.decision]}${r.comments ? ` — ${r.comments}` : ''}`,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">{text.initiative.timeline}</h2>
      {entries.length === 0 ? (
        <p className="muted">{text.initiative.noTimeline}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={e.key}>
              <time dateTime={e.at}>{dateTime(e.at)}</time> <strong>{e.kind}</strong> {e.what}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
