/**
 * Streaming reader for stock files: CSV (`skuRef,locationRef,qty[,safetyStock]`) or JSON Lines
 * (`{"skuRef", "locationRef", "qty", "safetyStock"?}` per line). Shared by the `ordo import` CLI and
 * the scheduled S3 import, so it depends on no AWS SDK and no Node module: it takes text (or byte)
 * chunks from any source and holds one line at a time.
 *
 * It checks structure only (cell count, JSON syntax, JSON objects). Values go out as found, with
 * CSV integer cells turned into numbers, so that the Job API's schema reports a bad value by field.
 */

export type InventoryFileFormat = 'csv' | 'jsonl';

/**
 * The retailer of the jobs that scheduled imports create, and of `ordo import` when none is given.
 * Stock counts belong to the account, not to a retailer, so on an inventory job the retailer is a
 * label only; this one says the job came from a file.
 */
export const FILE_IMPORT_RETAILER_ID = 'file-import';

/** One stock line as found in the file; the values are not validated here. */
export interface InventoryFileRecord {
  skuRef: unknown;
  locationRef: unknown;
  qty: unknown;
  safetyStock?: unknown;
}

export interface MalformedLine {
  code: 'MALFORMED_LINE';
  message: string;
}

/** A line with data: a record, or the reason it could not be read. `line` is 1-based in the file. */
export type InventoryFileEntry =
  | { line: number; record: InventoryFileRecord; error?: undefined }
  | { line: number; record?: undefined; error: MalformedLine };

export interface InventoryFileOptions {
  /** Chooses the format by extension (.csv, .jsonl, .ndjson); otherwise the first non-blank character decides. */
  fileName?: string;
  /** Overrides the file name and the content. */
  format?: InventoryFileFormat;
  /** Longer lines are reported as malformed and never held whole (default 64 KiB). */
  maxLineLength?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

const CSV_COLUMNS = 'skuRef,locationRef,qty[,safetyStock]';
const TOO_LONG = Symbol('line too long');

export const inventoryFileFormatOf = (fileName: string): InventoryFileFormat | undefined => {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  return undefined;
};

/** Parses a file arriving as text or UTF-8 byte chunks of any size; chunks may split lines and characters. */
export async function* parseInventoryFile(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: InventoryFileOptions = {},
): AsyncGenerator<InventoryFileEntry> {
  const parseLine = lineParser(options);
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  let line = 0;
  for await (const text of splitLines(chunks, maxLineLength)) {
    line += 1;
    const entry =
      text === TOO_LONG ? malformed(line, `longer than ${maxLineLength} characters`) : parseLine(text, line);
    if (entry) yield entry;
  }
}

/** Parses a file that already arrives line by line (without line terminators); a trailing `\r` is ignored. */
export async function* parseInventoryLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: Omit<InventoryFileOptions, 'maxLineLength'> = {},
): AsyncGenerator<InventoryFileEntry> {
  const parseLine = lineParser(options);
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const entry = parseLine(text.endsWith('\r') ? text.slice(0, -1) : text, line);
    if (entry) yield entry;
  }
}

async function* splitLines(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  maxLineLength: number,
): AsyncGenerator<string | typeof TOO_LONG> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let skipping = false; // inside a line already reported as too long
  const complete = (text: string): string | typeof TOO_LONG => {
    if (skipping || text.length > maxLineLength) return TOO_LONG;
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const line = complete(pending + text.slice(start, end));
      pending = '';
      skipping = false;
      start = end + 1;
      yield line;
    }
    if (!skipping) pending += text.slice(start);
    if (pending.length > maxLineLength) {
      pending = '';
      skipping = true;
    }
  }
  pending += decoder.decode();
  if (skipping || pending !== '') yield complete(pending);
}

const lineParser = (options: InventoryFileOptions) => {
  let format = options.format ?? (options.fileName ? inventoryFileFormatOf(options.fileName) : undefined);
  let first = true;
  return (raw: string, line: number): InventoryFileEntry | undefined => {
    const text = line === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (text.trim() === '') return undefined;
    const isFirst = first;
    first = false;
    format ??= text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
    return format === 'jsonl' ? parseJsonLine(text, line) : parseCsvLine(text, line, isFirst);
  };
};

const malformed = (line: number, reason: string): InventoryFileEntry => ({
  line,
  error: { code: 'MALFORMED_LINE', message: `line ${line}: ${reason}` },
});

const parseCsvLine = (text: string, line: number, isFirst: boolean): InventoryFileEntry | undefined => {
  const cells = splitCsvCells(text);
  if (typeof cells === 'string') return malformed(line, cells);
  if (isFirst && cells[0].toLowerCase() === 'skuref') return undefined; // the header
  if (cells.length === 4 && cells[3] === '') cells.pop(); // an empty safetyStock cell is no safetyStock
  if (cells.length !== 3 && cells.length !== 4) {
    return malformed(line, `expected 3 or 4 comma-separated cells (${CSV_COLUMNS}), found ${cells.length}`);
  }
  const [skuRef, locationRef, qty, safetyStock] = cells;
  const record: InventoryFileRecord = { skuRef, locationRef, qty: integerOrText(qty) };
  if (safetyStock !== undefined) record.safetyStock = integerOrText(safetyStock);
  return { line, record };
};

const integerOrText = (cell: string): number | string => {
  if (!/^-?\d+$/.test(cell)) return cell;
  const value = Number(cell);
  return Number.isSafeInteger(value) ? value : cell;
};

/** Cells trimmed; a cell may be wrapped in double quotes, with `""` for a quote inside. Returns a reason when it cannot split. */
const splitCsvCells = (text: string): string[] | string => {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i += 1;
    if (text[i] === '"') {
      let value = '';
      let close = text.indexOf('"', i + 1);
      for (; close !== -1 && text[close + 1] === '"'; close = text.indexOf('"', close + 2)) {
        value += text.slice(i + 1, close + 1);
        i = close + 1;
      }
      if (close === -1) return `cell ${cells.length + 1} opens a double quote that is never closed`;
      value += text.slice(i + 1, close);
      i = close + 1;
      while (text[i] === ' ' || text[i] === '\t') i += 1;
      if (i < text.length && text[i] !== ',') return `unexpected text after the quoted cell ${cells.length + 1}`;
      cells.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      cells.push(text.slice(i, end).trim());
      i = end;
    }
    if (i >= text.length) return cells;
    i += 1; // the comma
  }
};

const parseJsonLine = (text: string, line: number): InventoryFileEntry => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return malformed(line, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return malformed(line, `expected a JSON object {"skuRef", "locationRef", "qty"[, "safetyStock"]}, found ${found}`);
  }
  const { skuRef, locationRef, qty, safetyStock } = value as Record<string, unknown>;
  const record: InventoryFileRecord = { skuRef, locationRef, qty };
  if (safetyStock !== undefined) record.safetyStock = safetyStock;
  return { line, record };
};
