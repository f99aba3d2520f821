import { Presets, SingleBar } from 'cli-progress';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { systemViewer } from '../auth/viewer.js';
import { loadConfig, type HubConfig } from '../config.js';
import { initORM, migrateUp, type Em, type Orm } from '../db/orm.js';
import { DomainContext } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import { unreachableInitiativeWorkflows } from '../modules/initiative/initiative-workflows.port.js';
import { FILE_KINDS, isFileKind } from '../modules/import/file/file-kinds.js';
import {
  FileImportService,
  type FileImportReport,
  type FileRowOutcome,
} from '../modules/import/file/file-import.service.js';
import type { FileFormat } from '../modules/import/file/file-reader.js';

const USAGE = `Usage: npm run import -- <file> --kind ${FILE_KINDS.join('|')} [--format csv|json] [--dry-run] [--verbose] [--show N]`;

export interface CliIo {
  out: Writable;
  /** Tests hand in their database; otherwise the configured one is opened (as \`npm run seed\` does). */
  orm?: Orm;
  config?: HubConfig;
}

/** Exit codes: 0 every row accepted, 2 some rows refused, 1 the import did not run or stopped. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const say = (line = '') => io.out.write(`${line}\n`);
  let parsed;
  try {
    parsed = parseCliArgs(args);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    say(USAGE);
    return 1;
  }
  const { file, kind, format, dryRun, verbose, show } = parsed;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    say(`Cannot read ${file}: no such file.`);
    return 1;
  }

  const config = io.config ?? loadConfig();
  const orm =
    io.orm ?? (await initORM({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath }));
  try {
    if (!io.orm) await migrateUp(orm);
    const ctx = new DomainContext(
      {
        log: { info() {}, warn() {}, error() {} },
        config,
        collect: {
          // File imports store feedback RECEIVED; the hub's reconciler starts its workflows.
          startCollect: () => Promise.reject(new Error('The import command starts no workflow.')),
        },
        initiatives: unreachableInitiativeWorkflows,
      },
      orm.em.fork() as Em,
      systemViewer,
    );
    say(
      `Importing ${kind} from ${path.basename(file)} (${format}, ${formatBytes(size)})` +
        (dryRun ? ' — dry run: nothing will be written.' : '.'),
    );
    const source = fs.createReadStream(file);
    const started = performance.now();
    const rate = (rows: number) =>
      Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
    const bar = verbose ? undefined : progressBar(io.out);
    bar?.start(size, 0, { rows: 0, speed: 0 });
    let report: FileImportReport;
    try {
      report = await ctx.service(FileImportService).importFile(source, {
        kind,
        format,
        dryRun,
        keepRefusals: show,
        onBatch: (rows) => bar?.update(source.bytesRead, { rows, speed: rate(rows) }),
        onRow: verbose ? (row) => say(describeRow(row, dryRun)) : undefined,
      });
      bar?.update(size, { rows: report.rows, speed: rate(report.rows) });
    } finally {
      bar?.stop();
      source.destroy(); // a file the import stopped reading early is closed, too
    }
    if (!verbose) {
      for (const row of report.refusals) say(describeRow(row, dryRun));
      if (report.refusalsTruncated) {
        say(`… and ${report.refused - report.refusals.length} more refused rows (--show N).`);
      }
    }
    summarise(say, report, (performance.now() - started) / 1000);
    return report.refused > 0 ? 2 : 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    say(`Import stopped (${error.reason}): ${error.message}`);
    return 1;
  } finally {
    if (!io.orm) await orm.close();
  }
}

function parseCliArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      show: { type: 'string', default: '50' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('Name exactly one file to import.');
  if (!values.kind || !isFileKind(values.kind)) {
    throw new Error(`--kind must be one of ${FILE_KINDS.join(', ')}, got "${values.kind ?? ''}".`);
  }
  const format = values.format ?? formatOf(file);
  if (format !== 'csv' && format !== 'json') {
    throw new Error(`--format must be csv or json (the file's extension did not say which).`);
  }
  const show = Number(values.show);
  if (!Number.isInteger(show) || show < 0) throw new Error('--show must be a whole number ≥ 0.');
  return {
    file,
    kind: values.kind,
    format: format as FileFormat,
    dryRun: values['dry-run'],
    verbose: values.verbose,
    show,
  };
}

function formatOf(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (['.json', '.ndjson', '.jsonl'].includes(ext)) return 'json';
  return undefined;
}

function progressBar(out: Writable): SingleBar {
  return new SingleBar(
    {
      stream: out,
      format: '{bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}',
      // Also when the output is a log file or a pipe: one line a second.
      noTTYOutput: true,
      notTTYSchedule: 1000,
      gracefulExit: false,
      hideCursor: false,
    },
    Presets.shades_classic,
  );
}

function describeRow(row: FileRowOutcome, dryRun: boolean): string {
  const id = row.externalId ? ` (${row.externalId})` : '';
  if (row.outcome !== 'REFUSED') {
    return `row ${row.row}${id}: ${dryRun ? 'would be ' : ''}${row.outcome.toLowerCase()}`;
  }
  const reasons = row.errors.map((e) => `${e.field ? `${e.field}: ` : ''}${e.message} [${e.code}]`);
  return `row ${row.row}${id}: ${dryRun ? 'would be ' : ''}refused — ${reasons.join('; ')}`;
}

function summarise(say: (line: string) => void, r: FileImportReport, seconds: number): void {
  const would = r.dryRun ? ' (dry run: nothing written)' : '';
  say(`Summary${would}`);
  say(`  rows        ${r.rows}`);
  say(
    `  accepted    ${r.accepted} (created ${r.created}, updated ${r.updated}, duplicates ${r.unchanged})`,
  );
  say(`  duplicates  ${r.unchanged} (already imported, unchanged)`);
  say(`  refused     ${r.refused}`);
  say(
    `  time        ${seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(seconds, 0.001))} rows/s)`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
