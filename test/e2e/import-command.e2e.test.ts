import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { initORM, migrateUp, type Orm } from '../../server/src/db/orm.js';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { arrangeAccounts, TRANSACTION_HEADER, transactionLines } from '../helpers/import-files.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const ROWS = 10_000;
const REFUSED = new Set([3, 5000, 10_000]);

/**
 * The command exactly as the README gives it, `npm run import -- <file> --kind transactions`, as
 * its own process on the SQLite file of a data directory: the script wiring, the exit codes and
 * the progress bar a user sees (test/integration/file-import-cli.test.ts covers the command's
 * behaviour in depth, on both databases).
 */
describe('npm run import, as a user runs it', () => {
  let dir: string;
  let file: string;
  let orm: Orm;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-import-command-'));
    orm = await initORM({ sqlitePath: loadConfig({ CX_DATA_DIR: dir }).sqlitePath });
    await migrateUp(orm);
    await arrangeAccounts(orm);
    file = path.join(dir, 'erp-figures.csv');
    fs.writeFileSync(
      file,
      `${TRANSACTION_HEADER}\n${[...transactionLines(ROWS, REFUSED)].join('')}`,
    );
  });
  afterAll(async () => {
    await orm?.close(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const npmRunImport = (...args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, CX_DATA_DIR: dir };
      delete env.DATABASE_URL;
      delete env.NODE_ENV;
      delete env.VITEST;
      execFile(
        'npm',
        ['run', '--silent', 'import', '--', file, '--kind', 'transactions', ...args],
        { cwd: root, env, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
            out: `${stdout}${stderr}`,
          }),
      );
    });
  const stored = () => orm.em.fork().count(TransactionalFigures, {});

  it('dry-runs 10,000 rows with a progress bar, names the refused rows, writes nothing, then imports', async () => {
    const dry = await npmRunImport('--dry-run');
    expect(dry.code, dry.out).toBe(2);
    expect(dry.out).toContain('dry run: nothing will be written');
    expect(dry.out).toMatch(/100% \| 10000 rows \| \d+ rows\/s/);
    for (const n of REFUSED) {
      expect(dry.out).toMatch(new RegExp(`^row ${n} \\(tx-${n}\\): would be refused`, 'm'));
    }
    expect(dry.out).toMatch(/^\s+refused\s+3$/m);
    expect(await stored()).toBe(0);

    const real = await npmRunImport();
    expect(real.code, real.out).toBe(2);
    expect(real.out).toMatch(/100% \| 10000 rows \| \d+ rows\/s/);
    expect(await stored()).toBe(ROWS - REFUSED.size);
    // Two processes that each start tsx and read 10,000 rows: a limit, not a speed assertion.
  }, 120_000);
});
