import { useCallback } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql/index.js';

// Three documents, not one: the hub prices a query by its fields and nesting (`maxCost`), and
// tasks, cases and notices together would exceed it.
const DepartmentTasksQuery = graphql(`
  query DepartmentTasks($departmentId: ID) {
    initiativeTasks(
      first: 100
      filter: { departmentId: $departmentId, statuses: [OPEN, IN_PROGRESS] }
    ) {
      totalCount
      nodes {
        id
        overdue
        dueAt
        ...InboxTaskFields
      }
    }
  }
`);

const DepartmentCasesQuery = graphql(`
  query DepartmentCases($departmentId: ID) {
    cases(first: 100, filter: { departmentId: $departmentId, statuses: [OPEN, RESPONDED] }) {
      totalCount
      nodes {
        id
        status
        responseDueAt
        ...InboxCaseFields
      }
    }
    overdueCases: cases(first: 100, filter: { departmentId: $departmentId, overdueOnly: true }) {
      nodes {
        id
      }
    }
  }
`);

const InboxNoticesQuery = graphql(`
  query InboxNotices {
    notices: inboxEntries(first: 20, filter: { unreadOnly: true }) {
      totalCount
      nodes {
        id
        ...InboxNoticeFields
      }
    }
  }
`);

/** The department's open tasks, open and answered cases, and unread notices, read together. */
export function useDepartmentInbox(departmentId: string | null, pause: boolean) {
  const variables = { departmentId };
  const [tasks, refetchTasks] = useQuery({ query: DepartmentTasksQuery, variables, pause });
  const [cases, refetchCases] = useQuery({ query: DepartmentCasesQuery, variables, pause });
  const [notices, refetchNotices] = useQuery({ query: InboxNoticesQuery, pause });
  const refetch = useCallback(() => {
    const policy = { requestPolicy: 'network-only' as const };
    refetchTasks(policy);
    refetchCases(policy);
    refetchNotices(policy);
  }, [refetchTasks, refetchCases, refetchNotices]);
  const data =
    tasks.data && cases.data && notices.data
      ? { ...tasks.data, ...cases.data, ...notices.data }
      : undefined;
  const error: CombinedError | undefined = tasks.error ?? cases.error ?? notices.error;
  return {
    data,
    error,
    fetching: tasks.fetching || cases.fetching || notices.fetching,
    refetch,
  };
}
