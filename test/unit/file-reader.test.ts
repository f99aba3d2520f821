import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { convertRecord } from '../../server/src/modules/import/file/file-kinds.js';
import {
  FileFormatError,
  readRecords,
  type FileFormat,
  type FileRecord,
} from '../../server/src/modules/import/file/file-reader.js';

/** The records of `text`, fed in chunks of `size` characters so values straddle chunks. */
async function read(text: string, format: FileFormat, size = 3): Promise<FileRecord[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: FileRecord[] = [];
  for await (const record of readRecords(Readable.from(chunks), format)) out.push(record);
  return out;
}

describe('the file reader', () => {
  it('splits a JSON array into its objects, whatever commas, brackets and quotes their strings hold', async () => {
    const records = await read(
      '\uFEFF [ {"text": "a, [b] {c} \\"d\\" é"}, {"n": [1, {"x": 2}]} ,{"e":"Жалоба"} ]\n',
      'json',
    );
    expect(records).toEqual([
      { row: 1, record: { text: 'a, [b] {c} "d" é' } },
      { row: 2, record: { n: [1, { x: 2 }] } },
      { row: 3, record: { e: 'Жалоба' } },
    ]);
  });

  it('reads NDJSON line by line and reports a broken line by its row number', async () => {
    const records = await read('{"a":1}\n\nnot json\n{"a":3}', 'json');
    expect(records[0]).toEqual({ row: 1, record: { a: 1 } });
    expect(records[1]).toMatchObject({
      row: 2,
      problem: expect.stringContaining('not valid JSON'),
    });
    expect(records[2]).toEqual({ row: 3, record: { a: 3 } });
  });

  it('reads a 200,000-element JSON array holding one element at a time', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heapMb = () => {
      gc();
      return process.memoryUsage().heapUsed / 1024 / 1024;
    };
    // Chunks of 500 elements, as a file stream reads 64 KB at a time (a stream of one tiny
    // chunk per element costs memory per chunk in Node's stream iterator, not in the reader).
    const source = Readable.from(
      (function* () {
        yield '[';
        for (let start = 0; start < 200_000; start += 500) {
          let chunk = '';
          for (let i = start; i < start + 500; i++) {
            chunk += `${i ? ',' : ''}{"externalId":"e-${i}","text":"a, [b] \\"${i}\\""}`;
          }
          yield chunk;
        }
        yield ']';
      })(),
    );
    const before = heapMb();
    let peak = 0;
    let last: FileRecord | undefined;
    for await (const record of readRecords(source, 'json')) {
      last = record;
      if (record.row % 20_000 === 0) peak = Math.max(peak, heapMb() - before);
    }
    expect(last).toEqual({
      row: 200_000,
      record: { externalId: 'e-199999', text: 'a, [b] "199999"' },
    });
    // Holding the records would take tens of MB.
    expect(peak).toBeLessThan(8);
  });

  it('refuses an array that is never closed', async () => {
    await expect(read('[{"a":1},{"a":2}', 'json')).rejects.toBeInstanceOf(FileFormatError);
  });

  it('reads CSV records by header, with quoted commas and line breaks', async () => {
    const records = await read('externalId,text\nf-1,"one, two"\nf-2,"line\nbreak"\n', 'csv');
    expect(records).toEqual([
      { row: 1, record: { externalId: 'f-1', text: 'one, two' } },
      { row: 2, record: { externalId: 'f-2', text: 'line\nbreak' } },
    ]);
  });

  it('stops on a CSV line with the wrong number of cells', async () => {
    await expect(read('a,b\n1,2\n1,2,3\n', 'csv')).rejects.toThrow(
      /cannot be read: Invalid Record Length: .* on line 3/,
    );
  });
});

describe('converting a record into an import row', () => {
  it('turns CSV strings into numbers and blank cells into absent values', () => {
    expect(
      convertRecord('observations', {
        externalId: 'o-1',
        metricCode: 'NPS',
        accountExternalId: 'acc-1',
        period: '2025-01',
        value: '42.5',
        sampleSize: '',
        source: '',
      }),
    ).toEqual({
      row: {
        externalId: 'o-1',
        metricCode: 'NPS',
        accountExternalId: 'acc-1',
        period: '2025-01',
        value: 42.5,
        sampleSize: null,
        source: null,
      },
    });
  });

  it('names every field that cannot be read, and columns the kind does not have', () => {
    const converted = convertRecord('feedback', {
      externalId: 'f-1',
      accountExternalId: 'acc-1',
      channel: 'FAX',
      npsScore: '6.5',
      receivedAt: 'yesterday',
      colour: 'red',
    });
    expect('errors' in converted && converted.errors.map((e) => [e.field, e.code])).toEqual([
      ['colour', 'INVALID_FORMAT'],
      ['channel', 'INVALID_FORMAT'],
      ['npsScore', 'INVALID_FORMAT'],
      ['receivedAt', 'INVALID_FORMAT'],
    ]);
  });

  it('says a required number is missing', () => {
    const converted = convertRecord('transactions', { externalId: 't-1', revenue: ' ' });
    expect('errors' in converted && converted.errors.map((e) => e.field)).toEqual([
      'revenue',
      'grossMargin',
      'avgDaysLate',
      'orderCount',
    ]);
  });
});
