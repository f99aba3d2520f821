import { useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import { useCasesText } from './cases.i18n.js';
import type { useCaseFilters } from './useCaseFilters.js';

const CaseFilterOptionsQuery = graphql(`
  query CaseFilterOptions {
    departments(first: 100, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
      }
    }
  }
`);

/** Status, department, overdue only and the order: each choice rewrites the URL query. */
export function CaseFilters({ filters }: { filters: ReturnType<typeof useCaseFilters> }) {
  const text = useCasesText();
  const [{ data }] = useQuery({ query: CaseFilterOptionsQuery });
  const { values, set, setOverdue, clear, statuses } = filters;
  return (
    <fieldset className="board-filters case-filters">
      <legend>{text.filters.legend}</legend>
      <label>
        <span>{text.filters.status}</span>
        <select value={values.status} onChange={(e) => set('status', e.target.value)}>
          <option value="">{text.filters.any}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {text.status[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{text.filters.department}</span>
        <select value={values.department} onChange={(e) => set('department', e.target.value)}>
          <option value="">{text.filters.any}</option>
          {data?.departments.nodes.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.overdue}
          onChange={(e) => setOverdue(e.target.checked)}
        />
        <span>{text.filters.overdue}</span>
      </label>
      <label>
        <span>{text.filters.sort}</span>
        <select value={values.sort} onChange={(e) => set('sort', e.target.value)}>
          <option value="opened">{text.filters.sortOpened}</option>
          <option value="due">{text.filters.sortDue}</option>
        </select>
      </label>
      <button type="button" onClick={clear}>
        {text.filters.clear}
      </button>
    </fieldset>
  );
}
