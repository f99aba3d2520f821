import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../../i18n/i18n.js';
import { ProblemList } from '../../shared/ProblemList.js';

/** One column of a chart's text alternative: its header and the cell text per row. */
export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  numeric?: boolean;
}

/**
 * The text alternative of a chart: a table of every number drawn, hidden from sight but read
 * by screen readers (the chart itself is `aria-hidden`).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row, index: number): string;
}) {
  return (
    // A wrapper takes the hiding: a table box ignores `overflow`, so its cells would spill.
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The drawn chart: sized by its box, hidden from screen readers (the table speaks for it). Charts
 * inside take `accessibilityLayer={false}`: recharts' layer makes the drawing a focusable
 * `role="application"`, which would put a keyboard stop inside this hidden box (axe: aria-hidden-focus).
 * Their series take `isAnimationActive={false}`: an animated series kept the geometry of its first
 * layout when the page was resized (bars and lines ran past the axes), and nothing moves for
 * readers who prefer reduced motion.
 */
export function ChartBox({ children, height = 280 }: { children: ReactNode; height?: number }) {
  return (
    <div className="chart-box" aria-hidden="true" style={{ height }}>
      {children}
    </div>
  );
}

/**
 * A dashboard panel: heading, then loading, the API's refusal in words (with retry), the empty
 * state, or the chart with its text alternative.
 */
export function ChartSection({
  id,
  title,
  fetching,
  error,
  empty,
  onRetry,
  note,
  children,
}: {
  id: string;
  title: string;
  fetching: boolean;
  error: CombinedError | undefined;
  /** True once data arrived and there is nothing to draw. */
  empty: boolean;
  onRetry?: () => void;
  note?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = `${id}-heading`;
  return (
    <section className="panel chart-panel" aria-labelledby={headingId} aria-busy={fetching}>
      <h2 id={headingId}>{title}</h2>
      {note && <p className="muted chart-note">{note}</p>}
      {error ? (
        <>
          <ProblemList error={error} title={t.dashboard.loadFailed} />
          {onRetry && (
            <button type="button" className="secondary" onClick={onRetry}>
              {t.common.retry}
            </button>
          )}
        </>
      ) : fetching && empty ? (
        <p className="muted">{t.common.loading}</p>
      ) : empty ? (
        <p className="muted chart-empty">{t.dashboard.empty}</p>
      ) : (
        children
      )}
    </section>
  );
}
