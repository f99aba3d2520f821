import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { globalIdTypeOf, globalIdTypeOfArg } from '../../server/src/graphql/global-ids.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';

/** A syntactically valid call of one root field, with placeholder values for its required arguments. */
export interface PlaceholderOperation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

const scalars: Record<string, unknown> = {
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTimeISO: '2030-01-01T00:00:00.000Z',
  JSONObject: {},
};

/** A placeholder value of `type`; `idOf` names the object type an ID must be a global id of. */
function placeholder(type: GraphQLInputType, idOf: string | undefined): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, idOf);
  if (isListType(type)) return [placeholder(type.ofType as GraphQLInputType, idOf)];
  // Variables carry an enum by its GraphQL name (which may differ from its internal value).
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
      value[field.name] = placeholder(field.type, globalIdTypeOf(type.name, field.name));
    }
    return value;
  }
  if (type.name === 'ID') return toGlobalId(idOf ?? 'Initiative', randomUUID());
  if (!(type.name in scalars)) throw new Error(`No placeholder for scalar ${type.name}`);
  return scalars[type.name];
}

/**
 * `query|mutation ($a: T!, …) { field(a: $a) { __typename } }` for one root field: only its
 * required arguments, ids as well-formed global ids of the type the argument expects (unknown
 * rows), enums' first value, input objects with their required fields filled the same way.
 */
export function placeholderOperation(
  root: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): PlaceholderOperation {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(
    required.map((a) => [
      a.name,
      placeholder(
        a.type,
        globalIdTypeOfArg(root.name === 'Mutation' ? 'Mutation' : 'Query', field.name, a.name),
      ),
    ]),
  );
  const declared = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const operation = root.name === 'Mutation' ? 'mutation' : 'query';
  const document =
    `${operation} Probe${declared ? `(${declared})` : ''} ` +
    `{ ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { name: field.name, document, variables };
}
