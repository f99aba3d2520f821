import type { Readable } from 'node:stream';
import type { DomainContext } from '../../../domain/context.js';
import { importError, RowErrorCode } from '../import.errors.js';
import type { RowError } from '../import.rules.js';
import { ImportService, type ImportRowSummary } from '../import.service.js';
import {
  convertRecord,
  FILE_COLUMNS,
  importBatch,
  requiredColumns,
  type FileKind,
} from './file-kinds.js';
import { FileFormatError, readRecords, type FileFormat, type FileRecord } from './file-reader.js';

/** Rows decided and committed together: one transaction and one audit event per batch. */
export const FILE_BATCH_ROWS = 1000;

/** What one row of a file came to; `row` counts the file's records from 1. */
export interface FileRowOutcome {
  row: number;
  externalId: string | null;
  outcome: ImportRowSummary['outcome'];
  errors: RowError[];
}

export interface FileImportOptions {
  kind: FileKind;
  format: FileFormat;
  dryRun: boolean;
  /** How many refused rows the report keeps (the counts cover every row). */
  keepRefusals?: number;
  batchRows?: number;
  /** Called for every row, in file order, once its batch is decided (and committed). */
  onRow?: (outcome: FileRowOutcome) => void;
  /** Called after each batch with the rows read so far. */
  onBatch?: (rowsSoFar: number) => void;
}

/** Counts over the whole file and its first refusals. */
export interface FileImportReport {
  kind: FileKind;
  dryRun: boolean;
  rows: number;
  accepted: number;
  created: number;
  updated: number;
  /** Rows already stored with the same values (a re-import). */
  unchanged: number;
  refused: number;
  refusals: FileRowOutcome[];
  /** True when more rows were refused than `refusals` holds. */
  refusalsTruncated: boolean;
}

interface Pending {
  row: number;
  values: Record<string, unknown>;
}

/**
 * Imports a file of one kind as a stream: records are read one at a time and decided in
 * batches by the bulk import (same validation and idempotency by externalId), each batch
 * in its own transaction, so a file of any length needs memory for one batch only. A row
 * that cannot become an import row (a bad number, an unknown column) is refused here with
 * its row number. A dry run decides every batch the same way and writes nothing.
 *
 * Not atomic across batches: a failure (e.g. the database going away) leaves the committed
 * batches in place; running the file again is safe, as every row is idempotent.
 */
export class FileImportService {
  constructor(private readonly ctx: DomainContext) {}

  async importFile(source: Readable, options: FileImportOptions): Promise<FileImportReport> {
    const { kind, dryRun } = options;
    const batchRows = options.batchRows ?? FILE_BATCH_ROWS;
    const keep = options.keepRefusals ?? 100;
    const report: FileImportReport = {
      kind,
      dryRun,
      rows: 0,
      accepted: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      refused: 0,
      refusals: [],
      refusalsTruncated: false,
    };
    const record = (outcome: FileRowOutcome) => {
      report.rows += 1;
      const key = outcome.outcome.toLowerCase() as 'created' | 'updated' | 'unchanged' | 'refused';
      report[key] += 1;
      if (outcome.outcome !== 'REFUSED') report.accepted += 1;
      else if (report.refusals.length < keep) report.refusals.push(outcome);
      else report.refusalsTruncated = true;
      options.onRow?.(outcome);
    };

    // Rows already decided here (unreadable ones) wait for their batch, so onRow stays in file order.
    let batch: (Pending | FileRowOutcome)[] = [];
    let valid = 0;
    const flush = async () => {
      const pending = batch.filter((b): b is Pending => 'values' in b);
      const summary =
        pending.length > 0
          ? await importBatch(
              this.ctx.service(ImportService),
              kind,
              pending.map((p) => p.values),
              dryRun,
            )
          : undefined;
      let next = 0;
      for (const item of batch) {
        if (!('values' in item)) {
          record(item);
          continue;
        }
        const decided = summary!.rows[next++]!;
        record({
          row: item.row,
          externalId: decided.externalId,
          outcome: decided.outcome,
          errors: decided.errors.map((e) => inFileTerms(e, pending)),
        });
      }
      batch = [];
      valid = 0;
      options.onBatch?.(report.rows);
    };

    try {
      for await (const item of readRecords(source, options.format)) {
        if (item.row === 1 && 'record' in item && options.format === 'csv') {
          checkHeader(kind, item.record);
        }
        const prepared = prepare(kind, item);
        batch.push(prepared);
        if ('values' in prepared) valid += 1;
        if (valid >= batchRows || batch.length >= batchRows * 2) await flush();
      }
      if (batch.length > 0) await flush();
    } catch (error) {
      if (!(error instanceof FileFormatError)) throw error;
      const before = dryRun
        ? 'Nothing was written'
        : `The ${report.rows} rows before it were decided and their accepted rows kept (importing the file again is safe)`;
      throw importError('UNREADABLE_FILE', `${error.message}. ${before}.`, 'file');
    }
    return report;
  }
}

/** A record as an import row waiting for its batch, or refused already when it cannot be one. */
function prepare(kind: FileKind, item: FileRecord): Pending | FileRowOutcome {
  const refuse = (externalId: string | null, errors: RowError[]): FileRowOutcome => ({
    row: item.row,
    externalId,
    outcome: 'REFUSED',
    errors,
  });
  if ('problem' in item) {
    return refuse(null, [
      { field: null, code: RowErrorCode.INVALID_FORMAT, message: item.problem },
    ]);
  }
  const converted = convertRecord(kind, item.record);
  if ('row' in converted) return { row: item.row, values: converted.row };
  const externalId = item.record.externalId;
  return refuse(typeof externalId === 'string' ? externalId : null, converted.errors);
}

/** The bulk import names an earlier duplicate by its index in the batch; say the file's row instead. */
function inFileTerms(error: RowError, pending: readonly Pending[]): RowError {
  if (error.code !== RowErrorCode.DUPLICATE_IN_BATCH) return error;
  const match = /row (\d+) of this call/.exec(error.message);
  const earlier = match ? pending[Number(match[1])]?.row : undefined;
  return earlier === undefined
    ? error
    : {
        ...error,
        message: error.message.replace(/row \d+ of this call/, `row ${earlier} of this file`),
      };
}

/** A CSV header must name every required column and nothing else (else every row would be refused). */
function checkHeader(kind: FileKind, first: Record<string, unknown>): void {
  const missing = requiredColumns(kind).filter((c) => !(c in first));
  const unknown = Object.keys(first).filter((c) => !(c in FILE_COLUMNS[kind]));
  const problems = [
    missing.length > 0 ? `lacks ${missing.join(', ')}, which ${kind} need` : '',
    unknown.length > 0
      ? `names ${unknown.join(', ')}, which ${kind} do not have (the columns are ${Object.keys(FILE_COLUMNS[kind]).join(', ')})`
      : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new FileFormatError(`The CSV header ${problems.join(' and ')}`, 0);
  }
}
