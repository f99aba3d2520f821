/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ViewerName($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.ViewerNameDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Viewer {\n    me {\n      kind\n      role\n      userId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query BoardFilterOptions {\n    segments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    users(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        name\n      }\n    }\n    processClasses(first: 100) {\n      nodes {\n        id\n        code\n        name\n        nameRu\n      }\n    }\n  }\n": typeof types.BoardFilterOptionsDocument,
    "\n  query BoardInitiatives($filter: InitiativeFilter) {\n    initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {\n      totalCount\n      nodes {\n        id\n        code\n        title\n        status\n        processGroup\n        openTaskCount\n        owner {\n          id\n          name\n        }\n        affectedAccounts {\n          id\n          name\n        }\n        tasks {\n          id\n          overdue\n        }\n        notifications {\n          id\n          createdAt\n          sentAt\n          status\n        }\n        councilReviews {\n          id\n          decision\n          council {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardInitiativesDocument,
    "\n  mutation MoveInitiative($id: ID!, $processGroup: ProcessGroup!, $brief: String) {\n    moveInitiative(id: $id, processGroup: $processGroup, brief: $brief) {\n      id\n      processGroup\n      status\n      revision\n    }\n  }\n": typeof types.MoveInitiativeDocument,
    "\n  mutation CloseInitiative($id: ID!) {\n    closeInitiative(id: $id) {\n      id\n      processGroup\n      status\n      closedAt\n    }\n  }\n": typeof types.CloseInitiativeDocument,
    "\n  query CouncilInitiatives {\n    initiatives(first: 25, filter: { clientVisible: true }) {\n      totalCount\n      nodes {\n        id\n        ...CouncilInitiativeFields\n      }\n    }\n  }\n": typeof types.CouncilInitiativesDocument,
    "\n  query CouncilInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      ...CouncilInitiativeFields\n    }\n  }\n": typeof types.CouncilInitiativeDocument,
    "\n  fragment CouncilInitiativeFields on Initiative {\n    id\n    code\n    title\n    problem\n    status\n    processGroup\n    revision\n    dueAt\n    openTaskCount\n    affectedAccounts {\n      id\n      name\n    }\n    tasks {\n      id\n      title\n      status\n      dueAt\n      completedAt\n      outcomeNote\n    }\n    notifications {\n      id\n      kind\n      milestone\n      subject\n      body\n      createdAt\n      sentAt\n      account {\n        id\n        name\n      }\n    }\n    councilReviews {\n      id\n      decision\n      revision\n      createdAt\n      decidedAt\n      comments\n      council {\n        id\n        name\n      }\n      agenda {\n        brief\n        processGroup\n        revision\n        tasksDone {\n          title\n          department\n          completedAt\n          outcomeNote\n        }\n        tasksOpen {\n          title\n          department\n          dueAt\n          status\n        }\n        targets {\n          metricCode\n          metricName\n          unit\n          baseline\n          targetValue\n          latestValue\n          latestPeriod\n        }\n        notificationsSent {\n          milestone\n          count\n        }\n      }\n    }\n  }\n": typeof types.CouncilInitiativeFieldsFragmentDoc,
    "\n  mutation CouncilDecideReview($id: ID!, $input: DecideCouncilReviewInput!) {\n    decideCouncilReview(id: $id, input: $input) {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n": typeof types.CouncilDecideReviewDocument,
    "\n  subscription CouncilReviewChanged {\n    councilReviewChanged {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n": typeof types.CouncilReviewChangedDocument,
    "\n  subscription CouncilInitiativeChanged {\n    initiativeChanged {\n      ...CouncilInitiativeFields\n    }\n  }\n": typeof types.CouncilInitiativeChangedDocument,
    "\n  subscription CouncilTaskChanged {\n    taskChanged {\n      id\n      status\n      completedAt\n      outcomeNote\n    }\n  }\n": typeof types.CouncilTaskChangedDocument,
    "\n  query DashboardComputableShare($input: ComputableShareInput) {\n    computableShare(input: $input) {\n      segment {\n        id\n        name\n      }\n      stage\n      rising\n      points {\n        period\n        computableShare\n        computableObservations\n        triggerObservations\n      }\n    }\n  }\n": typeof types.DashboardComputableShareDocument,
    "\n  query DashboardCoverage($input: CoverageInput!) {\n    respondentCoverage(input: $input) {\n      accounts\n      fullyCovered\n      fullAccountShare\n      fullRevenueShare\n      classes {\n        respondentClass\n        accountShare\n        revenueShare\n        accountsHeard\n      }\n    }\n  }\n": typeof types.DashboardCoverageDocument,
    "\n  query DashboardFinance($linkage: FinanceLinkageInput!, $figures: PeriodFigureFilter!) {\n    financeLinkage(input: $linkage) {\n      divergentAccounts {\n        account {\n          id\n        }\n      }\n    }\n    periodFigures(filter: $figures, first: 100) {\n      nodes {\n        account {\n          id\n          name\n        }\n        nps\n        grossMargin\n      }\n    }\n  }\n": typeof types.DashboardFinanceDocument,
    "\n  query DashboardMarginAtRisk {\n    marginAtRisk {\n      period\n      total {\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n      segments {\n        segment {\n          id\n          name\n        }\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n    }\n  }\n": typeof types.DashboardMarginAtRiskDocument,
    "\n  query DashboardMaturity {\n    maturity {\n      processGroup\n      level\n      missingForNextLevel {\n        code\n        level\n        criterion\n        threshold\n        figure\n      }\n    }\n  }\n": typeof types.DashboardMaturityDocument,
    "\n  query DashboardLatestPareto {\n    analyses(filter: { kinds: [PARETO] }, first: 1) {\n      nodes {\n        id\n        periodFrom\n        periodTo\n        result\n      }\n    }\n  }\n": typeof types.DashboardLatestParetoDocument,
    "\n  query DashboardScaleAligned($input: ScaleAlignmentInput!) {\n    scaleAlignedScores(input: $input) {\n      spearman\n      accounts {\n        account {\n          id\n          name\n        }\n        raw\n        aligned\n        rankShift\n        responses\n      }\n    }\n  }\n": typeof types.DashboardScaleAlignedDocument,
    "\n  query DashboardTrend($filter: PeriodFigureFilter!) {\n    periodFigures(filter: $filter, first: 100) {\n      nodes {\n        period\n        nps\n        csi\n        responses\n      }\n    }\n  }\n": typeof types.DashboardTrendDocument,
    "\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AccountPickerDocument,
    "\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n": typeof types.ContactPickerDocument,
    "\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": typeof types.FeedbackListDocument,
    "\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n": typeof types.FeedbackRow_ItemFragmentDoc,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": typeof types.SubmitFeedbackDocument,
    "\n  query InboxTask($id: ID!) {\n    initiativeTask(id: $id) {\n      id\n      ...InboxTaskFields\n    }\n  }\n": typeof types.InboxTaskDocument,
    "\n  query InboxCase($id: ID!) {\n    case(id: $id) {\n      id\n      ...InboxCaseFields\n    }\n    overdueCases: cases(first: 100, filter: { overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.InboxCaseDocument,
    "\n  query InboxViewer {\n    me {\n      kind\n      userId\n      departmentId\n    }\n  }\n": typeof types.InboxViewerDocument,
    "\n  fragment InboxTaskFields on InitiativeTask {\n    id\n    title\n    description\n    status\n    dueAt\n    overdue\n    outcomeNote\n    createdAt\n    assignee {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    initiative {\n      id\n      code\n      title\n      problem\n      owner {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InboxTaskFieldsFragmentDoc,
    "\n  fragment InboxCaseFields on Case {\n    id\n    reason\n    status\n    openedAt\n    responseDueAt\n    firstResponseAt\n    resolutionNote\n    account {\n      id\n      name\n    }\n    feedback {\n      id\n      text\n      npsScore\n      receivedAt\n      contact {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InboxCaseFieldsFragmentDoc,
    "\n  mutation InboxCompleteTask($id: ID!, $note: String) {\n    completeTask(id: $id, outcomeNote: $note) {\n      ...InboxTaskFields\n    }\n  }\n": typeof types.InboxCompleteTaskDocument,
    "\n  mutation InboxRejectTask($id: ID!, $note: String!) {\n    rejectTask(id: $id, note: $note) {\n      ...InboxTaskFields\n    }\n  }\n": typeof types.InboxRejectTaskDocument,
    "\n  mutation InboxReassignTask($id: ID!, $input: ReassignTaskInput!) {\n    reassignTask(id: $id, input: $input) {\n      ...InboxTaskFields\n    }\n  }\n": typeof types.InboxReassignTaskDocument,
    "\n  mutation InboxRespondCase($id: ID!) {\n    respondToCase(id: $id) {\n      ...InboxCaseFields\n    }\n  }\n": typeof types.InboxRespondCaseDocument,
    "\n  mutation InboxResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      ...InboxCaseFields\n    }\n  }\n": typeof types.InboxResolveCaseDocument,
    "\n  query InboxDepartments {\n    departments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InboxDepartmentsDocument,
    "\n  subscription InboxChanged {\n    inboxChanged {\n      id\n      kind\n      taskId\n      createdAt\n    }\n  }\n": typeof types.InboxChangedDocument,
    "\n  subscription InboxTaskChanged {\n    taskChanged {\n      ...InboxTaskFields\n    }\n  }\n": typeof types.InboxTaskChangedDocument,
    "\n  fragment InboxNoticeFields on InboxEntry {\n    id\n    kind\n    subject\n    body\n    taskId\n    createdAt\n    readAt\n  }\n": typeof types.InboxNoticeFieldsFragmentDoc,
    "\n  mutation InboxMarkNoticeRead($id: ID!) {\n    markInboxEntryRead(id: $id) {\n      ...InboxNoticeFields\n    }\n  }\n": typeof types.InboxMarkNoticeReadDocument,
    "\n  query DepartmentTasks($departmentId: ID) {\n    initiativeTasks(\n      first: 100\n      filter: { departmentId: $departmentId, statuses: [OPEN, IN_PROGRESS] }\n    ) {\n      totalCount\n      nodes {\n        id\n        overdue\n        dueAt\n        ...InboxTaskFields\n      }\n    }\n  }\n": typeof types.DepartmentTasksDocument,
    "\n  query DepartmentCases($departmentId: ID) {\n    cases(first: 100, filter: { departmentId: $departmentId, statuses: [OPEN, RESPONDED] }) {\n      totalCount\n      nodes {\n        id\n        status\n        responseDueAt\n        ...InboxCaseFields\n      }\n    }\n    overdueCases: cases(first: 100, filter: { departmentId: $departmentId, overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.DepartmentCasesDocument,
    "\n  query InboxNotices {\n    notices: inboxEntries(first: 20, filter: { unreadOnly: true }) {\n      totalCount\n      nodes {\n        id\n        ...InboxNoticeFields\n      }\n    }\n  }\n": typeof types.InboxNoticesDocument,
    "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n": typeof types.InitiativeDetailDocument,
};
const documents: Documents = {
    "\n  query ViewerName($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n": types.ViewerNameDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query Viewer {\n    me {\n      kind\n      role\n      userId\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query BoardFilterOptions {\n    segments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    users(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        name\n      }\n    }\n    processClasses(first: 100) {\n      nodes {\n        id\n        code\n        name\n        nameRu\n      }\n    }\n  }\n": types.BoardFilterOptionsDocument,
    "\n  query BoardInitiatives($filter: InitiativeFilter) {\n    initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {\n      totalCount\n      nodes {\n        id\n        code\n        title\n        status\n        processGroup\n        openTaskCount\n        owner {\n          id\n          name\n        }\n        affectedAccounts {\n          id\n          name\n        }\n        tasks {\n          id\n          overdue\n        }\n        notifications {\n          id\n          createdAt\n          sentAt\n          status\n        }\n        councilReviews {\n          id\n          decision\n          council {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.BoardInitiativesDocument,
    "\n  mutation MoveInitiative($id: ID!, $processGroup: ProcessGroup!, $brief: String) {\n    moveInitiative(id: $id, processGroup: $processGroup, brief: $brief) {\n      id\n      processGroup\n      status\n      revision\n    }\n  }\n": types.MoveInitiativeDocument,
    "\n  mutation CloseInitiative($id: ID!) {\n    closeInitiative(id: $id) {\n      id\n      processGroup\n      status\n      closedAt\n    }\n  }\n": types.CloseInitiativeDocument,
    "\n  query CouncilInitiatives {\n    initiatives(first: 25, filter: { clientVisible: true }) {\n      totalCount\n      nodes {\n        id\n        ...CouncilInitiativeFields\n      }\n    }\n  }\n": types.CouncilInitiativesDocument,
    "\n  query CouncilInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      ...CouncilInitiativeFields\n    }\n  }\n": types.CouncilInitiativeDocument,
    "\n  fragment CouncilInitiativeFields on Initiative {\n    id\n    code\n    title\n    problem\n    status\n    processGroup\n    revision\n    dueAt\n    openTaskCount\n    affectedAccounts {\n      id\n      name\n    }\n    tasks {\n      id\n      title\n      status\n      dueAt\n      completedAt\n      outcomeNote\n    }\n    notifications {\n      id\n      kind\n      milestone\n      subject\n      body\n      createdAt\n      sentAt\n      account {\n        id\n        name\n      }\n    }\n    councilReviews {\n      id\n      decision\n      revision\n      createdAt\n      decidedAt\n      comments\n      council {\n        id\n        name\n      }\n      agenda {\n        brief\n        processGroup\n        revision\n        tasksDone {\n          title\n          department\n          completedAt\n          outcomeNote\n        }\n        tasksOpen {\n          title\n          department\n          dueAt\n          status\n        }\n        targets {\n          metricCode\n          metricName\n          unit\n          baseline\n          targetValue\n          latestValue\n          latestPeriod\n        }\n        notificationsSent {\n          milestone\n          count\n        }\n      }\n    }\n  }\n": types.CouncilInitiativeFieldsFragmentDoc,
    "\n  mutation CouncilDecideReview($id: ID!, $input: DecideCouncilReviewInput!) {\n    decideCouncilReview(id: $id, input: $input) {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n": types.CouncilDecideReviewDocument,
    "\n  subscription CouncilReviewChanged {\n    councilReviewChanged {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n": types.CouncilReviewChangedDocument,
    "\n  subscription CouncilInitiativeChanged {\n    initiativeChanged {\n      ...CouncilInitiativeFields\n    }\n  }\n": types.CouncilInitiativeChangedDocument,
    "\n  subscription CouncilTaskChanged {\n    taskChanged {\n      id\n      status\n      completedAt\n      outcomeNote\n    }\n  }\n": types.CouncilTaskChangedDocument,
    "\n  query DashboardComputableShare($input: ComputableShareInput) {\n    computableShare(input: $input) {\n      segment {\n        id\n        name\n      }\n      stage\n      rising\n      points {\n        period\n        computableShare\n        computableObservations\n        triggerObservations\n      }\n    }\n  }\n": types.DashboardComputableShareDocument,
    "\n  query DashboardCoverage($input: CoverageInput!) {\n    respondentCoverage(input: $input) {\n      accounts\n      fullyCovered\n      fullAccountShare\n      fullRevenueShare\n      classes {\n        respondentClass\n        accountShare\n        revenueShare\n        accountsHeard\n      }\n    }\n  }\n": types.DashboardCoverageDocument,
    "\n  query DashboardFinance($linkage: FinanceLinkageInput!, $figures: PeriodFigureFilter!) {\n    financeLinkage(input: $linkage) {\n      divergentAccounts {\n        account {\n          id\n        }\n      }\n    }\n    periodFigures(filter: $figures, first: 100) {\n      nodes {\n        account {\n          id\n          name\n        }\n        nps\n        grossMargin\n      }\n    }\n  }\n": types.DashboardFinanceDocument,
    "\n  query DashboardMarginAtRisk {\n    marginAtRisk {\n      period\n      total {\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n      segments {\n        segment {\n          id\n          name\n        }\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n    }\n  }\n": types.DashboardMarginAtRiskDocument,
    "\n  query DashboardMaturity {\n    maturity {\n      processGroup\n      level\n      missingForNextLevel {\n        code\n        level\n        criterion\n        threshold\n        figure\n      }\n    }\n  }\n": types.DashboardMaturityDocument,
    "\n  query DashboardLatestPareto {\n    analyses(filter: { kinds: [PARETO] }, first: 1) {\n      nodes {\n        id\n        periodFrom\n        periodTo\n        result\n      }\n    }\n  }\n": types.DashboardLatestParetoDocument,
    "\n  query DashboardScaleAligned($input: ScaleAlignmentInput!) {\n    scaleAlignedScores(input: $input) {\n      spearman\n      accounts {\n        account {\n          id\n          name\n        }\n        raw\n        aligned\n        rankShift\n        responses\n      }\n    }\n  }\n": types.DashboardScaleAlignedDocument,
    "\n  query DashboardTrend($filter: PeriodFigureFilter!) {\n    periodFigures(filter: $filter, first: 100) {\n      nodes {\n        period\n        nps\n        csi\n        responses\n      }\n    }\n  }\n": types.DashboardTrendDocument,
    "\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.AccountPickerDocument,
    "\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n": types.ContactPickerDocument,
    "\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": types.FeedbackListDocument,
    "\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n": types.FeedbackRow_ItemFragmentDoc,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": types.SubmitFeedbackDocument,
    "\n  query InboxTask($id: ID!) {\n    initiativeTask(id: $id) {\n      id\n      ...InboxTaskFields\n    }\n  }\n": types.InboxTaskDocument,
    "\n  query InboxCase($id: ID!) {\n    case(id: $id) {\n      id\n      ...InboxCaseFields\n    }\n    overdueCases: cases(first: 100, filter: { overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n": types.InboxCaseDocument,
    "\n  query InboxViewer {\n    me {\n      kind\n      userId\n      departmentId\n    }\n  }\n": types.InboxViewerDocument,
    "\n  fragment InboxTaskFields on InitiativeTask {\n    id\n    title\n    description\n    status\n    dueAt\n    overdue\n    outcomeNote\n    createdAt\n    assignee {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    initiative {\n      id\n      code\n      title\n      problem\n      owner {\n        id\n        name\n      }\n    }\n  }\n": types.InboxTaskFieldsFragmentDoc,
    "\n  fragment InboxCaseFields on Case {\n    id\n    reason\n    status\n    openedAt\n    responseDueAt\n    firstResponseAt\n    resolutionNote\n    account {\n      id\n      name\n    }\n    feedback {\n      id\n      text\n      npsScore\n      receivedAt\n      contact {\n        id\n        name\n      }\n    }\n  }\n": types.InboxCaseFieldsFragmentDoc,
    "\n  mutation InboxCompleteTask($id: ID!, $note: String) {\n    completeTask(id: $id, outcomeNote: $note) {\n      ...InboxTaskFields\n    }\n  }\n": types.InboxCompleteTaskDocument,
    "\n  mutation InboxRejectTask($id: ID!, $note: String!) {\n    rejectTask(id: $id, note: $note) {\n      ...InboxTaskFields\n    }\n  }\n": types.InboxRejectTaskDocument,
    "\n  mutation InboxReassignTask($id: ID!, $input: ReassignTaskInput!) {\n    reassignTask(id: $id, input: $input) {\n      ...InboxTaskFields\n    }\n  }\n": types.InboxReassignTaskDocument,
    "\n  mutation InboxRespondCase($id: ID!) {\n    respondToCase(id: $id) {\n      ...InboxCaseFields\n    }\n  }\n": types.InboxRespondCaseDocument,
    "\n  mutation InboxResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      ...InboxCaseFields\n    }\n  }\n": types.InboxResolveCaseDocument,
    "\n  query InboxDepartments {\n    departments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.InboxDepartmentsDocument,
    "\n  subscription InboxChanged {\n    inboxChanged {\n      id\n      kind\n      taskId\n      createdAt\n    }\n  }\n": types.InboxChangedDocument,
    "\n  subscription InboxTaskChanged {\n    taskChanged {\n      ...InboxTaskFields\n    }\n  }\n": types.InboxTaskChangedDocument,
    "\n  fragment InboxNoticeFields on InboxEntry {\n    id\n    kind\n    subject\n    body\n    taskId\n    createdAt\n    readAt\n  }\n": types.InboxNoticeFieldsFragmentDoc,
    "\n  mutation InboxMarkNoticeRead($id: ID!) {\n    markInboxEntryRead(id: $id) {\n      ...InboxNoticeFields\n    }\n  }\n": types.InboxMarkNoticeReadDocument,
    "\n  query DepartmentTasks($departmentId: ID) {\n    initiativeTasks(\n      first: 100\n      filter: { departmentId: $departmentId, statuses: [OPEN, IN_PROGRESS] }\n    ) {\n      totalCount\n      nodes {\n        id\n        overdue\n        dueAt\n        ...InboxTaskFields\n      }\n    }\n  }\n": types.DepartmentTasksDocument,
    "\n  query DepartmentCases($departmentId: ID) {\n    cases(first: 100, filter: { departmentId: $departmentId, statuses: [OPEN, RESPONDED] }) {\n      totalCount\n      nodes {\n        id\n        status\n        responseDueAt\n        ...InboxCaseFields\n      }\n    }\n    overdueCases: cases(first: 100, filter: { departmentId: $departmentId, overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n": types.DepartmentCasesDocument,
    "\n  query InboxNotices {\n    notices: inboxEntries(first: 20, filter: { unreadOnly: true }) {\n      totalCount\n      nodes {\n        id\n        ...InboxNoticeFields\n      }\n    }\n  }\n": types.InboxNoticesDocument,
    "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n": types.InitiativeDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerName($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ViewerName($id: ID!) {\n    user(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      kind\n      role\n      userId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      kind\n      role\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardFilterOptions {\n    segments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    users(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        name\n      }\n    }\n    processClasses(first: 100) {\n      nodes {\n        id\n        code\n        name\n        nameRu\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardFilterOptions {\n    segments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n    users(first: 100, filter: { active: true }) {\n      nodes {\n        id\n        name\n      }\n    }\n    processClasses(first: 100) {\n      nodes {\n        id\n        code\n        name\n        nameRu\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardInitiatives($filter: InitiativeFilter) {\n    initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {\n      totalCount\n      nodes {\n        id\n        code\n        title\n        status\n        processGroup\n        openTaskCount\n        owner {\n          id\n          name\n        }\n        affectedAccounts {\n          id\n          name\n        }\n        tasks {\n          id\n          overdue\n        }\n        notifications {\n          id\n          createdAt\n          sentAt\n          status\n        }\n        councilReviews {\n          id\n          decision\n          council {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardInitiatives($filter: InitiativeFilter) {\n    initiatives(first: 100, filter: $filter, orderBy: { field: CODE, direction: ASC }) {\n      totalCount\n      nodes {\n        id\n        code\n        title\n        status\n        processGroup\n        openTaskCount\n        owner {\n          id\n          name\n        }\n        affectedAccounts {\n          id\n          name\n        }\n        tasks {\n          id\n          overdue\n        }\n        notifications {\n          id\n          createdAt\n          sentAt\n          status\n        }\n        councilReviews {\n          id\n          decision\n          council {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveInitiative($id: ID!, $processGroup: ProcessGroup!, $brief: String) {\n    moveInitiative(id: $id, processGroup: $processGroup, brief: $brief) {\n      id\n      processGroup\n      status\n      revision\n    }\n  }\n"): (typeof documents)["\n  mutation MoveInitiative($id: ID!, $processGroup: ProcessGroup!, $brief: String) {\n    moveInitiative(id: $id, processGroup: $processGroup, brief: $brief) {\n      id\n      processGroup\n      status\n      revision\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseInitiative($id: ID!) {\n    closeInitiative(id: $id) {\n      id\n      processGroup\n      status\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseInitiative($id: ID!) {\n    closeInitiative(id: $id) {\n      id\n      processGroup\n      status\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CouncilInitiatives {\n    initiatives(first: 25, filter: { clientVisible: true }) {\n      totalCount\n      nodes {\n        id\n        ...CouncilInitiativeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CouncilInitiatives {\n    initiatives(first: 25, filter: { clientVisible: true }) {\n      totalCount\n      nodes {\n        id\n        ...CouncilInitiativeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CouncilInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      ...CouncilInitiativeFields\n    }\n  }\n"): (typeof documents)["\n  query CouncilInitiative($id: ID!) {\n    initiative(id: $id) {\n      id\n      ...CouncilInitiativeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CouncilInitiativeFields on Initiative {\n    id\n    code\n    title\n    problem\n    status\n    processGroup\n    revision\n    dueAt\n    openTaskCount\n    affectedAccounts {\n      id\n      name\n    }\n    tasks {\n      id\n      title\n      status\n      dueAt\n      completedAt\n      outcomeNote\n    }\n    notifications {\n      id\n      kind\n      milestone\n      subject\n      body\n      createdAt\n      sentAt\n      account {\n        id\n        name\n      }\n    }\n    councilReviews {\n      id\n      decision\n      revision\n      createdAt\n      decidedAt\n      comments\n      council {\n        id\n        name\n      }\n      agenda {\n        brief\n        processGroup\n        revision\n        tasksDone {\n          title\n          department\n          completedAt\n          outcomeNote\n        }\n        tasksOpen {\n          title\n          department\n          dueAt\n          status\n        }\n        targets {\n          metricCode\n          metricName\n          unit\n          baseline\n          targetValue\n          latestValue\n          latestPeriod\n        }\n        notificationsSent {\n          milestone\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CouncilInitiativeFields on Initiative {\n    id\n    code\n    title\n    problem\n    status\n    processGroup\n    revision\n    dueAt\n    openTaskCount\n    affectedAccounts {\n      id\n      name\n    }\n    tasks {\n      id\n      title\n      status\n      dueAt\n      completedAt\n      outcomeNote\n    }\n    notifications {\n      id\n      kind\n      milestone\n      subject\n      body\n      createdAt\n      sentAt\n      account {\n        id\n        name\n      }\n    }\n    councilReviews {\n      id\n      decision\n      revision\n      createdAt\n      decidedAt\n      comments\n      council {\n        id\n        name\n      }\n      agenda {\n        brief\n        processGroup\n        revision\n        tasksDone {\n          title\n          department\n          completedAt\n          outcomeNote\n        }\n        tasksOpen {\n          title\n          department\n          dueAt\n          status\n        }\n        targets {\n          metricCode\n          metricName\n          unit\n          baseline\n          targetValue\n          latestValue\n          latestPeriod\n        }\n        notificationsSent {\n          milestone\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CouncilDecideReview($id: ID!, $input: DecideCouncilReviewInput!) {\n    decideCouncilReview(id: $id, input: $input) {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n"): (typeof documents)["\n  mutation CouncilDecideReview($id: ID!, $input: DecideCouncilReviewInput!) {\n    decideCouncilReview(id: $id, input: $input) {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CouncilReviewChanged {\n    councilReviewChanged {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n"): (typeof documents)["\n  subscription CouncilReviewChanged {\n    councilReviewChanged {\n      id\n      decision\n      decidedAt\n      comments\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CouncilInitiativeChanged {\n    initiativeChanged {\n      ...CouncilInitiativeFields\n    }\n  }\n"): (typeof documents)["\n  subscription CouncilInitiativeChanged {\n    initiativeChanged {\n      ...CouncilInitiativeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CouncilTaskChanged {\n    taskChanged {\n      id\n      status\n      completedAt\n      outcomeNote\n    }\n  }\n"): (typeof documents)["\n  subscription CouncilTaskChanged {\n    taskChanged {\n      id\n      status\n      completedAt\n      outcomeNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardComputableShare($input: ComputableShareInput) {\n    computableShare(input: $input) {\n      segment {\n        id\n        name\n      }\n      stage\n      rising\n      points {\n        period\n        computableShare\n        computableObservations\n        triggerObservations\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardComputableShare($input: ComputableShareInput) {\n    computableShare(input: $input) {\n      segment {\n        id\n        name\n      }\n      stage\n      rising\n      points {\n        period\n        computableShare\n        computableObservations\n        triggerObservations\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardCoverage($input: CoverageInput!) {\n    respondentCoverage(input: $input) {\n      accounts\n      fullyCovered\n      fullAccountShare\n      fullRevenueShare\n      classes {\n        respondentClass\n        accountShare\n        revenueShare\n        accountsHeard\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardCoverage($input: CoverageInput!) {\n    respondentCoverage(input: $input) {\n      accounts\n      fullyCovered\n      fullAccountShare\n      fullRevenueShare\n      classes {\n        respondentClass\n        accountShare\n        revenueShare\n        accountsHeard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardFinance($linkage: FinanceLinkageInput!, $figures: PeriodFigureFilter!) {\n    financeLinkage(input: $linkage) {\n      divergentAccounts {\n        account {\n          id\n        }\n      }\n    }\n    periodFigures(filter: $figures, first: 100) {\n      nodes {\n        account {\n          id\n          name\n        }\n        nps\n        grossMargin\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardFinance($linkage: FinanceLinkageInput!, $figures: PeriodFigureFilter!) {\n    financeLinkage(input: $linkage) {\n      divergentAccounts {\n        account {\n          id\n        }\n      }\n    }\n    periodFigures(filter: $figures, first: 100) {\n      nodes {\n        account {\n          id\n          name\n        }\n        nps\n        grossMargin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMarginAtRisk {\n    marginAtRisk {\n      period\n      total {\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n      segments {\n        segment {\n          id\n          name\n        }\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardMarginAtRisk {\n    marginAtRisk {\n      period\n      total {\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n      segments {\n        segment {\n          id\n          name\n        }\n        margin\n        marginAtRisk\n        shareAtRisk\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMaturity {\n    maturity {\n      processGroup\n      level\n      missingForNextLevel {\n        code\n        level\n        criterion\n        threshold\n        figure\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardMaturity {\n    maturity {\n      processGroup\n      level\n      missingForNextLevel {\n        code\n        level\n        criterion\n        threshold\n        figure\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardLatestPareto {\n    analyses(filter: { kinds: [PARETO] }, first: 1) {\n      nodes {\n        id\n        periodFrom\n        periodTo\n        result\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardLatestPareto {\n    analyses(filter: { kinds: [PARETO] }, first: 1) {\n      nodes {\n        id\n        periodFrom\n        periodTo\n        result\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardScaleAligned($input: ScaleAlignmentInput!) {\n    scaleAlignedScores(input: $input) {\n      spearman\n      accounts {\n        account {\n          id\n          name\n        }\n        raw\n        aligned\n        rankShift\n        responses\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardScaleAligned($input: ScaleAlignmentInput!) {\n    scaleAlignedScores(input: $input) {\n      spearman\n      accounts {\n        account {\n          id\n          name\n        }\n        raw\n        aligned\n        rankShift\n        responses\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTrend($filter: PeriodFigureFilter!) {\n    periodFigures(filter: $filter, first: 100) {\n      nodes {\n        period\n        nps\n        csi\n        responses\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTrend($filter: PeriodFigureFilter!) {\n    periodFigures(filter: $filter, first: 100) {\n      nodes {\n        period\n        nps\n        csi\n        responses\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n"): (typeof documents)["\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxTask($id: ID!) {\n    initiativeTask(id: $id) {\n      id\n      ...InboxTaskFields\n    }\n  }\n"): (typeof documents)["\n  query InboxTask($id: ID!) {\n    initiativeTask(id: $id) {\n      id\n      ...InboxTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxCase($id: ID!) {\n    case(id: $id) {\n      id\n      ...InboxCaseFields\n    }\n    overdueCases: cases(first: 100, filter: { overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxCase($id: ID!) {\n    case(id: $id) {\n      id\n      ...InboxCaseFields\n    }\n    overdueCases: cases(first: 100, filter: { overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxViewer {\n    me {\n      kind\n      userId\n      departmentId\n    }\n  }\n"): (typeof documents)["\n  query InboxViewer {\n    me {\n      kind\n      userId\n      departmentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxTaskFields on InitiativeTask {\n    id\n    title\n    description\n    status\n    dueAt\n    overdue\n    outcomeNote\n    createdAt\n    assignee {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    initiative {\n      id\n      code\n      title\n      problem\n      owner {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment InboxTaskFields on InitiativeTask {\n    id\n    title\n    description\n    status\n    dueAt\n    overdue\n    outcomeNote\n    createdAt\n    assignee {\n      id\n      name\n    }\n    department {\n      id\n      name\n    }\n    initiative {\n      id\n      code\n      title\n      problem\n      owner {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxCaseFields on Case {\n    id\n    reason\n    status\n    openedAt\n    responseDueAt\n    firstResponseAt\n    resolutionNote\n    account {\n      id\n      name\n    }\n    feedback {\n      id\n      text\n      npsScore\n      receivedAt\n      contact {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment InboxCaseFields on Case {\n    id\n    reason\n    status\n    openedAt\n    responseDueAt\n    firstResponseAt\n    resolutionNote\n    account {\n      id\n      name\n    }\n    feedback {\n      id\n      text\n      npsScore\n      receivedAt\n      contact {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxCompleteTask($id: ID!, $note: String) {\n    completeTask(id: $id, outcomeNote: $note) {\n      ...InboxTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxCompleteTask($id: ID!, $note: String) {\n    completeTask(id: $id, outcomeNote: $note) {\n      ...InboxTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxRejectTask($id: ID!, $note: String!) {\n    rejectTask(id: $id, note: $note) {\n      ...InboxTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxRejectTask($id: ID!, $note: String!) {\n    rejectTask(id: $id, note: $note) {\n      ...InboxTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxReassignTask($id: ID!, $input: ReassignTaskInput!) {\n    reassignTask(id: $id, input: $input) {\n      ...InboxTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxReassignTask($id: ID!, $input: ReassignTaskInput!) {\n    reassignTask(id: $id, input: $input) {\n      ...InboxTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxRespondCase($id: ID!) {\n    respondToCase(id: $id) {\n      ...InboxCaseFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxRespondCase($id: ID!) {\n    respondToCase(id: $id) {\n      ...InboxCaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      ...InboxCaseFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      ...InboxCaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxDepartments {\n    departments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxDepartments {\n    departments(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxChanged {\n    inboxChanged {\n      id\n      kind\n      taskId\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  subscription InboxChanged {\n    inboxChanged {\n      id\n      kind\n      taskId\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxTaskChanged {\n    taskChanged {\n      ...InboxTaskFields\n    }\n  }\n"): (typeof documents)["\n  subscription InboxTaskChanged {\n    taskChanged {\n      ...InboxTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxNoticeFields on InboxEntry {\n    id\n    kind\n    subject\n    body\n    taskId\n    createdAt\n    readAt\n  }\n"): (typeof documents)["\n  fragment InboxNoticeFields on InboxEntry {\n    id\n    kind\n    subject\n    body\n    taskId\n    createdAt\n    readAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboxMarkNoticeRead($id: ID!) {\n    markInboxEntryRead(id: $id) {\n      ...InboxNoticeFields\n    }\n  }\n"): (typeof documents)["\n  mutation InboxMarkNoticeRead($id: ID!) {\n    markInboxEntryRead(id: $id) {\n      ...InboxNoticeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentTasks($departmentId: ID) {\n    initiativeTasks(\n      first: 100\n      filter: { departmentId: $departmentId, statuses: [OPEN, IN_PROGRESS] }\n    ) {\n      totalCount\n      nodes {\n        id\n        overdue\n        dueAt\n        ...InboxTaskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentTasks($departmentId: ID) {\n    initiativeTasks(\n      first: 100\n      filter: { departmentId: $departmentId, statuses: [OPEN, IN_PROGRESS] }\n    ) {\n      totalCount\n      nodes {\n        id\n        overdue\n        dueAt\n        ...InboxTaskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentCases($departmentId: ID) {\n    cases(first: 100, filter: { departmentId: $departmentId, statuses: [OPEN, RESPONDED] }) {\n      totalCount\n      nodes {\n        id\n        status\n        responseDueAt\n        ...InboxCaseFields\n      }\n    }\n    overdueCases: cases(first: 100, filter: { departmentId: $departmentId, overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentCases($departmentId: ID) {\n    cases(first: 100, filter: { departmentId: $departmentId, statuses: [OPEN, RESPONDED] }) {\n      totalCount\n      nodes {\n        id\n        status\n        responseDueAt\n        ...InboxCaseFields\n      }\n    }\n    overdueCases: cases(first: 100, filter: { departmentId: $departmentId, overdueOnly: true }) {\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxNotices {\n    notices: inboxEntries(first: 20, filter: { unreadOnly: true }) {\n      totalCount\n      nodes {\n        id\n        ...InboxNoticeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboxNotices {\n    notices: inboxEntries(first: 20, filter: { unreadOnly: true }) {\n      totalCount\n      nodes {\n        id\n        ...InboxNoticeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n"): (typeof documents)["\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;