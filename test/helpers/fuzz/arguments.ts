import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { globalIdTypeOf, globalIdTypeOfArg } from '../../../server/src/graphql/global-ids.js';
import type { IdPool } from './world.js';
import * as v from './values.js';

/**
 * How hostile one case is: the share (in %) of its values drawn from the hostile generators.
 * Calm cases are mostly valid, so they reach the rules and the database with one or two odd
 * values; wild ones are refused early, every way there is.
 */
const MOODS = [5, 30, 80] as const;

interface Draw {
  ids: IdPool;
  hostile: number;
}

/** Values of the wrong GraphQL type: the server must answer them with a typed error too. */
const wrongType = fc.constantFrom<unknown>(1.5, 'not a number', true, [], {}, 2 ** 31, -(2 ** 53));

function scalar(name: string, field: string, idType: string | undefined, d: Draw) {
  const pair = (plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 100 - d.hostile, arbitrary: plausible },
      { weight: d.hostile, arbitrary: fc.oneof({ weight: 20, arbitrary: hostile }, wrongType) },
    );
  switch (name) {
    case 'String':
      return pair(v.plausibleString(field), v.hostileString);
    case 'ID':
      return pair(d.ids.existing(idType), d.ids.hostile(idType));
    case 'Int':
      return pair(v.plausibleNumber(field, true), v.hostileInt);
    case 'Float':
      return pair(v.plausibleNumber(field, false), v.hostileFloat);
    case 'Boolean':
      return pair(fc.boolean(), fc.constantFrom('true', 0, null));
    case 'DateTimeISO':
      return pair(v.plausibleDateTime, v.hostileDateTime);
    case 'JSONObject':
      return pair(v.plausibleJsonObject, v.hostileJsonObject);
    default:
      throw new Error(`The fuzzer has no values for the scalar ${name}; add them in values.ts.`);
  }
}

/** Lists: mostly short, some empty, a few long. */
const listOf = (item: fc.Arbitrary<unknown>, d: Draw) =>
  fc.oneof(
    { weight: 100, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) },
    { weight: d.hostile, arbitrary: fc.constant([]) },
    {
      weight: Math.ceil(d.hostile / 4),
      arbitrary: fc.array(item, { minLength: 40, maxLength: 120 }),
    },
  );

/** Values for one input type, derived from the schema; `field` names it (for plausible strings). */
function inputValue(
  type: GraphQLInputType,
  field: string,
  d: Draw,
  idType?: string,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 1000, arbitrary: valueOf(type.ofType, field, d, idType) },
      { weight: d.hostile, arbitrary: fc.constant(null) },
    );
  }
  // A nullable value is mostly given, sometimes null, sometimes left out (undefined).
  return fc.oneof(
    { weight: 4, arbitrary: valueOf(type, field, d, idType) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  );
}

function valueOf(
  type: GraphQLInputType,
  field: string,
  d: Draw,
  idType?: string,
): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    return listOf(inputValue(type.ofType as GraphQLInputType, field, d, idType), d);
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((e) => e.name));
    const hostile = Math.ceil(d.hostile / 5);
    return fc.oneof(
      { weight: 100, arbitrary: values },
      { weight: hostile, arbitrary: v.hostileString },
    );
  }
  if (isScalarType(type)) return scalar(type.name, field, idType, d);
  if (!isInputObjectType(type)) throw new Error(`Unexpected input type ${String(type)}`);
  const fields = Object.values(type.getFields());
  const model = Object.fromEntries(
    fields.map((f) => [f.name, inputValue(f.type, f.name, d, globalIdTypeOf(type.name, f.name))]),
  );
  // Every key is drawn; a nullable one comes out null or undefined (left out) now and then.
  return fc.record(model);
}

export type Operation = 'Query' | 'Mutation';

/** The variables of one query or mutation, calm, mixed or wild; arguments left out are absent. */
export function argumentsOf(
  operation: Operation,
  field: GraphQLField<unknown, unknown>,
  ids: IdPool,
): fc.Arbitrary<Record<string, unknown>> {
  const inMood = (hostile: number) =>
    fc.record(
      Object.fromEntries(
        field.args.map((a) => [
          a.name,
          inputValue(
            a.type,
            a.name,
            { ids, hostile },
            globalIdTypeOfArg(operation, field.name, a.name),
          ),
        ]),
      ),
    );
  return fc
    .oneof(...MOODS.map(inMood))
    .map((vars) => Object.fromEntries(Object.entries(vars).filter(([, x]) => x !== undefined)));
}

/** `mutation($a: T!, …) { field(a: $a, …) { …every scalar of the result… } }` */
export function operationDocument(
  operation: Operation,
  field: GraphQLField<unknown, unknown>,
): string {
  const variables = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const result = getNamedType(field.type);
  const leaves =
    isObjectType(result) || isInterfaceType(result)
      ? Object.values(result.getFields())
          .filter(
            (f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)),
          )
          .map((f) => f.name)
      : [];
  const selection = isCompositeType(result) ? ` { __typename ${leaves.join(' ')} }` : '';
  return `${operation.toLowerCase()} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}
