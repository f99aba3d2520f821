import type { Em } from './orm.js';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** Escapes LIKE wildcards so user input matches literally (backslash is the escape on both databases). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A case-insensitive "contains" condition that behaves the same on both databases:
 * ILIKE on PostgreSQL; on SQLite, LIKE, which `installUnicodeLike` (see orm.ts) makes
 * case-insensitive for every script, not only ASCII. `%` and `_` in the text match literally.
 */
export function containsInsensitive(em: Em, text: string): { $ilike: string } | { $like: string } {
  const pattern = `%${escapeLike(text.trim())}%`;
  return em.getPlatform() instanceof PostgreSqlPlatform ? { $ilike: pattern } : { $like: pattern };
}
