import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Orm } from '../../server/src/db/orm.js';
import { escapeLike } from '../../server/src/db/search.js';

export interface Hit {
  table: string;
  column: string;
  value: string;
  rows: number;
}

/** Every text-like column of every table, read from the database's own catalogue (not the ORM). */
async function textColumns(orm: Orm): Promise<{ table: string; column: string; cast: string }[]> {
  const em = orm.em.fork();
  if (em.getPlatform() instanceof PostgreSqlPlatform) {
    const rows = await em.execute<{ table_name: string; column_name: string }[]>(
      `select table_name, column_name from information_schema.columns
        where table_schema = current_schema()
          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`,
    );
    return rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      cast: `"${r.column_name}"::text`,
    }));
  }
  const tables = await em.execute<{ name: string }[]>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  );
  const columns: { table: string; column: string; cast: string }[] = [];
  for (const { name } of tables) {
    const info = await em.execute<{ name: string; type: string }[]>(`pragma table_info("${name}")`);
    for (const c of info) {
      if (/char|text|json|clob/i.test(c.type))
        columns.push({ table: name, column: c.name, cast: `"${c.name}"` });
    }
  }
  return columns;
}

/**
 * Where in the whole database any of `values` occurs (any case, inside longer text too), by
 * plain SQL over every text and JSON column of every table.
 */
export async function findInDatabase(orm: Orm, values: string[]): Promise<Hit[]> {
  const em = orm.em.fork();
  const postgres = em.getPlatform() instanceof PostgreSqlPlatform;
  const hits: Hit[] = [];
  for (const { table, column, cast } of await textColumns(orm)) {
    for (const value of values) {
      const [row] = await em.execute<{ n: number | string }[]>(
        `select count(*) as n from "${table}" where ${cast} ${postgres ? 'ilike' : 'like'} ? escape '\\'`,
        [`%${escapeLike(value)}%`],
      );
      const rows = Number(row?.n ?? 0);
      if (rows > 0) hits.push({ table, column, value, rows });
    }
  }
  return hits;
}
