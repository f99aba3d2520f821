import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, expect, it } from 'vitest';
import { systemViewer } from '../../server/src/auth/viewer.js';
import { TransactionalFigures } from '../../server/src/modules/client/transactional-figures.entity.js';
import { FileImportService } from '../../server/src/modules/import/file/file-import.service.js';
import { describeEachDatabase } from '../helpers/db.js';
import { domainContext } from '../helpers/domain.js';
import { arrangeAccounts, TRANSACTION_HEADER, transactionLines } from '../helpers/import-files.js';

// A full collection before each heap reading, so the readings are live memory, not garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const LARGE = 200_000;

describeEachDatabase('file imports as a stream', (getOrm, dialect) => {
  beforeAll(() => arrangeAccounts(getOrm()));
  const service = () =>
    domainContext(getOrm(), { viewer: systemViewer }).service(FileImportService);

  it('checks a 200,000-row file in memory bounded by a batch, not by the file', async () => {
    const refused = new Set(Array.from({ length: LARGE / 10 }, (_, i) => i * 10 + 5));
    // The file is generated as it is read: nothing holds all of it, so the heap shows what the import keeps.
    const source = Readable.from(
      (function* () {
        yield `${TRANSACTION_HEADER}\n`;
        yield* transactionLines(LARGE, refused);
      })(),
    );
    const before = heapMb();
    let peak = 0;
    let batches = 0;
    const report = await service().importFile(source, {
      kind: 'transactions',
      format: 'csv',
      dryRun: true,
      onBatch: () => {
        batches += 1;
        if (batches % 20 === 0) peak = Math.max(peak, heapMb() - before);
      },
    });
    expect(report).toMatchObject({
      rows: LARGE,
      accepted: LARGE - refused.size,
      refused: refused.size,
    });
    // The report keeps the first refusals only; the counts cover them all.
    expect(report.refusals).toHaveLength(100);
    expect(report.refusals[0]).toMatchObject({ row: 5, outcome: 'REFUSED' });
    expect(report.refusalsTruncated).toBe(true);
    console.log(`[${dialect}] 200,000 streamed rows: heap grew at most ${peak.toFixed(1)} MB`);
    // Live heap after a full collection: about 3 MB here; keeping even a small object per row
    // (200,000 of them) adds about 15 MB, so this fails if anything grows with the file.
    expect(peak).toBeLessThan(16);
    expect(await getOrm().em.fork().count(TransactionalFigures, {})).toBe(0);
  });

  it('imports feedback from a JSON array, refusing rows by their numbers', async () => {
    const feedback = JSON.stringify([
      { externalId: 'fb-1', accountExternalId: 'acc-1', channel: 'MEETING', text: 'Late, again' },
      { externalId: 'fb-2', accountExternalId: 'acc-1', channel: 'MEETING' },
      { externalId: 'fb-3', accountExternalId: 'acc-2', channel: 'FAX', text: 'x' },
    ]);
    const report = await service().importFile(Readable.from([feedback]), {
      kind: 'feedback',
      format: 'json',
      dryRun: false,
    });
    expect(report).toMatchObject({ rows: 3, created: 1, refused: 2 });
    expect(report.refusals.map((r) => [r.row, r.errors[0]?.code])).toEqual([
      [2, 'EMPTY_FEEDBACK'],
      [3, 'INVALID_FORMAT'],
    ]);
  });

  it('refuses a CSV whose header lacks a required column, before reading a row', async () => {
    await expect(
      service().importFile(Readable.from(['externalId,period\nx,2025-01\n']), {
        kind: 'transactions',
        format: 'csv',
        dryRun: true,
      }),
    ).rejects.toMatchObject({
      reason: 'UNREADABLE_FILE',
      message: expect.stringContaining('accountExternalId, revenue, grossMargin'),
    });
  });
});
