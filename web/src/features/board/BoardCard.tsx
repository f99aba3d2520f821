import { useDraggable } from '@dnd-kit/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { BoardInitiativesQuery } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';
import { useBoardText, type BoardColumn } from './board.i18n.js';

/** Account names on a card; the count says how many there are in all. */
const ACCOUNTS_SHOWN = 3;

export type BoardInitiative = BoardInitiativesQuery['initiatives']['nodes'][number];

export interface CardMoveState {
  pending?: boolean;
  refusal?: string[];
}

/**
 * One initiative: code and title (a link to its page), owner, accounts, tasks, the last client
 * notification and the council's state, with a "Move to…" control for the keyboard; the whole
 * card is also draggable to a column.
 */
export function BoardCard(props: {
  initiative: BoardInitiative;
  column: BoardColumn;
  columns: readonly BoardColumn[];
  state: CardMoveState | undefined;
  onMove: (column: BoardColumn, brief: string) => void;
}) {
  const { initiative: i, column, state } = props;
  const text = useBoardText();
  const { dateTime, lang } = useI18n();
  const ids = useId();
  const [target, setTarget] = useState<BoardColumn | ''>('');
  const [brief, setBrief] = useState('');
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: i.id,
    data: { column },
  });
  const overdue = i.tasks.filter((task) => task.overdue).length;
  const lastNotification = i.notifications[0];
  // Reviews come newest first: the first of each council is where that council stands.
  const councils = i.councilReviews.filter(
    (r, n, all) => all.findIndex((other) => other.council.id === r.council.id) === n,
  );
  const accounts = i.affectedAccounts.map((a) => a.name);
  const number = new Intl.NumberFormat(lang);
  const style = transform
    ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 2 }
    : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`board-card${isDragging ? ' dragging' : ''}`}
      aria-labelledby={`${ids}-title`}
      data-testid={`card-${i.code}`}
    >
      {/* The drag handle is the card body; dnd-kit's own attributes are left off: the
          "Move to…" form is the keyboard way to move, and links stay plain links. */}
      <div className="board-card-body" {...listeners}>
        <h3 id={`${ids}-title`}>
          <Link to={`/initiatives/${encodeURIComponent(i.id)}`}>
            <span className="code">{i.code}</span> {i.title}
          </Link>
        </h3>
        <p className="muted">
          {text.status[i.status]} · {i.owner?.name ?? text.board.noOwner}
        </p>
        <dl className="card-facts">
          <dt>{text.board.accounts}</dt>
          <dd>
            {number.format(accounts.length)}
            {accounts.length > 0 && <>: {accounts.slice(0, ACCOUNTS_SHOWN).join(', ')}</>}
            {accounts.length > ACCOUNTS_SHOWN &&
              ` ${text.board.moreAccounts(number.format(accounts.length - ACCOUNTS_SHOWN))}`}
          </dd>
          <dt>{text.board.openTasks}</dt>
          <dd>
            {number.format(i.openTaskCount)}
            {overdue > 0 && (
              <span className="overdue">
                {' '}
                · {text.board.overdueTasks}: {number.format(overdue)}
              </span>
            )}
          </dd>
          <dt>{text.board.lastNotification}</dt>
          <dd>
            {lastNotification
              ? `${dateTime(lastNotification.sentAt ?? lastNotification.createdAt)} · ${text.delivery[lastNotification.status]}`
              : text.board.noNotification}
          </dd>
          <dt>{text.board.council}</dt>
          <dd>
            {councils.length > 0
              ? councils.map((r) => `${r.council.name}: ${text.decision[r.decision]}`).join('; ')
              : text.board.noCouncil}
          </dd>
        </dl>
      </div>
      <form
        className="card-move"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) props.onMove(target, brief);
        }}
      >
        <label>
          <span className="visually-hidden">
            {text.board.moveTo} {i.code}
          </span>
          <select
            value={target}
            onChange={(e) => setTarget(props.columns.find((c) => c === e.target.value) ?? '')}
          >
            <option value="">{text.board.moveTo}</option>
            {props.columns
              .filter((c) => c !== column)
              .map((c) => (
                <option key={c} value={c}>
                  {text.column[c]}
                </option>
              ))}
          </select>
        </label>
        {target === 'IMPLEMENT' && column === 'CORRECT' && (
          <label className="brief">
            <span>{text.board.brief}</span>
            <textarea value={brief} onChange={(e) => setBrief(e.target.value)} rows={2} />
          </label>
        )}
        <button type="submit" disabled={!target || state?.pending}>
          {state?.pending ? text.board.moving : text.board.move}
        </button>
      </form>
      {state?.refusal && (
        <div className="problems" role="alert">
          <p>{text.board.refused}</p>
          <ul>
            {state.refusal.map((line, n) => (
              <li key={n}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
