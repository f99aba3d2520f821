import { useId, useState } from 'react';
import type { CouncilInitiativeFieldsFragment } from '../../gql/graphql.js';
import { When } from '../inbox/Due.js';
import { useCouncilText } from './council.i18n.js';

type Task = CouncilInitiativeFieldsFragment['tasks'][number];

/** How many finished tasks show before "Show all". */
const LATEST = 3;

/** An initiative's tasks, compact: every open one, the latest three finished, the rest on request. */
export function CouncilTasks(props: { tasks: readonly Task[]; now: Date }) {
  const text = useCouncilText();
  const ids = useId();
  const [all, setAll] = useState(false);
  if (props.tasks.length === 0) return <p className="muted">{text.noTasks}</p>;
  const isOpen = (t: Task) => t.status === 'OPEN' || t.status === 'IN_PROGRESS';
  const finished = props.tasks
    .filter((t) => !isOpen(t))
    .sort((a, b) => Date.parse(b.completedAt ?? '') - Date.parse(a.completedAt ?? '') || 0);
  const keep = new Set(finished.slice(0, LATEST));
  const compact = props.tasks.filter((t) => isOpen(t) || keep.has(t));
  const hidden = props.tasks.length - compact.length;
  const shown = all ? props.tasks : compact;
  return (
    <>
      <ul className="council-tasks" id={`${ids}-list`}>
        {shown.map((task) => (
          <li key={task.id}>
            <strong>{task.title}</strong> — {text.taskStatus[task.status]}
            {task.completedAt ? (
              <>
                {' '}
                · {text.completed} <When iso={task.completedAt} now={props.now} />
              </>
            ) : task.dueAt ? (
              <>
                {' '}
                · {text.due} <When iso={task.dueAt} now={props.now} />
              </>
            ) : null}
            {task.outcomeNote && <p className="muted">{task.outcomeNote}</p>}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" aria-controls={`${ids}-list`} onClick={() => setAll((a) => !a)}>
          {all ? text.showFewerTasks : text.showAllTasks(props.tasks.length)}
        </button>
      ) : null}
    </>
  );
}
