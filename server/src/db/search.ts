import type { Em } from './orm.js';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * A case-insensitive "contains" condition that works on both databases: MikroORM sends
 * `$ilike` verbatim, which SQLite does not know, while SQLite's own LIKE already ignores
 * case (for ASCII letters; Cyrillic stays case-sensitive there).
 */
export function containsInsensitive(em: Em, text: string): { $ilike: string } | { $like: string } {
  const pattern = `%${text.trim()}%`;
  return em.getPlatform() instanceof PostgreSqlPlatform ? { $ilike: pattern } : { $like: pattern };
}
