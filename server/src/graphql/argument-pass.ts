/**
 * The one place every argument value passes before a resolver runs: each string in it
 * (nested inputs, lists, ids and JSON values too) is checked against the text rule
 * (`input-text.ts`), and each `@IdField` global id is decoded to its uuid.
 */
import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { commonError } from '../domain/errors.js';
import { globalIdTypeOf } from './global-ids.js';
import { checkText } from './input-text.js';
import { fromGlobalId } from './relay.js';

/** What to do with one argument value. */
type Plan =
  | { kind: 'id'; type: string }
  | { kind: 'text' }
  | { kind: 'list'; item: Plan }
  | { kind: 'object'; fields: readonly (readonly [string, Plan])[] };

/** Scalars that cannot hold text; every other one (String, ID, dates, JSON) is searched for strings. */
const NOT_TEXT = new Set(['Int', 'Float', 'Boolean']);

/** JSON values nested deeper than this are refused rather than walked (and stored) recursively. */
export const MAX_JSON_DEPTH = 32;

function planOf(
  type: GraphQLInputType,
  idOf: string | undefined,
  seen: string[],
): Plan | undefined {
  if (isNonNullType(type)) return planOf(type.ofType, idOf, seen);
  if (isListType(type)) {
    const item = planOf(type.ofType as GraphQLInputType, idOf, seen);
    return item && { kind: 'list', item };
  }
  if (idOf) return { kind: 'id', type: idOf };
  if (isScalarType(type)) return NOT_TEXT.has(type.name) ? undefined : { kind: 'text' };
  if (!isInputObjectType(type)) return undefined;
  if (seen.includes(type.name)) {
    // Not needed so far; supporting it means plans built lazily. Fail loudly rather than skip.
    throw new Error(`Input type ${type.name} is recursive; the argument pass does not support it.`);
  }
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const plan = planOf(field.type, globalIdTypeOf(type.name, field.name), [...seen, type.name]);
    return plan ? [[field.name, plan] as const] : [];
  });
  return fields.length > 0 ? { kind: 'object', fields } : undefined;
}

/** Every string inside a scalar's value: the value itself, or the keys and values of JSON. */
function checkStrings(value: unknown, field: string, where: string, depth = 0): void {
  if (typeof value === 'string') {
    checkText(value, field, where);
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  if (depth >= MAX_JSON_DEPTH) {
    throw commonError(
      'VALIDATION_FAILED',
      `${where} is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and lists.`,
      field || undefined,
    );
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkStrings(item, field, `${where}[${i}]`, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    checkText(key, field, `A key of ${where}`);
    checkStrings(item, field, `${where}.${key}`, depth + 1);
  }
}

/**
 * `path` is what errors name in `field`; `where` what messages name, one step more precise
 * for a scalar in a list. An id or text in a list is named by the list, as services name it
 * in NOT_FOUND; an object in a list by its position, so its fields can be told apart.
 */
function prepare(plan: Plan, value: unknown, path: string, where: string): unknown {
  if (value === null || value === undefined) return value;
  switch (plan.kind) {
    case 'id': {
      const id = String(value);
      checkText(id, path, where);
      return fromGlobalId(id, plan.type, path);
    }
    case 'text':
      checkStrings(value, path, where);
      return value;
    case 'list':
      return (value as unknown[]).map((item, i) => {
        const itemPath = plan.item.kind === 'object' ? `${path}[${i}]` : path;
        return prepare(plan.item, item, itemPath, `${where}[${i}]`);
      });
    case 'object': {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [name, field] of plan.fields) {
        const fieldPath = path ? `${path}.${name}` : name;
        if (name in copy) copy[name] = prepare(field, copy[name], fieldPath, fieldPath);
      }
      return copy;
    }
  }
}

/**
 * Paths start at the argument's name (`filter.ownerId`, `weights[3].segmentId`), except
 * under `input`: its fields are named as class-validator, the services' NOT_FOUND errors
 * and the web client name them (`accountId`, `contact.email`), so every error about one
 * field names it the same way.
 */
const rootOf = (argName: string) => (argName === 'input' ? '' : argName);

/**
 * Makes every field with arguments check their text and decode their `@IdField`s before its
 * resolver runs (and before type-graphql validates the input). Planned once per field, at
 * schema build, so fields whose arguments hold no text and no ids are left untouched.
 */
export function prepareArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const plans = field.args.flatMap((arg) => {
        const plan = planOf(arg.type, undefined, []);
        return plan ? [[arg.name, plan] as const] : [];
      });
      if (plans.length === 0) continue;
      const prepareAll = (args: Record<string, unknown>) => {
        const prepared = { ...args };
        for (const [name, plan] of plans) {
          const root = rootOf(name);
          if (name in prepared) prepared[name] = prepare(plan, prepared[name], root, root);
        }
        return prepared;
      };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) =>
        resolve(source, prepareAll(args), context, info);
      // A subscription's arguments pass the same checks before its event stream starts.
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args: Record<string, unknown>, context, info) =>
          subscribe(source, prepareAll(args), context, info);
      }
    }
  }
  return schema;
}
