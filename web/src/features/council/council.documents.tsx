import { graphql } from '../../gql/index.js';

/** What a council member follows of an initiative (the server scopes rows and fields). */
export const CouncilInitiativeFields = graphql(`
  fragment CouncilInitiativeFields on Initiative {
    id
    code
    title
    problem
    status
    processGroup
    revision
    dueAt
    openTaskCount
    affectedAccounts {
      id
      name
    }
    tasks {
      id
      title
      status
      dueAt
      completedAt
      outcomeNote
    }
    notifications {
      id
      kind
      milestone
      locale
      subject
      body
      createdAt
      sentAt
      account {
        id
        name
      }
    }
    councilReviews {
      id
      decision
      revision
      createdAt
      decidedAt
      comments
      council {
        id
        name
      }
      agenda {
        brief
        processGroup
        revision
        tasksDone {
          title
          department
          completedAt
          outcomeNote
        }
        tasksOpen {
          title
          department
          dueAt
          status
        }
        targets {
          metricCode
          metricName
          unit
          baseline
          targetValue
          latestValue
          latestPeriod
        }
        notificationsSent {
          milestone
          count
        }
      }
    }
  }
`);

export const DecideReviewMutation = graphql(`
  mutation CouncilDecideReview($id: ID!, $input: DecideCouncilReviewInput!) {
    decideCouncilReview(id: $id, input: $input) {
      id
      decision
      decidedAt
      comments
    }
  }
`);

export const CouncilReviewChangedSubscription = graphql(`
  subscription CouncilReviewChanged {
    councilReviewChanged {
      id
      decision
      decidedAt
      comments
    }
  }
`);

export const CouncilInitiativeChangedSubscription = graphql(`
  subscription CouncilInitiativeChanged {
    initiativeChanged {
      ...CouncilInitiativeFields
    }
  }
`);

export const CouncilTaskChangedSubscription = graphql(`
  subscription CouncilTaskChanged {
    taskChanged {
      id
      status
      completedAt
      outcomeNote
    }
  }
`);
