/** `npm run schema:emit`: regenerate `schema/schema.graphql` from the resolvers. */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { printSdl } from '../graphql/schema.js';

const target = path.join(projectRoot, 'schema', 'schema.graphql');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, await printSdl());
console.log(`Wrote ${path.relative(projectRoot, target)}`);
