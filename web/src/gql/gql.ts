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
    "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n": typeof types.InitiativeDetailDocument,
    "\n  subscription LiveInitiativeChanged($filter: InitiativeChangedFilter) {\n    initiativeChanged(filter: $filter) {\n      id\n      revision\n      status\n      processGroup\n      updatedAt\n    }\n  }\n": typeof types.LiveInitiativeChangedDocument,
    "\n  subscription LiveTaskChanged {\n    taskChanged {\n      id\n      status\n      overdue\n      updatedAt\n      initiative {\n        id\n      }\n    }\n  }\n": typeof types.LiveTaskChangedDocument,
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
    "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n": types.InitiativeDetailDocument,
    "\n  subscription LiveInitiativeChanged($filter: InitiativeChangedFilter) {\n    initiativeChanged(filter: $filter) {\n      id\n      revision\n      status\n      processGroup\n      updatedAt\n    }\n  }\n": types.LiveInitiativeChangedDocument,
    "\n  subscription LiveTaskChanged {\n    taskChanged {\n      id\n      status\n      overdue\n      updatedAt\n      initiative {\n        id\n      }\n    }\n  }\n": types.LiveTaskChangedDocument,
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
export function graphql(source: "\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n"): (typeof documents)["\n  query InitiativeDetail($id: ID!) {\n    initiative(id: $id) {\n      id\n      code\n      title\n      problem\n      status\n      processGroup\n      revision\n      dueAt\n      expectedEffect\n      holdReason\n      cancelReason\n      owner {\n        id\n        name\n      }\n      analysis {\n        id\n        title\n        kind\n        summary\n        periodFrom\n        periodTo\n        createdAt\n      }\n      feedback {\n        id\n        receivedAt\n        channel\n        npsScore\n        text\n        account {\n          id\n          name\n        }\n      }\n      tasks {\n        id\n        title\n        status\n        dueAt\n        overdue\n        escalationLevel\n        escalatedAt\n        department {\n          id\n          name\n        }\n      }\n      notifications {\n        id\n        subject\n        status\n        createdAt\n        sentAt\n        account {\n          id\n          name\n        }\n      }\n      councilReviews {\n        id\n        decision\n        revision\n        createdAt\n        decidedAt\n        comments\n        council {\n          id\n          name\n        }\n      }\n      targets {\n        id\n        baseline\n        targetValue\n        expectedDelta\n        metric {\n          id\n          code\n          name\n          nameRu\n          unit\n        }\n      }\n      effects {\n        measure\n        status\n        targeted\n        expectedDelta\n        differenceInDifferences\n        intervalLow\n        intervalHigh\n        expectedWithinInterval\n        afterFrom\n        afterTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveInitiativeChanged($filter: InitiativeChangedFilter) {\n    initiativeChanged(filter: $filter) {\n      id\n      revision\n      status\n      processGroup\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  subscription LiveInitiativeChanged($filter: InitiativeChangedFilter) {\n    initiativeChanged(filter: $filter) {\n      id\n      revision\n      status\n      processGroup\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveTaskChanged {\n    taskChanged {\n      id\n      status\n      overdue\n      updatedAt\n      initiative {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveTaskChanged {\n    taskChanged {\n      id\n      status\n      overdue\n      updatedAt\n      initiative {\n        id\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;