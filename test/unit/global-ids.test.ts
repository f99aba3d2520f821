import { getNamedType, graphql, GraphQLID, isInputObjectType, type GraphQLSchema } from 'graphql';
import {
  Arg,
  buildSchema,
  Field,
  getMetadataStorage,
  InputType,
  Query,
  Resolver,
} from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareArguments } from '../../server/src/graphql/argument-pass.js';
import { globalIdTypeOf, IdArg, IdField } from '../../server/src/graphql/global-ids.js';
import { toGlobalId } from '../../server/src/graphql/relay.js';
import { getSchema } from '../../server/src/graphql/schema.js';

const ACCOUNT = '01a20000-0000-7000-8000-00000000000a';
const USER = '01a20000-0000-7000-8000-00000000000b';
const SEGMENT = '01a20000-0000-7000-8000-00000000000c';

@InputType()
class ProbeContact {
  @IdField('ClientAccount') accountId!: string;
}

/** Fields inherited from an abstract base are decoded too (type-graphql drops their extensions). */
@InputType()
abstract class ProbeBase {
  @IdField('User', { nullable: true }) ownerId?: string | null;
}

@InputType()
class ProbeInput extends ProbeBase {
  @IdField(['ClientAccount'], { nullable: true }) accountIds?: string[] | null;
  @Field(() => ProbeContact, { nullable: true }) contact?: ProbeContact | null;
  @Field(() => [ProbeContact], { nullable: true }) rows?: ProbeContact[] | null;
}

@Resolver()
class ProbeResolver {
  @Query(() => String)
  probe(
    @Arg('input', () => ProbeInput, { nullable: true }) input: ProbeInput | undefined,
    @Arg('filter', () => ProbeInput, { nullable: true }) filter: ProbeInput | undefined,
    @IdArg('id', 'Segment', { nullable: true }) id: string | undefined,
  ): string {
    return JSON.stringify({ input, filter, id });
  }
}

describe('global ids at the GraphQL edge', () => {
  let schema: GraphQLSchema;
  const probe = async (variables: Record<string, unknown>) => {
    const res = await graphql({
      schema,
      source:
        'query($input: ProbeInput, $filter: ProbeInput, $id: ID) { probe(input: $input, filter: $filter, id: $id) }',
      variableValues: variables,
    });
    const error = res.errors?.[0]?.originalError as { reason?: string; field?: string } | undefined;
    return {
      data: res.data ? (JSON.parse(res.data.probe as string) as Record<string, any>) : undefined,
      message: res.errors?.[0]?.message,
      reason: error?.reason,
      field: error?.field,
    };
  };

  beforeAll(async () => {
    schema = prepareArguments(await buildSchema({ resolvers: [ProbeResolver] }));
  });

  it('hands resolvers uuids for ids in arguments, nested inputs, lists and inherited fields', async () => {
    const { data } = await probe({
      input: {
        ownerId: toGlobalId('User', USER),
        accountIds: [toGlobalId('ClientAccount', ACCOUNT)],
        contact: { accountId: toGlobalId('ClientAccount', ACCOUNT) },
      },
      filter: { rows: [{ accountId: toGlobalId('ClientAccount', ACCOUNT) }] },
      id: toGlobalId('Segment', SEGMENT),
    });
    expect(data).toEqual({
      input: { ownerId: USER, accountIds: [ACCOUNT], contact: { accountId: ACCOUNT } },
      filter: { rows: [{ accountId: ACCOUNT }] },
      id: SEGMENT,
    });
  });

  it.each([
    [
      'a field of `input`, named as class-validator names it',
      { input: { ownerId: 'x' } },
      'ownerId',
    ],
    [
      'a nested input field',
      { input: { contact: { accountId: toGlobalId('User', USER) } } },
      'contact.accountId',
    ],
    ['a filter field', { filter: { ownerId: 'nonsense' } }, 'filter.ownerId'],
    [
      'an object in a list, by position',
      {
        filter: { rows: [{ accountId: toGlobalId('ClientAccount', ACCOUNT) }, { accountId: 'x' }] },
      },
      'filter.rows[1].accountId',
    ],
    ['an id in a list of ids, by the list', { input: { accountIds: ['x'] } }, 'accountIds'],
    ['a scalar argument', { id: toGlobalId('ClientAccount', ACCOUNT) }, 'id'],
  ])(
    'refuses a malformed or foreign id in %s as INVALID_ID naming its path',
    async (_, vars, path) => {
      const { message, reason, field } = await probe(vars);
      expect({ reason, field }).toEqual({ reason: 'INVALID_ID', field: path });
      expect(message).toMatch(
        new RegExp(`^${path.replace(/[[\].]/g, '\\$&')} is not a valid \\w+ id`),
      );
    },
  );

  it('declares every ID input field of the API with @IdField, except the audit filter’s any-type entityId', async () => {
    const api = await getSchema();
    const undeclared = Object.values(api.getTypeMap())
      .filter(isInputObjectType)
      .flatMap((type) =>
        Object.values(type.getFields())
          .filter((f) => getNamedType(f.type) === GraphQLID && !globalIdTypeOf(type.name, f.name))
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(undeclared).toEqual(['AuditEventFilter.entityId']);
  });

  it('declares every ID argument of the API with @IdArg, except node and nodes', async () => {
    await getSchema();
    const plain = getMetadataStorage()
      .params.filter(
        (p) => p.kind === 'arg' && p.getType() === GraphQLID && p.target !== ProbeResolver,
      )
      .map((p) => `${p.target.name}.${p.methodName}(${p.kind === 'arg' ? p.name : ''})`);
    expect(plain.sort()).toEqual(['NodeResolver.node(id)', 'NodeResolver.nodes(ids)']);
  });
});
