import { useSearchParams } from 'react-router';
import type { CaseFilter, CaseOrder, CaseStatus } from '../../gql/graphql.js';

const STATUSES: readonly CaseStatus[] = ['OPEN', 'RESPONDED', 'RESOLVED'];
const SORTS = ['opened', 'due'] as const;
export type CaseSort = (typeof SORTS)[number];

export interface CaseFilterValues {
  status: CaseStatus | '';
  department: string;
  overdue: boolean;
  sort: CaseSort;
}

/**
 * The cases list's filters live in the URL query (`?status=OPEN&department=…&overdue=1&sort=due`):
 * a filtered list is a link, and a reload keeps it.
 */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const values: CaseFilterValues = {
    status: STATUSES.find((s) => s === params.get('status')) ?? '',
    department: params.get('department') ?? '',
    overdue: params.get('overdue') === '1',
    sort: SORTS.find((s) => s === params.get('sort')) ?? 'opened',
  };
  const filter: CaseFilter = {
    ...(values.status ? { statuses: [values.status] } : {}),
    ...(values.department ? { departmentId: values.department } : {}),
    ...(values.overdue ? { overdueOnly: true } : {}),
  };
  const orderBy: CaseOrder =
    values.sort === 'due'
      ? { field: 'RESPONSE_DUE_AT', direction: 'ASC' }
      : { field: 'OPENED_AT', direction: 'DESC' };
  const set = (key: 'status' | 'department' | 'sort', value: string) =>
    update((next) => (value ? next.set(key, value) : next.delete(key)));
  const setOverdue = (on: boolean) =>
    update((next) => (on ? next.set('overdue', '1') : next.delete('overdue')));
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        // Another filter is another list: its first page.
        next.delete('after');
        change(next);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const active = Boolean(values.status || values.department || values.overdue);
  return { values, filter, orderBy, set, setOverdue, clear, active, statuses: STATUSES };
}
