import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type FileFormat = 'csv' | 'json';

/** One record of a file: `row` counts records from 1 (a CSV header is not one). */
export type FileRecord =
  { row: number; record: Record<string, unknown> } | { row: number; problem: string };

/** The file as a whole cannot be read (nothing after `row` was considered). */
export class FileFormatError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = 'FileFormatError';
  }
}

/** Reads records one at a time: memory holds one record (and csv-parse's buffer), never the file. */
export function readRecords(source: Readable, format: FileFormat): AsyncGenerator<FileRecord> {
  return format === 'csv' ? readCsv(source) : readJson(source);
}

async function* readCsv(source: Readable): AsyncGenerator<FileRecord> {
  const parser = source.pipe(
    parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_quotes: false }),
  );
  source.on('error', (error) => parser.destroy(error));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row += 1;
      yield { row, record };
    }
  } catch (error) {
    // csv-parse stops at the first malformed line (an unclosed quote, a wrong column count).
    // Its message names the file's line; `row` may lag behind it (records are parsed ahead).
    throw new FileFormatError(
      `The CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      row,
    );
  }
}

/**
 * A JSON array of objects (`[{…},{…}]`) or NDJSON (one object per line), told apart by the
 * first character. The array is split into its elements by scanning for the end of each
 * top-level value, so only one element is parsed and held at a time.
 */
async function* readJson(source: Readable): AsyncGenerator<FileRecord> {
  const decoder = new StringDecoder('utf8');
  let mode: 'unknown' | 'array' | 'lines' | 'done' = 'unknown';
  let row = 0;
  let pending = ''; // text of the element or line being read
  let depth = 0;
  let inString = false;
  let escaped = false;

  const toRecord = (textValue: string): FileRecord => {
    row += 1;
    try {
      const value: unknown = JSON.parse(textValue);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return { row, record: value as Record<string, unknown> };
      }
      return { row, problem: 'The record is not a JSON object.' };
    } catch (error) {
      return {
        row,
        problem: `The record is not valid JSON: ${error instanceof Error ? error.message : ''}`,
      };
    }
  };

  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    let textChunk = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (mode === 'unknown') {
      textChunk = textChunk.replace(/^\uFEFF?\s*/, '');
      if (textChunk === '') continue;
      mode = textChunk.startsWith('[') ? 'array' : 'lines';
      if (mode === 'array') textChunk = textChunk.slice(1);
    }
    if (mode === 'lines') {
      pending += textChunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') yield toRecord(line);
      continue;
    }
    for (const ch of textChunk) {
      if (mode === 'done') {
        if (!/\s/.test(ch)) throw new FileFormatError('Text after the closing "]".', row);
        continue;
      }
      if (inString) {
        pending += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (depth === 0 && (ch === ',' || ch === ']')) {
        if (pending.trim() !== '') yield toRecord(pending);
        else if (ch === ',') throw new FileFormatError(`An empty element after row ${row}.`, row);
        pending = '';
        if (ch === ']') mode = 'done';
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth += 1;
      else if (ch === '}' || ch === ']') depth -= 1;
      pending += ch;
    }
  }
  if (mode === 'lines' && pending.trim() !== '') yield toRecord(pending);
  if (mode === 'array') {
    throw new FileFormatError(`The JSON array is not closed with "]" (after row ${row}).`, row);
  }
}
