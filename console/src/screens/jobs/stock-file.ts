import { parseInventoryLines, type InventoryFileRecord } from '../../../../shared/domain/jobs/inventory-file';

/** The most records POST /v1/jobs/{jobId}/batches takes at once. */
export const BATCH_LIMIT = 5000;

export interface StockFileLine {
  /** 1-based, in the file as chosen. */
  line: number;
  record: InventoryFileRecord;
}

export interface StockFile {
  records: StockFileLine[];
  /** Lines whose structure cannot be read (cell count, quotes, JSON), with the reason. */
  malformed: { line: number; message: string }[];
}

/**
 * Reads a stock file the way `ordo import` and the scheduled import read it (the same parser):
 * `skuRef,locationRef,qty[,safetyStock]`, an optional header, quoted cells. Values are not judged
 * here: the batch API checks each record and reports a bad one by its index.
 */
export const readStockFile = async (text: string, fileName: string): Promise<StockFile> => {
  const file: StockFile = { records: [], malformed: [] };
  for await (const entry of parseInventoryLines(text.split('\n'), { fileName })) {
    if (entry.record) file.records.push({ line: entry.line, record: entry.record });
    // The parser's message starts with its line number, which the preview shows in a column of its own.
    else file.malformed.push({ line: entry.line, message: entry.error.message.replace(/^line \d+: /, '') });
  }
  return file;
};

/** Consecutive slices of at most `limit`, so a large file goes as several batches of one job. */
export const batchesOf = <T>(records: readonly T[], limit = BATCH_LIMIT): T[][] =>
  Array.from({ length: Math.ceil(records.length / limit) }, (_, index) => records.slice(index * limit, (index + 1) * limit));
