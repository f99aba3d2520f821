import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import type { CasesListQuery } from '../../gql/graphql.js';
import { useI18n } from '../../i18n/i18n.js';
import { usePollWhile } from '../../shared/hooks.js';
import { ProblemList } from '../../shared/ProblemList.js';
import { CaseFilters } from './CaseFilters.js';
import { useCasesText } from './cases.i18n.js';
import { SlaClock, useNow } from './SlaClock.js';
import { useCaseFilters } from './useCaseFilters.js';
import './cases.css';

const PAGE = 50;

const CasesListQuery = graphql(`
  query CasesList($filter: CaseFilter, $orderBy: CaseOrder, $first: Int!, $after: String) {
    cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        reason
        openedAt
        responseDueAt
        responseClock
        firstResponseAt
        resolvedAt
        remindedAt
        escalatedAt
        account {
          id
          name
        }
        department {
          id
          name
        }
        owner {
          id
          name
        }
      }
    }
  }
`);

type CaseRowData = CasesListQuery['cases']['nodes'][number];

function CaseRow({ c, now }: { c: CaseRowData; now: Date }) {
  const text = useCasesText();
  const { dateTime } = useI18n();
  return (
    <tr data-testid={`case-${c.id}`}>
      <td className="when">
        <Link to={`/cases/${encodeURIComponent(c.id)}`}>{dateTime(c.openedAt)}</Link>
      </td>
      <td>
        <SlaClock facts={c} now={now} />
      </td>
      <td>{text.status[c.status]}</td>
      <td>{text.reason[c.reason]}</td>
      <td>{c.account?.name ?? '—'}</td>
      <td>{c.department?.name ?? text.list.noDepartment}</td>
      <td>{c.owner?.name ?? text.list.noOwner}</td>
      <td>
        {c.escalatedAt
          ? `${text.list.escalated} ${dateTime(c.escalatedAt)}`
          : c.remindedAt
            ? `${text.list.reminded} ${dateTime(c.remindedAt)}`
            : text.list.noEscalation}
      </td>
    </tr>
  );
}

/**
 * The CX office's cases for unhappy feedback, each with its response clock; filters and the page
 * cursor live in the URL. The list re-reads itself every minute, as the clocks move.
 */
export function CasesPage() {
  const text = useCasesText();
  const { lang, t } = useI18n();
  const filters = useCaseFilters();
  const [params, setParams] = useSearchParams();
  const after = params.get('after');
  const now = useNow();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CasesListQuery,
    variables: { filter: filters.filter, orderBy: filters.orderBy, first: PAGE, after },
  });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePollWhile(true, fetching, refetch, 60_000);
  const page = (cursor: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (cursor) next.set('after', cursor);
      else next.delete('after');
      return next;
    });
  const cases = data?.cases.nodes ?? [];
  return (
    <div className="cases-page">
      <h1>{text.list.heading}</h1>
      <p className="muted">{text.list.intro}</p>
      <CaseFilters filters={filters} />
      {error && !data ? (
        <div>
          <ProblemList error={error} title={text.list.loadFailed} />
          <button type="button" onClick={refetch}>
            {t.common.retry}
          </button>
        </div>
      ) : !data ? (
        <p aria-busy="true">{fetching ? t.common.loading : ''}</p>
      ) : cases.length === 0 ? (
        <p className="empty-state">{filters.active ? text.list.empty : text.list.emptyAll}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {text.list.count(data.cases.totalCount, lang)}
          </p>
          <div className="table-scroll">
            <table className="feedback-table cases-table">
              <thead>
                <tr>
                  <th scope="col">{text.list.opened}</th>
                  <th scope="col">{text.list.clock}</th>
                  <th scope="col">{text.list.status}</th>
                  <th scope="col">{text.list.reason}</th>
                  <th scope="col">{text.list.account}</th>
                  <th scope="col">{text.list.department}</th>
                  <th scope="col">{text.list.owner}</th>
                  <th scope="col">{text.list.escalation}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <CaseRow key={c.id} c={c} now={now} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="pager">
            {after && (
              <button type="button" className="secondary" onClick={() => page(null)}>
                {text.list.first}
              </button>
            )}
            {data.cases.pageInfo.hasNextPage && (
              <button
                type="button"
                className="secondary"
                onClick={() => page(data.cases.pageInfo.endCursor ?? null)}
              >
                {text.list.next}
              </button>
            )}
          </p>
        </>
      )}
    </div>
  );
}
