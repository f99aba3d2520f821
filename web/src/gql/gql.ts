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
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Viewer {\n    me {\n      kind\n      role\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AccountPickerDocument,
    "\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n": typeof types.ContactPickerDocument,
    "\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": typeof types.FeedbackListDocument,
    "\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n": typeof types.FeedbackRow_ItemFragmentDoc,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": typeof types.SubmitFeedbackDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query Viewer {\n    me {\n      kind\n      role\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query AccountPicker($search: String) {\n    clientAccounts(first: 50, filter: { search: $search }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.AccountPickerDocument,
    "\n  query ContactPicker($accountId: ID!) {\n    clientAccount(id: $accountId) {\n      id\n      contacts {\n        id\n        name\n        respondentClass\n      }\n    }\n  }\n": types.ContactPickerDocument,
    "\n  query FeedbackList($first: Int!) {\n    feedbackItems(first: $first) {\n      totalCount\n      nodes {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": types.FeedbackListDocument,
    "\n  fragment FeedbackRow_item on FeedbackItem {\n    id\n    receivedAt\n    channel\n    npsScore\n    text\n    status\n    acknowledgedAt\n    account {\n      id\n      name\n    }\n    contact {\n      id\n      name\n    }\n  }\n": types.FeedbackRow_ItemFragmentDoc,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      duplicate\n      feedbackItem {\n        id\n        status\n        ...FeedbackRow_item\n      }\n    }\n  }\n": types.SubmitFeedbackDocument,
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
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      csrfToken\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      kind\n      role\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      kind\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;