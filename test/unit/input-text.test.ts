import { graphql, type GraphQLSchema } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, buildSchema, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, prepareArguments } from '../../server/src/graphql/argument-pass.js';
import { findForbiddenCharacter } from '../../server/src/graphql/input-text.js';

describe('the text rule', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000', 2],
    ['BEL', '\u0007', 'U+0007', 1],
    ['ESC (terminal colours)', 'red\u001b[31m', 'U+001B', 4],
    ['a vertical tab', 'a\u000Bb', 'U+000B', 2],
    ['a form feed', '\u000C', 'U+000C', 1],
    ['DEL', 'x\u007F', 'U+007F', 2],
    ['a lone high surrogate', 'ok\uD83D', 'U+D83D', 3],
    ['a lone low surrogate', '\uDE00ok', 'U+DE00', 1],
    ['a pair in the wrong order', '\uDE00\uD83D', 'U+DE00', 1],
  ])('refuses %s, naming the character and its position', (_, value, codePoint, position) => {
    expect(findForbiddenCharacter(value)).toMatchObject({ codePoint, position });
  });

  it.each([
    ['tabs and line breaks', 'a\tb\nc\r\nd'],
    ['emoji, also joined and flagged', '👩‍👩‍👧‍👦🏳️‍🌈🇩🇪'],
    ['right-to-left text and its marks', 'مرحبا \u202Eevil\u202C'],
    ['Cyrillic and combining accents', 'Счета приходят позже, é'],
    ['zero-width characters and a BOM', '\u200B\u200D\uFEFF'],
    ['C1 controls, which are valid Unicode text', '\u0085\u009F'],
    ['the empty string', ''],
  ])('accepts %s', (_, value) => {
    expect(findForbiddenCharacter(value)).toBeUndefined();
  });
});

@InputType()
class ProbeRow {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
}

@InputType()
class ProbeTextInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ProbeRow, { nullable: true }) row?: ProbeRow | null;
  @Field(() => [ProbeRow], { nullable: true }) rows?: ProbeRow[] | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) result?: Record<string, unknown> | null;
}

@Resolver()
class ProbeTextResolver {
  @Query(() => String)
  probeText(
    @Arg('input', () => ProbeTextInput, { nullable: true }) _input: ProbeTextInput | undefined,
    @Arg('reason', () => String, { nullable: true }) _reason: string | undefined,
    @Arg('id', () => ID, { nullable: true }) _id: string | undefined,
  ): string {
    return 'resolved';
  }
}

describe('the argument pass refuses forbidden characters before resolvers run', () => {
  let schema: GraphQLSchema;
  const probe = async (variables: Record<string, unknown>) => {
    const res = await graphql({
      schema,
      source:
        'query($input: ProbeTextInput, $reason: String, $id: ID) { probeText(input: $input, reason: $reason, id: $id) }',
      variableValues: variables,
    });
    const error = res.errors?.[0]?.originalError as
      { code?: string; reason?: string; field?: string } | undefined;
    return {
      data: res.data?.probeText,
      message: res.errors?.[0]?.message,
      code: error?.code,
      reason: error?.reason,
      field: error?.field,
    };
  };

  beforeAll(async () => {
    schema = prepareArguments(await buildSchema({ resolvers: [ProbeTextResolver] }));
  });

  it.each([
    ['a field of `input`, named without `input.`', { input: { name: 'a\u0000' } }, 'name', 'name'],
    ['a scalar argument', { reason: '\u0007' }, 'reason', 'reason'],
    ['an ID', { id: 'U2VnbWVudDo\u0000' }, 'id', 'id'],
    ['a nested field', { input: { row: { text: 'x\u001b' } } }, 'row.text', 'row.text'],
    [
      'a field of an object in a list, by position',
      { input: { rows: [{ text: 'ok' }, { text: '\uD800' }] } },
      'rows[1].text',
      'rows[1].text',
    ],
    [
      'an item of a list of strings, named by the list (the message says which)',
      { input: { row: { tags: ['ok', 'b\u007F'] } } },
      'row.tags',
      'row.tags[1]',
    ],
    [
      'a string inside a JSON value',
      { input: { result: { a: [{ b: 'x\u0000' }] } } },
      'result',
      'result.a[0].b',
    ],
    ['a key of a JSON value', { input: { result: { 'k\u0000': 1 } } }, 'result', 'A key of result'],
  ])('in %s, as INVALID_CHARACTERS naming its path', async (_, variables, field, where) => {
    const res = await probe(variables);
    expect(res).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field });
    expect(res.data).toBeUndefined();
    expect(res.message?.startsWith(`${where} contains `)).toBe(true);
    expect(res.message).toMatch(/(control character \(U\+00[0-9A-F]{2}\)|lone UTF-16 surrogate)/);
  });

  it('tells a person what to do about a control character', async () => {
    const { message } = await probe({ input: { name: 'abc\u0000' } });
    expect(message).toBe(
      'name contains a control character (U+0000) at position 4. Remove it: text may hold tabs ' +
        'and line breaks but no other control characters.',
    );
  });

  it('lets ordinary hostile-looking text through to the resolver', async () => {
    const res = await probe({
      input: { name: "'; DROP TABLE segment; --\t<script>", result: { ключ: 'مرحبا 👩‍👩‍👧' } },
      reason: 'line one\r\nline two',
    });
    expect(res).toMatchObject({ data: 'resolved', message: undefined });
  });

  it(`refuses JSON values nested deeper than ${MAX_JSON_DEPTH} levels`, async () => {
    let result: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) result = { nested: result };
    const res = await probe({ input: { result } });
    expect(res).toMatchObject({ reason: 'VALIDATION_FAILED', field: 'result' });
    expect(res.message).toMatch(/nested too deeply/);
  });
});
