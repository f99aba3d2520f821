import type { EntityClass } from '@mikro-orm/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/import-cli.js';
import { loadConfig } from '../../server/src/config.js';
import { AuditEvent } from '../../server/src/modules/audit/audit-event.entity.js';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { describeEachDatabase } from '../helpers/db.js';
import { arrangeAccounts, TRANSACTION_HEADER, transactionLines } from '../helpers/import-files.js';

/** Everything the command writes, as text. */
class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const ROWS = 10_000;
/** Rows naming an unknown account: refused, with their numbers in the report. */
const REFUSED = new Set([7, 1234, 9999]);

describeEachDatabase('npm run import of a transactions CSV', (getOrm) => {
  let dir: string;
  let file: string;
  const config = loadConfig({});

  beforeAll(async () => {
    await arrangeAccounts(getOrm());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-import-cli-'));
    file = path.join(dir, 'transactions.csv');
    fs.writeFileSync(
      file,
      `${TRANSACTION_HEADER}\n${[...transactionLines(ROWS, REFUSED)].join('')}`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const out = new Captured();
    const code = await main(args, { out, orm: getOrm(), config });
    return { code, text: out.text };
  };
  const count = <E extends object>(entity: EntityClass<E>) => getOrm().em.fork().count(entity, {});

  it('a dry run reports the refused rows by number and why, and writes nothing', async () => {
    const audits = await count(AuditEvent);
    const { code, text } = await run(file, '--kind', 'transactions', '--dry-run');
    expect(code).toBe(2);
    expect(text).toContain('dry run: nothing will be written');
    for (const row of REFUSED) {
      expect(text).toMatch(
        new RegExp(
          `row ${row} \\(tx-${row}\\): would be refused — accountExternalId: No client account with externalId "nobody"\\. \\[ACCOUNT_NOT_FOUND\\]`,
        ),
      );
    }
    expect(text).toMatch(/accepted +9997 \(created 9997, updated 0, duplicates 0\)/);
    expect(text).toMatch(/refused +3\n/);
    expect(await count(TransactionalFigures)).toBe(0);
    expect(await count(AuditEvent)).toBe(audits);
  });

  it('imports 10,000 rows with a progress bar of rows and rows per second, and a summary', async () => {
    const { code, text } = await run(file, '--kind', 'transactions');
    expect(code).toBe(2);
    expect(text).toMatch(/100% \| 10000 rows \| \d+ rows\/s/);
    expect(text).toMatch(/accepted +9997 \(created 9997, updated 0, duplicates 0\)/);
    expect(text).toMatch(/refused +3\n/);
    expect(text).toMatch(/time +\d+\.\d s \(\d+ rows\/s\)/);
    expect(await count(TransactionalFigures)).toBe(9997);
    const stored = await getOrm()
      .em.fork()
      .findOneOrFail(TransactionalFigures, { externalId: 'tx-21' }, { populate: ['account'] });
    expect([
      stored.account.externalId,
      stored.period,
      stored.revenue,
      stored.shareOfWallet,
    ]).toEqual(['acc-1', '2025-11', 1021, null]);
  });

  it('with --verbose, a dry run says for every row what would happen to it', async () => {
    const small = path.join(dir, 'small.ndjson');
    fs.writeFileSync(
      small,
      [
        {
          externalId: 'tx-1',
          accountExternalId: 'acc-1',
          period: '2025-12',
          revenue: 1,
          grossMargin: 1,
          avgDaysLate: 0,
          orderCount: 1,
        },
        {
          externalId: 'new-1',
          accountExternalId: 'acc-1',
          period: '1970-01',
          revenue: 1,
          grossMargin: 1,
          avgDaysLate: 0,
          orderCount: 1,
        },
        {
          externalId: 'new-2',
          accountExternalId: 'acc-1',
          period: '1970-02',
          revenue: 'lots',
          grossMargin: 1,
          avgDaysLate: 0,
          orderCount: 1,
        },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const before = await count(TransactionalFigures);
    const { code, text } = await run(small, '--kind', 'transactions', '--dry-run', '--verbose');
    expect(code).toBe(2);
    expect(text).toContain('row 1 (tx-1): would be updated\n');
    expect(text).toContain('row 2 (new-1): would be created\n');
    expect(text).toContain(
      'row 3 (new-2): would be refused — revenue: revenue must be a number, got "lots". [INVALID_FORMAT]\n',
    );
    expect(await count(TransactionalFigures)).toBe(before);
  });

  it('importing the same file again changes nothing and counts the rows as duplicates', async () => {
    const { code, text } = await run(file, '--kind', 'transactions');
    expect(code).toBe(2);
    expect(text).toMatch(/accepted +9997 \(created 0, updated 0, duplicates 9997\)/);
    expect(await count(TransactionalFigures)).toBe(9997);
  });
});

describe('npm run import refuses what it cannot run', () => {
  it('without a kind, it says which kinds there are and exits 1', async () => {
    const out = new Captured();
    expect(await main(['x.csv'], { out })).toBe(1);
    expect(out.text).toContain('--kind must be one of feedback, transactions, observations');
  });
});
