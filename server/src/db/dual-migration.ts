import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * One migration set for both databases: each migration carries the statements
 * MikroORM generated for SQLite and for PostgreSQL from the same entity change
 * (`npm run migration:create`), and runs the set that matches the connection.
 */
export abstract class DualMigration extends Migration {
  protected abstract readonly sqlite: readonly string[];
  protected abstract readonly postgresql: readonly string[];

  override up(): void {
    const isPostgres = this.driver.getPlatform() instanceof PostgreSqlPlatform;
    for (const statement of isPostgres ? this.postgresql : this.sqlite) this.addSql(statement);
  }
}
