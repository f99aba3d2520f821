import { ErrorCode } from '../../../server/src/domain/errors.js';

/** What must never reach a client: stacks, SQL, driver and ORM internals, constraint names. */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\n\s+at |\bat .+\.(ts|js):\d+/],
  ['SQL', /\b(select .+ from|insert into|update .+ set|delete from)\b/i],
  [
    'a database error',
    /SQLITE_|violates|constraint "|_(fkey|pkey|unique|check)\b|syntax error at or near|invalid input syntax|out of range for type|value too long for type|invalid byte sequence|unsupported Unicode escape/i,
  ],
  ['an ORM or driver name', /mikro-?orm|knex|kysely|better-sqlite3|node-postgres|\bpg\b:/i],
  [
    'a JavaScript error',
    /\b(TypeError|RangeError|ReferenceError|SyntaxError: Unexpected)\b|undefined is not|Cannot read propert/,
  ],
];

/** Codes a client may see: the hub's own, and Apollo's for malformed documents and requests. */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Every string inside the variables: messages may quote them (ids, codes), so leaks are sought without them. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
}

function withoutEchoes(message: string, sent: string[]): string {
  let rest = message;
  for (const s of sent.filter((x) => x.length >= 4).sort((a, b) => b.length - a.length)) {
    for (const echo of [s, s.slice(0, 57), s.slice(0, 60)]) rest = rest.split(echo).join('…');
  }
  return rest;
}

/**
 * The problems of one response, as sentences (empty when it is fine): every error has a known
 * code other than INTERNAL_SERVER_ERROR and a message a person can read, with nothing internal
 * in it beyond what the client sent.
 */
export interface ErrorsBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function responseProblems(res: ErrorsBody, variables: unknown = {}): string[] {
  const sent = stringsIn(variables);
  return (res.errors ?? []).flatMap((error) => {
    const problems: string[] = [];
    const code = error.extensions?.code as unknown;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR) problems.push('INTERNAL_SERVER_ERROR');
    else if (typeof code !== 'string' || !KNOWN_CODES.has(code)) {
      problems.push(`unknown code ${JSON.stringify(code)}`);
    }
    const message = error.message;
    if (typeof message !== 'string' || message.trim().length < 8 || !/[a-z]{3}/i.test(message)) {
      problems.push(`unreadable message ${JSON.stringify(message)}`);
    }
    const own = withoutEchoes(String(message), sent);
    for (const [what, pattern] of LEAKS) {
      if (pattern.test(own)) problems.push(`${what} in "${message.slice(0, 300)}"`);
    }
    return problems.map((p) => `${p} (code ${String(code)})`);
  });
}
