import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { policyTables, type PolicyTables } from '../auth/policy.js';
import { prepareArguments } from './argument-pass.js';
import { enforcePolicy } from './authorisation.js';
import { scopeFilterIds } from './filter-scope.js';
import { resolvers } from './resolvers.js';

const unusedPubSub = {
  publish: () => undefined,
  subscribe: (): never => {
    throw new Error('Subscriptions read the live feed (server/src/live/), not a pub/sub.');
  },
};

let cached: Promise<GraphQLSchema> | undefined;

/**
 * A fresh executable schema under the given access policy. Each pass wraps the resolvers the
 * previous one left, so a call runs: the policy (a refused caller is refused before its ids
 * are read), the argument pass (text checked, global ids decoded), filter ids outside the viewer's rows made to name nothing,
 * the resolver. Fails, naming the field, when a Query or Mutation root field has no rule.
 */
export async function buildHubSchema(tables: PolicyTables = policyTables): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    // Subscriptions bring their own event source (`server/src/live/`); type-graphql insists on
    // a pub/sub, which no field uses.
    pubSub: unusedPubSub,
  });
  return enforcePolicy(prepareArguments(scopeFilterIds(schema)), tables);
}

/** The executable schema, built once per process from the resolver classes. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildHubSchema();
  return cached;
}

/** The SDL as checked in at `schema/schema.graphql` (sorted, so diffs are stable). */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
