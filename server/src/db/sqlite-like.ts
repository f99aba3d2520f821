/** The part of better-sqlite3's Database this module needs (its types are not installed). */
interface FunctionRegistry {
  function(
    name: string,
    options: { deterministic?: boolean },
    fn: (...args: unknown[]) => unknown,
  ): unknown;
}

const cache = new Map<string, RegExp>();

/** Translates a LIKE pattern (`%`, `_`, escape character) into an anchored, case-insensitive RegExp. */
export function likePatternToRegExp(pattern: string, escape = '\\'): RegExp {
  const key = `${escape}\u0000${pattern}`;
  let re = cache.get(key);
  if (re) return re;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === escape && i + 1 < pattern.length) {
      source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  re = new RegExp(`^${source}$`, 'iu');
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

/**
 * SQLite's built-in LIKE folds case for ASCII letters only, so "поставка" would not find
 * "Поставка". SQLite lets an application replace `like()`: this one folds case for every
 * script and treats backslash as the escape character, as PostgreSQL's ILIKE does, so
 * searches behave the same on both databases.
 */
export function installUnicodeLike(db: FunctionRegistry): void {
  const like = (pattern: unknown, value: unknown, escape?: unknown): number | null => {
    if (pattern === null || value === null || pattern === undefined || value === undefined)
      return null;
    const esc = typeof escape === 'string' && escape.length === 1 ? escape : '\\';
    return likePatternToRegExp(String(pattern), esc).test(String(value)) ? 1 : 0;
  };
  db.function('like', { deterministic: true }, (p: unknown, v: unknown) => like(p, v));
  db.function('like', { deterministic: true }, (p: unknown, v: unknown, e: unknown) =>
    like(p, v, e),
  );
}
