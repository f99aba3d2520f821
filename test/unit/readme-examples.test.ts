import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { expect, it } from 'vitest';
import { getSchema } from '../../server/src/graphql/schema.js';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

it('has GraphQL examples in the README', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

it('keeps every GraphQL example in the README valid against the schema', async () => {
  const schema = await getSchema();
  for (const example of examples) {
    // Example ids are shortened with an ellipsis; that does not affect validity.
    const errors = validate(schema, parse(example)).map((e) => e.message);
    expect(errors, example).toEqual([]);
  }
});
