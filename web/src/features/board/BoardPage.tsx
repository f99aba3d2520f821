import {
  DndContext,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { keysOf } from '../../shared/hooks.js';
import { useRefetchOnChange } from '../../shared/useRefetchOnChange.js';
import { BoardCard, type BoardInitiative, type CardMoveState } from './BoardCard.js';
import { BoardFilters } from './BoardFilters.js';
import { useBoardText, type BoardColumn } from './board.i18n.js';
import { refusalLines } from '../../shared/refusal-lines.js';
import { useBoardFilters } from './useBoardFilters.js';
import { useMoveInitiative } from './useMoveInitiative.js';

const BoardInitiativesQuery = graphql(`
  query BoardInitiatives($filter: InitiativeFilter) {
    initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {
      totalCount
      nodes {
        id
        code
        title
        status
        processGroup
        openTaskCount
        owner {
          id
          name
        }
        affectedAccounts {
          id
          name
        }
        tasks {
          id
          overdue
        }
        notifications(limit: 1) {
          id
          createdAt
          sentAt
          status
        }
        councilReviews {
          id
          decision
          council {
            id
            name
          }
        }
      }
    }
  }
`);

/** The column a card stands in: closed and cancelled initiatives together, else its process group. */
function columnOf(i: BoardInitiative): BoardColumn {
  return i.status === 'CLOSED' || i.status === 'CANCELLED' ? 'CLOSED' : i.processGroup;
}

function Column(props: { column: BoardColumn; title: string; count: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: props.column });
  const headingId = `column-${props.column}`;
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? ' over' : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${props.column}`}
    >
      <h2 id={headingId}>
        {props.title} <span className="count">{props.count}</span>
      </h2>
      {props.children}
    </section>
  );
}

/** The CX office's initiatives by process phase; moving a card runs the lifecycle command. */
export function BoardPage() {
  const text = useBoardText();
  const { lang, t } = useI18n();
  const filters = useBoardFilters();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: BoardInitiativesQuery,
    variables: { filter: filters.filter },
  });
  // A task completed or an initiative moved elsewhere shows here without a reload.
  useRefetchOnChange(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const { moveTo } = useMoveInitiative();
  const [cards, setCards] = useState<Record<string, CardMoveState>>({});
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 8 } }));
  const columns = keysOf(text.column);

  const move = async (id: string, column: BoardColumn, brief = '') => {
    setCards((s) => ({ ...s, [id]: { pending: true } }));
    const failure = await moveTo(id, column, brief);
    setCards((s) => ({
      ...s,
      [id]: failure ? { refusal: refusalLines(failure, text.reason) } : {},
    }));
  };

  const onDragEnd = (event: DragEndEvent) => {
    const target = columns.find((c) => c === event.over?.id);
    const from = event.active.data.current?.column as BoardColumn | undefined;
    if (target && target !== from) void move(String(event.active.id), target);
  };

  const initiatives = data?.initiatives.nodes ?? [];
  return (
    <div className="board-page">
      <h1>{text.board.heading}</h1>
      <BoardFilters filters={filters} />
      {error && !data ? (
        <div>
          <ProblemList error={error} title={text.board.loadFailed} />
          <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t.common.retry}
          </button>
        </div>
      ) : !data ? (
        <p aria-busy="true">{fetching ? t.common.loading : ''}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {text.board.count(data.initiatives.totalCount, lang)}
            {initiatives.length === 0 ? ` — ${text.board.empty}` : ''}
          </p>
          <p className="muted hint">{text.board.dragHint}</p>
          <DndContext sensors={sensors} onDragEnd={onDragEnd}>
            <div className="board-columns">
              {columns.map((column) => {
                const inColumn = initiatives.filter((i) => columnOf(i) === column);
                return (
                  <Column
                    key={column}
                    column={column}
                    title={text.column[column]}
                    count={inColumn.length}
                  >
                    {inColumn.length === 0 ? (
                      <p className="muted empty-column">{text.board.emptyColumn}</p>
                    ) : (
                      <ul className="board-cards">
                        {inColumn.map((i) => (
                          <BoardCard
                            key={i.id}
                            initiative={i}
                            column={column}
                            columns={columns}
                            state={cards[i.id]}
                            onMove={(target, brief) => void move(i.id, target, brief)}
                          />
                        ))}
                      </ul>
                    )}
                  </Column>
                );
              })}
            </div>
          </DndContext>
        </>
      )}
    </div>
  );
}
