import { useI18n } from '../../i18n/i18n.js';
import { useBoardText } from '../board/board.i18n.js';
import type { InitiativeDetail } from './types.js';

/** Every task: department, due date, state (overdue as the API says). */
export function TasksSection({ tasks }: { tasks: InitiativeDetail['tasks'] }) {
  const text = useBoardText();
  const { dateTime } = useI18n();
  return (
    <section aria-labelledby="tasks-heading" className="panel">
      <h2 id="tasks-heading">{text.initiative.tasks}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{text.initiative.noTasks}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{text.initiative.task}</th>
              <th scope="col">{text.initiative.department}</th>
              <th scope="col">{text.initiative.due}</th>
              <th scope="col">{text.initiative.state}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>{task.title}</td>
                <td>{task.department.name}</td>
                <td>{dateTime(task.dueAt)}</td>
                <td>
                  {text.taskStatus[task.status]}
                  {task.overdue && <span className="overdue"> · {text.initiative.overdue}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
