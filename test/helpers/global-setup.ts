/**
 * Vitest global setup: ONE throwaway PostgreSQL cluster for the whole run (about 1 s to start).
 * Test files get its admin URL with `inject('pgAdminUrl')` and create their own databases on it
 * (see `test/helpers/db.ts`). Temporal is deliberately not started here: workflow tests start
 * their own `TestWorkflowEnvironment` per file.
 *
 * Set PG_TEST_URL (URL of a database on a server where the user may CREATE/DROP DATABASE) to
 * use an existing server instead. DATABASE_URL is ignored on purpose: tests create and drop
 * databases, which must never happen on the hub's real database by accident.
 */
import type { TestProject } from 'vitest/node';
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../server/src/db/throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of the test server; tests create their databases from it. */
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const external = process.env.PG_TEST_URL?.trim();
  if (external) {
    project.provide('pgAdminUrl', external);
    return () => {};
  }
  const pg: ThrowawayPostgres = await startThrowawayPostgres();
  project.provide('pgAdminUrl', pg.adminUrl);
  return () => pg.stop();
}
