/**
 * The documents scenario 1 sends: the trivial one, the web client's own initiative-board
 * document (read from `web/src/features/board/BoardPage.tsx`, its fixed page size made a
 * variable so it can be run at 5 and 50), and the nested account → contacts → feedback read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './hub.js';

export const TRIVIAL = '{ __typename }';

export function boardDocument(): string {
  const file = path.join(ROOT, 'web', 'src', 'features', 'board', 'BoardPage.tsx');
  const source = fs.readFileSync(file, 'utf8');
  const match = /graphql\(`(\s*query BoardInitiatives[\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error(`no BoardInitiatives document in ${file}`);
  const doc = match[1]!
    .replace('query BoardInitiatives(', 'query BoardInitiatives($first: Int!, ')
    .replace(/initiatives\(first: \d+,/, 'initiatives(first: $first,');
  if (!doc.includes('$first: Int!') || !doc.includes('first: $first'))
    throw new Error('the board document no longer has the shape this benchmark expects');
  return doc;
}

export { NESTED } from '../../fixtures/nested-accounts-query.js';

type Json = Record<string, any>;

/** How many objects of each kind an answer holds (to check GraphQL and SQL read the same). */
export function boardShape(body: Json): string {
  const nodes = (body.data?.initiatives?.nodes ?? []) as Json[];
  const sum = (f: (n: Json) => number) => nodes.reduce((s, n) => s + f(n), 0);
  return [
    `${nodes.length} initiatives`,
    `${sum((n) => n.affectedAccounts.length)} accounts`,
    `${sum((n) => n.tasks.length)} tasks (${sum((n) => n.openTaskCount)} open)`,
    `${sum((n) => n.notifications.length)} notifications`,
    `${sum((n) => n.councilReviews.length)} reviews`,
  ].join(', ');
}

export function nestedShape(body: Json): string {
  const accounts = (body.data?.clientAccounts?.nodes ?? []) as Json[];
  const contacts = accounts.flatMap((a) => a.contacts as Json[]);
  const feedback = contacts.flatMap((c) => c.recentFeedback as Json[]);
  return [
    `${accounts.length} accounts`,
    `${contacts.length} contacts`,
    `${feedback.length} feedback`,
    `${feedback.filter((f) => f.touchpoint).length} touchpoints`,
  ].join(', ');
}
