import { graphql } from '../../gql/index.js';

/** What acting on a task needs: the task, its initiative, and who owns that initiative. */
export const InboxTaskFields = graphql(`
  fragment InboxTaskFields on InitiativeTask {
    id
    title
    description
    status
    dueAt
    overdue
    outcomeNote
    createdAt
    assignee {
      id
      name
    }
    department {
      id
      name
    }
    initiative {
      id
      code
      title
      problem
      owner {
        id
        name
      }
    }
  }
`);

/** What acting on a case needs: the feedback behind it, who gave it, and their account. */
export const InboxCaseFields = graphql(`
  fragment InboxCaseFields on Case {
    id
    reason
    status
    openedAt
    responseDueAt
    firstResponseAt
    resolutionNote
    account {
      id
      name
    }
    feedback {
      id
      text
      npsScore
      receivedAt
      contact {
        id
        name
      }
    }
  }
`);

export const CompleteTaskMutation = graphql(`
  mutation InboxCompleteTask($id: ID!, $note: String) {
    completeTask(id: $id, outcomeNote: $note) {
      ...InboxTaskFields
    }
  }
`);

export const RejectTaskMutation = graphql(`
  mutation InboxRejectTask($id: ID!, $note: String!) {
    rejectTask(id: $id, note: $note) {
      ...InboxTaskFields
    }
  }
`);

export const ReassignTaskMutation = graphql(`
  mutation InboxReassignTask($id: ID!, $input: ReassignTaskInput!) {
    reassignTask(id: $id, input: $input) {
      ...InboxTaskFields
    }
  }
`);

export const RespondCaseMutation = graphql(`
  mutation InboxRespondCase($id: ID!) {
    respondToCase(id: $id) {
      ...InboxCaseFields
    }
  }
`);

export const ResolveCaseMutation = graphql(`
  mutation InboxResolveCase($input: ResolveCaseInput!) {
    resolveCase(input: $input) {
      ...InboxCaseFields
    }
  }
`);

/** Who in the task's department can take it over: its active people (the server scopes the rows). */
export const ColleaguesQuery = graphql(`
  query InboxColleagues($departmentId: ID!) {
    users(first: 100, filter: { departmentId: $departmentId, active: true }) {
      nodes {
        id
        name
      }
    }
  }
`);

/** Every change that may add, alter or remove an entry: pages refetch on each push. */
export const InboxChangedSubscription = graphql(`
  subscription InboxChanged {
    inboxChanged {
      id
      kind
      taskId
      createdAt
    }
  }
`);

export const InboxTaskChangedSubscription = graphql(`
  subscription InboxTaskChanged {
    taskChanged {
      ...InboxTaskFields
    }
  }
`);

/** A notice in the inbox: what the workflows told the department or the member. */
export const InboxNoticeFields = graphql(`
  fragment InboxNoticeFields on InboxEntry {
    id
    kind
    subject
    body
    taskId
    createdAt
    readAt
  }
`);

export const MarkNoticeReadMutation = graphql(`
  mutation InboxMarkNoticeRead($id: ID!) {
    markInboxEntryRead(id: $id) {
      ...InboxNoticeFields
    }
  }
`);
