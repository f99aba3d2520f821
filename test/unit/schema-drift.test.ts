import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { printSdl } from '../../server/src/graphql/schema.js';

it('keeps schema/schema.graphql identical to the schema the code builds (run `npm run schema:emit`)', async () => {
  const checkedIn = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../schema/schema.graphql'),
    'utf8',
  );
  expect(await printSdl()).toBe(checkedIn);
});
