import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { initORM, migrateUp, type DbOptions, type Orm } from '../../server/src/db/orm.js';

export type TestDialect = 'sqlite' | 'postgresql';

let counter = 0;

function uniqueName(): string {
  counter += 1;
  return `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** A fresh, migrated database of the given dialect, and a function that removes it. */
export async function createTestOrm(
  dialect: TestDialect,
  extra: Pick<DbOptions, 'onQuery'> = {},
): Promise<{ orm: Orm; url: string; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-hub-test-'));
    const sqlitePath = path.join(dir, 'test.sqlite');
    const orm = await initORM({ sqlitePath, ...extra });
    await migrateUp(orm);
    return {
      orm,
      url: sqlitePath,
      dispose: async () => {
        await orm.close(true);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = uniqueName();
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const orm = await initORM({ databaseUrl: url, poolMax: 5, ...extra });
  await migrateUp(orm);
  return {
    orm,
    url,
    dispose: async () => {
      await orm.close(true);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs the same block against SQLite and PostgreSQL, each with its own fresh,
 * migrated database for the whole block. `getOrm()` is valid inside tests and hooks.
 */
export function describeEachDatabase(
  name: string,
  body: (getOrm: () => Orm, dialect: TestDialect) => void,
  extra: Pick<DbOptions, 'onQuery'> = {},
): void {
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    describe(`${name} [${dialect}]`, () => {
      let db: Awaited<ReturnType<typeof createTestOrm>> | undefined;
      beforeAll(async () => {
        db = await createTestOrm(dialect, extra);
      });
      afterAll(async () => {
        await db?.dispose();
      });
      body(() => {
        if (!db) throw new Error('database not ready: use getOrm() inside tests or hooks');
        return db.orm;
      }, dialect);
    });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
