import { RespondentClass } from '../../client/client.enums.js';
import { ComplaintClass, FeedbackChannel } from '../../feedback/feedback.enums.js';
import { RowErrorCode } from '../import.errors.js';
import type { RowError } from '../import.rules.js';
import { type ImportService, type ImportSummary } from '../import.service.js';

/** The kinds of record a file can carry (`--kind`, the `kind` of the upload). */
export const FILE_KINDS = ['feedback', 'transactions', 'observations'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const isFileKind = (value: string): value is FileKind =>
  (FILE_KINDS as readonly string[]).includes(value);

type ColumnType =
  | { type: 'string'; required?: boolean }
  | { type: 'number' | 'int'; required?: boolean }
  | { type: 'date' }
  | { type: 'enum'; values: readonly string[]; required?: boolean };

type Columns = Record<string, ColumnType>;

const text = (required = false): ColumnType => ({ type: 'string', required });
const num = (required = false): ColumnType => ({ type: 'number', required });
const int = (required = false): ColumnType => ({ type: 'int', required });
const oneOf = (values: Record<string, string>, required = false): ColumnType => ({
  type: 'enum',
  values: Object.values(values),
  required,
});
const isRequired = (c: ColumnType): boolean => 'required' in c && c.required === true;

/**
 * The columns of each kind: the names of the GraphQL import rows (README "File imports"),
 * so a CSV header, a JSON object and a GraphQL row use the same words.
 */
export const FILE_COLUMNS: Record<FileKind, Columns> = {
  transactions: {
    externalId: text(true),
    accountExternalId: text(true),
    period: text(true),
    revenue: num(true),
    grossMargin: num(true),
    avgDaysLate: num(true),
    orderCount: int(true),
    orderRegularity: num(),
    shareOfWallet: num(),
  },
  observations: {
    externalId: text(true),
    metricCode: text(true),
    accountExternalId: text(true),
    period: text(true),
    value: num(true),
    sampleSize: int(),
    source: text(),
  },
  feedback: {
    externalId: text(true),
    accountExternalId: text(true),
    contactExternalId: text(),
    contactEmail: text(),
    respondentClass: oneOf(RespondentClass),
    channel: oneOf(FeedbackChannel, true),
    npsScore: int(),
    csiScore: num(),
    cesScore: num(),
    text: text(),
    language: text(),
    complaintClass: oneOf(ComplaintClass),
    receivedAt: { type: 'date' },
    invitationReference: text(),
  },
};

/** Columns a file of `kind` must have (its CSV header must name them). */
export function requiredColumns(kind: FileKind): string[] {
  return Object.entries(FILE_COLUMNS[kind])
    .filter(([, c]) => isRequired(c))
    .map(([name]) => name);
}

export type Converted = { row: Record<string, unknown> } | { errors: RowError[] };

/**
 * Turns one record of a file (CSV strings, or JSON values) into an import row, or the
 * reasons it cannot be one. Blank cells are absent values; the importer then decides the
 * row as it decides a GraphQL row, so both paths refuse the same rows for the same reasons.
 */
export function convertRecord(kind: FileKind, record: Record<string, unknown>): Converted {
  const columns = FILE_COLUMNS[kind];
  const errors: RowError[] = [];
  const row: Record<string, unknown> = {};
  for (const field of Object.keys(record)) {
    if (!(field in columns)) {
      errors.push({
        field,
        code: RowErrorCode.INVALID_FORMAT,
        message: `${field} is not a column of ${kind}; the columns are ${Object.keys(columns).join(', ')}.`,
      });
    }
  }
  for (const [field, column] of Object.entries(columns)) {
    const raw = record[field];
    const blank = raw == null || (typeof raw === 'string' && raw.trim() === '');
    const required = isRequired(column);
    if (blank) {
      if (required && column.type !== 'string') {
        errors.push({ field, code: RowErrorCode.REQUIRED, message: `${field} is required.` });
      }
      // A blank required string is left to the importer, which says REQUIRED itself.
      row[field] = column.type === 'string' && required ? '' : null;
      continue;
    }
    const value = convertValue(field, column, raw, errors);
    if (value !== undefined) row[field] = value;
  }
  return errors.length > 0 ? { errors } : { row };
}

function convertValue(
  field: string,
  column: ColumnType,
  raw: unknown,
  errors: RowError[],
): unknown {
  const invalid = (expected: string) => {
    errors.push({
      field,
      code: RowErrorCode.INVALID_FORMAT,
      message: `${field} must be ${expected}, got ${JSON.stringify(raw)}.`,
    });
    return undefined;
  };
  switch (column.type) {
    case 'string':
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : invalid('text');
    case 'number':
    case 'int': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
      if (!Number.isFinite(value)) return invalid('a number');
      if (column.type === 'int' && !Number.isInteger(value)) return invalid('a whole number');
      return value;
    }
    case 'date': {
      const value = typeof raw === 'string' ? new Date(raw) : undefined;
      if (!value || Number.isNaN(value.getTime())) {
        return invalid('a date and time in ISO 8601, e.g. 2026-10-05T09:30:00Z');
      }
      return value;
    }
    case 'enum':
      return typeof raw === 'string' && column.values.includes(raw)
        ? raw
        : invalid(`one of ${column.values.join(', ')}`);
  }
}

/** The bulk import (same rules, one transaction) that decides a batch of rows of `kind`. */
export function importBatch(
  service: ImportService,
  kind: FileKind,
  rows: Record<string, unknown>[],
  dryRun: boolean,
): Promise<ImportSummary> {
  // The rows were shaped by convertRecord from FILE_COLUMNS, which mirror the row inputs.
  switch (kind) {
    case 'transactions':
      return service.importTransactionalFigures(rows as never, dryRun);
    case 'observations':
      return service.importMetricObservations(rows as never, dryRun);
    case 'feedback':
      return service.importFeedback(rows as never, dryRun);
  }
}
