import { dialectOf, type Orm } from '../../../server/src/db/orm.js';
import { SecurityEventKind } from '../../../server/src/modules/audit/security-event.js';

/**
 * Audit rows written on purpose by requests that change nothing else: security events (a failed
 * sign-in, a refusal) and the record of a subject-access export. Every other audit row counts.
 */
const RECORD_ONLY = [...Object.values(SecurityEventKind), 'exportContactData'];

/**
 * One statement that sums up the whole database: the row count of every table and, where a
 * table has `updated_at`, its latest value — so an insert, a delete or an update anywhere
 * changes the fingerprint — except the record-only audit rows above. Built once per database
 * (the tables do not change during a run).
 */
export async function fingerprinter(orm: Orm): Promise<() => Promise<string>> {
  const em = orm.em.fork();
  const tables =
    dialectOf(orm) === 'sqlite'
      ? await em.execute<{ name: string }[]>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
        )
      : await em.execute<{ name: string }[]>(
          "select tablename as name from pg_tables where schemaname = 'public'",
        );
  const parts: string[] = [];
  for (const { name } of tables) {
    const hasUpdatedAt =
      (await em
        .execute<{ n: number }[]>(
          dialectOf(orm) === 'sqlite'
            ? `select count(*) as n from pragma_table_info('${name}') where name = 'updated_at'`
            : `select count(*)::int as n from information_schema.columns where table_name = '${name}' and column_name = 'updated_at'`,
        )
        .then((r) => Number(r[0]?.n))) > 0;
    const latest = hasUpdatedAt ? `cast(max(updated_at) as varchar(64))` : `''`;
    const where =
      name === 'audit_event'
        ? ` where action not in (${RECORD_ONLY.map((a) => `'${a}'`).join(', ')})`
        : '';
    parts.push(`select '${name}' as t, count(*) as n, ${latest} as u from ${name}${where}`);
  }
  const sql = `${parts.join(' union all ')} order by t`;
  return async () => JSON.stringify(await orm.em.fork().execute(sql));
}
