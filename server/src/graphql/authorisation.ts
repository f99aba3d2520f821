/**
 * Applies the access policy (`server/src/auth/policy.ts`) to the built schema: every root field
 * of Query, Mutation and Subscription checks its rule before anything else runs (before id decoding, so a
 * refused caller learns nothing from its arguments), `node`/`nodes` also check the rule of the
 * type an id names, and fields the policy hides answer null or FORBIDDEN. A root field without
 * a rule stops the schema from being built.
 */
import {
  defaultFieldResolver,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  fieldRefusal,
  mayFollowReferences,
  mayReadField,
  refusal,
  type PolicyTables,
  type Rule,
} from '../auth/policy.js';
import { anonymousViewer, type Viewer } from '../auth/viewer.js';
import { DomainContext } from '../domain/context.js';
import type { DomainError } from '../domain/errors.js';
import { SecurityEventKind } from '../modules/audit/security-event.js';
import { parseGlobalId } from './relay.js';

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type Field = GraphQLField<unknown, unknown, Record<string, unknown>>;

const viewerOf = (context: unknown): Viewer =>
  (context as { viewer?: Viewer } | null)?.viewer ?? anonymousViewer;

/**
 * Throws, naming every root field of Query, Mutation and Subscription without a rule and every `Node` type
 * without a node rule; a field rule naming a field the schema lacks is a mistake too.
 */
export function checkPolicyCoverage(schema: GraphQLSchema, tables: PolicyTables): void {
  const missing: string[] = [];
  for (const root of rootsOf(schema)) {
    const rules = tables.operations[root.name as Root];
    for (const name of Object.keys(root.getFields())) {
      if (!rules[name]) missing.push(`${root.name}.${name}`);
    }
  }
  const node = schema.getType('Node');
  if (isInterfaceType(node)) {
    for (const type of schema.getPossibleTypes(node)) {
      const query = tables.nodes[type.name];
      if (!query || !tables.operations.Query[query]) missing.push(`node(id) of ${type.name}`);
    }
  }
  for (const [type, fields] of Object.entries(tables.fields)) {
    const object = schema.getType(type);
    for (const field of Object.keys(fields)) {
      if (!isObjectType(object) || !object.getFields()[field]) {
        throw new Error(`The field policy names ${type}.${field}, which the schema does not have.`);
      }
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `No access rule for ${missing.join(', ')}: add one to server/src/auth/operation-rules.ts (or field-rules.ts for node types).`,
    );
  }
}

/** Wraps the schema's resolvers with the policy; returns the same schema. */
export function enforcePolicy(schema: GraphQLSchema, tables: PolicyTables): GraphQLSchema {
  checkPolicyCoverage(schema, tables);
  for (const root of rootsOf(schema)) {
    const rules = tables.operations[root.name as Root];
    for (const field of Object.values(root.getFields())) {
      guardOperation(field, rules[field.name]!, tables);
      if (field.subscribe) guardSubscribe(field, rules[field.name]!);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || isRoot(schema, type)) continue;
    for (const field of Object.values(type.getFields())) guardField(type, field, tables);
  }
  return schema;
}

type Root = 'Query' | 'Mutation' | 'Subscription';

const rootsOf = (schema: GraphQLSchema): GraphQLObjectType[] =>
  [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (root): root is GraphQLObjectType => !!root,
  );

function isRoot(schema: GraphQLSchema, type: GraphQLObjectType): boolean {
  return rootsOf(schema).includes(type);
}

/**
 * A subscription is refused when it starts, before its event source is opened, exactly as the
 * query reading the same rows would be; each pushed event is then resolved through the guarded
 * `resolve` again, so a viewer whose role changed stops receiving.
 */
function guardSubscribe(field: Field, rule: Rule): void {
  const subscribe = field.subscribe!;
  field.subscribe = async (source, args, context, info) => {
    const refused = refusal(rule, viewerOf(context), field.name, args);
    if (refused) {
      await recordRefusal(context, field.name, refused);
      throw refused;
    }
    return subscribe(source, args, context, info);
  };
}

function guardOperation(field: Field, rule: Rule, tables: PolicyTables): void {
  const resolve: Resolver = field.resolve ?? defaultFieldResolver;
  const inner =
    field.name === 'node' || field.name === 'nodes' ? nodesOnly(resolve, tables) : resolve;
  field.resolve = async (source, args, context, info) => {
    const refused = refusal(rule, viewerOf(context), field.name, args);
    if (refused) {
      await recordRefusal(context, field.name, refused);
      throw refused;
    }
    return inner(source, args, context, info);
  };
}

/**
 * A signed-in person or a token refused an operation: the audit trail keeps who, what and why
 * (in a short transaction of its own, so it stays although the request writes nothing). Anonymous
 * callers are only told to sign in; recording them would let anyone fill the trail.
 */
async function recordRefusal(context: unknown, operation: string, refused: DomainError) {
  if (!(context instanceof DomainContext)) return;
  const { viewer } = context;
  if (viewer.kind !== 'user' && viewer.kind !== 'token') return;
  const http = (context as { http?: { address: string; userAgent: string | null } }).http;
  try {
    await context.audit.recordSecurityEvent(SecurityEventKind.ACCESS_REFUSED, {
      operation,
      reason: refused.reason,
      ip: http?.address ?? null,
      userAgent: http?.userAgent ?? null,
    });
  } catch (error) {
    // The refusal stands whether or not it could be recorded.
    context.deps.log.error(`Could not record a refused ${operation}: ${String(error)}`);
  }
}

/**
 * `node(id)` and `nodes(ids)` answer null for an id whose type the viewer may not query, exactly
 * as for an id that names nothing (the id itself says its type, so this reveals nothing).
 */
function nodesOnly(resolve: Resolver, tables: PolicyTables): Resolver {
  return (source, args, context, info) => {
    const viewer = viewerOf(context);
    const allowed = (id: unknown) => {
      const type = typeof id === 'string' ? parseGlobalId(id)?.type : undefined;
      const query = type ? tables.nodes[type] : undefined;
      const rule = query ? tables.operations.Query[query] : undefined;
      return rule !== undefined && refusal(rule, viewer, query!) === null;
    };
    // An id that may not be read becomes one that names nothing, so answers keep their positions.
    const blank = (id: unknown) => (allowed(id) ? id : '');
    const scoped =
      'ids' in args && Array.isArray(args.ids)
        ? { ...args, ids: args.ids.map(blank) }
        : { ...args, id: blank(args.id) };
    return resolve(source, scoped, context, info);
  };
}

/** Hides what the field policy hides, and stops write-only tokens following references. */
function guardField(type: GraphQLObjectType, field: Field, tables: PolicyTables): void {
  const rule = tables.fields[type.name]?.[field.name];
  const reference = isNodeType(type) && leadsToNodes(field);
  if (!rule && !reference) return;
  const resolve: Resolver = field.resolve ?? defaultFieldResolver;
  const nullable = !isNonNullType(field.type);
  field.resolve = (source, args, context, info) => {
    const viewer = viewerOf(context);
    if (mayReadField(rule, viewer) && (!reference || mayFollowReferences(viewer))) {
      return resolve(source, args, context, info);
    }
    if (nullable) return null;
    throw fieldRefusal(type.name, field.name);
  };
}

const isNodeType = (type: GraphQLObjectType) => type.getInterfaces().some((i) => i.name === 'Node');

function leadsToNodes(field: Field): boolean {
  const target = getNamedType(field.type);
  if (isInterfaceType(target)) return target.name === 'Node';
  return isObjectType(target) && (isNodeType(target) || target.name.endsWith('Connection'));
}
