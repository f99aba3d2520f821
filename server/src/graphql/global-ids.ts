/**
 * Relay global ids end at the GraphQL edge. Input fields declared with `@IdField` and
 * arguments declared with `@IdArg` reach resolvers, and so services, as plain uuids; a
 * malformed id, or one of another type, fails as INVALID_ID naming the field's path.
 * Input fields are decoded by the argument pass (`argument-pass.ts`).
 */
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
    const args = idArgs.get(prototype.constructor) ?? new Map<string, string>();
    args.set(`${String(method)}.${name}`, of);
    idArgs.set(prototype.constructor, args);
    decorator(prototype, method, index);
  };
}

/** Resolver class → `method.argument` → the object type `@IdArg` declared. */
const idArgs = new Map<object, Map<string, string>>();

/**
 * The object type `@IdArg` declared for an argument of a query or mutation, if any (tools
 * that generate arguments from the schema, such as the fuzz tests, read it).
 */
export function globalIdTypeOfArg(
  operation: 'Query' | 'Mutation',
  field: string,
  arg: string,
): string | undefined {
  const storage = getMetadataStorage();
  const handler = (operation === 'Query' ? storage.queries : storage.mutations).find(
    (h) => h.schemaName === field,
  );
  return handler && idArgs.get(handler.target)?.get(`${handler.methodName}.${arg}`);
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

/** The object type `@IdField` declared for a field of a GraphQL input type, if any (inherited too). */
export function globalIdTypeOf(inputType: string, field: string): string | undefined {
  const target = getMetadataStorage().inputTypes.find((t) => t.name === inputType)?.target;
  for (let cls = target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const of = idFields.get(cls)?.get(field);
    if (of) return of;
  }
  return undefined;
}
