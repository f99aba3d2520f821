import fs from 'node:fs';
import path from 'node:path';
import { MikroORM as SqliteORM, type SqliteConnection } from '@mikro-orm/sqlite';
import { installUnicodeLike } from './sqlite-like.js';
import { MikroORM as PostgresORM, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MikroORM, Options } from '@mikro-orm/core';
import type { SqlEntityManager, AbstractSqlDriver } from '@mikro-orm/sql';
import { ROW_SCOPE_FILTER, rowScopeFilter } from '../auth/row-scopes.js';
import { allEntities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager<AbstractSqlDriver>>;
export type Em = SqlEntityManager<AbstractSqlDriver>;

export interface DbOptions {
  /** PostgreSQL URL; when absent, SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath?: string;
  /** Log every SQL statement through this function (used by tests that count queries). */
  onQuery?: (sql: string) => void;
  debug?: boolean;
  poolMax?: number;
}

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(orm: Orm): Dialect {
  return orm.em.getPlatform() instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite';
}

function baseOptions(opts: DbOptions): Partial<Options> {
  return {
    entities: allEntities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Relations and collections read in GraphQL field resolvers are batched per tick.
    dataloader: true,
    // Every query keeps to the rows its viewer may see (`server/src/auth/row-scopes.ts`);
    // an EntityManager without the filter's parameters (activities, CLI) sees everything.
    filters: { [ROW_SCOPE_FILTER]: rowScopeFilter },
    // A reference to a hidden row stays a bare id (read through the filter when resolved)
    // instead of an extra join per relation on every restricted query.
    autoJoinRefsForFilters: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    debug: opts.onQuery ? ['query'] : (opts.debug ?? false),
    ...(opts.onQuery
      ? {
          logger: (message: string) => {
            const sql = extractSql(message);
            if (sql) opts.onQuery!(sql);
          },
          highlighter: undefined,
          colors: false,
        }
      : {}),
  };
}

/** MikroORM logs `[query] <sql> [took N ms, M results]`; keep only the statement. */
function extractSql(message: string): string | undefined {
  const match = /^\[query\]\s+(.*?)(?:\s+\[took .*\])?$/s.exec(message);
  return match?.[1];
}

/** One entry point for the app, the worker, the CLI and the tests. */
export async function initORM(opts: DbOptions): Promise<Orm> {
  if (opts.databaseUrl) {
    const orm = await PostgresORM.init({
      ...baseOptions(opts),
      clientUrl: opts.databaseUrl,
      pool: { min: 0, max: opts.poolMax ?? 10 },
    } as Parameters<typeof PostgresORM.init>[0]);
    return orm as unknown as Orm;
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const orm = await SqliteORM.init({
    ...baseOptions(opts),
    dbName: file,
  } as Parameters<typeof SqliteORM.init>[0]);
  const connection = orm.em.getConnection() as unknown as SqliteConnection;
  installUnicodeLike(await connection.getNativeClient());
  // WAL lets readers proceed while the worker writes; foreign keys are off by default in SQLite.
  await orm.em.getConnection().execute('pragma journal_mode = wal');
  await orm.em.getConnection().execute('pragma foreign_keys = on');
  await orm.em.getConnection().execute('pragma busy_timeout = 5000');
  return orm as unknown as Orm;
}

export async function migrateUp(orm: Orm): Promise<void> {
  await orm.migrator.up();
}
