/**
 * Relay global ids end at the GraphQL edge. Input fields declared with `@IdField` and
 * arguments declared with `@IdArg` reach resolvers, and so services, as plain uuids; a
 * malformed id, or one of another type, fails as INVALID_ID naming the field's path.
 */
import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import {
  createParameterDecorator,
  Field,
  getMetadataStorage,
  ID,
  type ArgOptions,
  type FieldOptions,
  type ParameterDecorator,
} from 'type-graphql';
import { commonError } from '../domain/errors.js';
import { fromGlobalId, parseGlobalId } from './relay.js';

/**
 * Input class → GraphQL field name → the object type its global ids must be of. Kept here
 * rather than in field `extensions`: type-graphql drops those on fields an input type
 * inherits from an abstract base (e.g. InitiativeFields).
 */
const idFields = new Map<object, Map<string, string>>();

/**
 * `@Field(() => ID)` whose value must be a global id of `type` (`['Type']` for `[ID]`);
 * the resolver receives the uuid in its place.
 */
export function IdField(type: string | [string], options: FieldOptions = {}): PropertyDecorator {
  const list = Array.isArray(type);
  const of = list ? type[0] : type;
  return (prototype, property) => {
    Field(() => (list ? [ID] : ID), options)(prototype, property);
    const fields = idFields.get(prototype.constructor) ?? new Map<string, string>();
    fields.set(options.name ?? String(property), of);
    idFields.set(prototype.constructor, fields);
  };
}

/** Resolver class and method → argument name → the object type its global ids must be of. */
const idArgs = new Map<string, Record<string, string>>();

/**
 * `@Arg(name, () => ID)` whose value must be a global id of `type` (`['Type']` for `[ID!]`);
 * the parameter is the uuid (or the list of uuids).
 */
export function IdArg(
  name: string,
  type: string | [string],
  options: ArgOptions = {},
): ParameterDecorator {
  const list = Array.isArray(type);
  const of = list ? type[0] : type;
  const decorator = createParameterDecorator(
    ({ args }) => {
      const value = args[name] as string | string[] | null | undefined;
      if (value == null) return value;
      return Array.isArray(value)
        ? value.map((v) => fromGlobalId(v, of, name))
        : fromGlobalId(value, of, name);
    },
    { arg: { name, typeFunc: () => (list ? [ID] : ID), options } },
  );
  return (prototype, method, index) => {
    const key = `${prototype.constructor.name}.${String(method)}`;
    idArgs.set(key, { ...idArgs.get(key), [name]: of });
    decorator(prototype, method, index);
  };
}

/** The object type `@IdArg` declared for an argument of a Query or Mutation field, if any. */
export function globalIdTypeOfArg(field: string, arg: string): string | undefined {
  const storage = getMetadataStorage();
  const resolver = [...storage.queries, ...storage.mutations].find((r) => r.schemaName === field);
  return resolver && idArgs.get(`${resolver.target.name}.${resolver.methodName}`)?.[arg];
}

/** A global id of any type (e.g. an audit filter's entity), as its type and uuid. */
export function decodeAnyGlobalId(globalId: string, path: string): { type: string; id: string } {
  const parsed = parseGlobalId(globalId);
  if (!parsed) {
    throw commonError(
      'INVALID_ID',
      `${path} is not a valid global id: "${globalId.slice(0, 60)}".`,
      path,
    );
  }
  return parsed;
}

/** How to find the global ids inside one argument value. */
type Plan =
  | { kind: 'id'; type: string }
  | { kind: 'list'; item: Plan }
  | { kind: 'object'; fields: readonly (readonly [string, Plan])[] };

/** The object type `@IdField` declared for a field of a GraphQL input type, if any (inherited too). */
export function globalIdTypeOf(inputType: string, field: string): string | undefined {
  const target = getMetadataStorage().inputTypes.find((t) => t.name === inputType)?.target;
  for (let cls = target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const of = idFields.get(cls)?.get(field);
    if (of) return of;
  }
  return undefined;
}

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
  if (!isInputObjectType(type)) return undefined;
  if (seen.includes(type.name)) {
    // Not needed so far; supporting it means plans built lazily. Fail loudly rather than skip ids.
    throw new Error(
      `Input type ${type.name} is recursive; global-id decoding does not support it.`,
    );
  }
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const plan = planOf(field.type, globalIdTypeOf(type.name, field.name), [...seen, type.name]);
    return plan ? [[field.name, plan] as const] : [];
  });
  return fields.length > 0 ? { kind: 'object', fields } : undefined;
}

function decode(plan: Plan, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  switch (plan.kind) {
    case 'id':
      return fromGlobalId(String(value), plan.type, path);
    case 'list':
      // An id in a list of ids is named by the list, as services name it in NOT_FOUND;
      // an object in a list by its position, so its fields can be told apart.
      return (value as unknown[]).map((item, i) =>
        decode(plan.item, item, plan.item.kind === 'id' ? path : `${path}[${i}]`),
      );
    case 'object': {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [name, field] of plan.fields) {
        if (name in copy) copy[name] = decode(field, copy[name], path ? `${path}.${name}` : name);
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
 * Makes every field whose arguments hold `@IdField`s decode them before its resolver runs
 * (and before type-graphql validates the input). Planned once per field, at schema build,
 * so fields without ids in their arguments are left untouched.
 */
export function decodeGlobalIdArgs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const plans = field.args.flatMap((arg) => {
        const plan = planOf(arg.type, undefined, []);
        return plan ? [[arg.name, plan] as const] : [];
      });
      if (plans.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const decoded = { ...args };
        for (const [name, plan] of plans) {
          if (name in decoded) decoded[name] = decode(plan, decoded[name], rootOf(name));
        }
        return resolve(source, decoded, context, info);
      };
    }
  }
  return schema;
}
