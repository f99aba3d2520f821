import type { InitiativeDetailQuery } from '../../gql/graphql.js';

/** The initiative as the detail page asked for it. */
export type InitiativeDetail = NonNullable<InitiativeDetailQuery['initiative']>;
