import type { Em } from '../../server/src/db/orm.js';

export type Dialect = 'sqlite' | 'postgresql';

/**
 * Tables copied per replica of the demo company, in foreign-key order, and the columns whose
 * values are remapped to the replica's rows. Everything else (segments, touchpoints, metric
 * definitions, campaigns …) is shared, so the copies look like more accounts of the same company.
 */
const TABLES: { table: string; remap: string[]; suffix: string[] }[] = [
  { table: 'client_account', remap: ['id'], suffix: ['external_id', 'name'] },
  { table: 'contact', remap: ['id', 'account_id'], suffix: ['external_id', 'email'] },
  { table: 'feedback_item', remap: ['id', 'account_id', 'contact_id'], suffix: ['external_id'] },
  { table: 'metric_observation', remap: ['id', 'account_id'], suffix: ['external_id'] },
  { table: 'transactional_figures', remap: ['id', 'account_id'], suffix: ['external_id'] },
];

async function columnsOf(em: Em, dialect: Dialect, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await em.execute<{ name: string }[]>(`pragma table_info(${table})`);
    return rows.map((r) => r.name);
  }
  const rows = await em.execute<{ column_name: string }[]>(
    `select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ? order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/** A new id for the copy `k` of a row: deterministic, and a valid uuid on PostgreSQL. */
function remapped(dialect: Dialect, column: string, k: number): string {
  return dialect === 'postgresql'
    ? `case when ${column} is null then null else md5(${column}::text || '-${k}')::uuid end`
    : `case when ${column} is null then null else ${column} || '-${k}' end`;
}

function suffixed(column: string, k: number): string {
  return `case when ${column} is null then null else ${column} || ' #${k}' end`;
}

/**
 * Multiplies the loaded company by `copies`: copy k of every account, contact, feedback item,
 * observation and figure row, with set-based `insert … select` (the database does the work).
 * Returns the feedback rows afterwards.
 */
export async function replicateCompany(em: Em, dialect: Dialect, copies: number): Promise<number> {
  for (const { table, remap, suffix } of TABLES) {
    const cols = await columnsOf(em, dialect, table);
    for (let k = 1; k < copies; k++) {
      const exprs = cols.map((c) =>
        remap.includes(c) ? remapped(dialect, c, k) : suffix.includes(c) ? suffixed(c, k) : c,
      );
      await em.execute(
        `insert into ${table} (${cols.join(', ')})
         select ${exprs.join(', ')} from ${table} where ${originalsOnly(table)}`,
      );
    }
  }
  const [row] = await em.execute<{ n: number | string }[]>(
    'select count(*) as n from feedback_item',
  );
  return Number(row?.n ?? 0);
}

/** Rows of the original company only (copies carry a suffix on the account's external id). */
function originalsOnly(table: string): string {
  const account = table === 'client_account' ? 'id' : 'account_id';
  return `${account} in (select id from client_account where external_id not like '% #%')`;
}
