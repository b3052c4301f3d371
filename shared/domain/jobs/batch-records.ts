import * as z from 'zod';
import { skuRefSchema } from '../inventory/position';
import { locationRefSchema } from '../locations/location';
import type { BatchChunk, BatchRecord, RecordError } from './batch';
import { fluentRecordFields, gatherNotes, readFluentFields, type FieldNote } from './fluent-batch-fields';

const recordSchema = z.strictObject({
  skuRef: skuRefSchema,
  locationRef: locationRefSchema,
  qty: z.number().int().min(0).max(1_000_000_000),
  safetyStock: z.number().int().min(0).max(1_000_000_000).optional(),
  ...fluentRecordFields,
});

/** An echo of a ref in an error report, bounded: an invalid ref may be of any size. */
const echo = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 64) : '');

const describeIssues = (issues: z.core.$ZodIssue[], record: Record<string, unknown>): string =>
  issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key} is not a known field`).join('; ');
      const field = issue.path.map(String).join('.');
      return record[field] === undefined ? `${field} is required` : `${field}: ${issue.message}`;
    })
    .join('; ');

/**
 * Validates each record on its own. Bad records are reported by index and the rest go on;
 * the second and later records for one position are refused, because which would win
 * would depend on the order chunks happen to run in. Fluent's record fields are read against
 * the job's retailer, and what became of each is noted by field.
 */
export const validateBatchRecords = (
  entities: readonly unknown[],
  job: { retailerId?: string } = {},
): { valid: BatchRecord[]; rejected: RecordError[]; fieldNotes: FieldNote[] } => {
  const valid: BatchRecord[] = [];
  const rejected: RecordError[] = [];
  const notes = gatherNotes();
  const firstIndex = new Map<string, number>();
  entities.forEach((entity, index) => {
    const raw = (entity !== null && typeof entity === 'object' ? entity : {}) as Record<string, unknown>;
    const parsed = recordSchema.safeParse(entity);
    if (!parsed.success) {
      const message = entity === null || typeof entity !== 'object' || Array.isArray(entity) ? 'a record must be an object' : describeIssues(parsed.error.issues, raw);
      rejected.push({ index, skuRef: echo(raw.skuRef), locationRef: echo(raw.locationRef), code: 'INVALID_RECORD', message });
      return;
    }
    const { skuRef, locationRef, safetyStock } = parsed.data;
    const fluent = readFluentFields(parsed.data, job);
    if ('problem' in fluent) {
      rejected.push({ index, skuRef, locationRef, code: 'INVALID_RECORD', message: fluent.problem });
      return;
    }
    const qty = fluent.onHand;
    const position = `${skuRef}|${locationRef}`;
    const earlier = firstIndex.get(position);
    if (earlier !== undefined) {
      rejected.push({ index, skuRef, locationRef, code: 'DUPLICATE_RECORD', message: `${skuRef} at ${locationRef} is already given at index ${earlier}` });
      return;
    }
    firstIndex.set(position, index);
    notes.add(index, fluent.notes);
    valid.push(safetyStock === undefined ? { index, skuRef, locationRef, qty } : { index, skuRef, locationRef, qty, safetyStock });
  });
  return { valid, rejected, fieldNotes: notes.notes() };
};

/** Records per chunk, and bytes per chunk message, well inside SQS's 256 KB. */
export const CHUNK_LIMITS = { records: 2500, bytes: 200_000 };

/**
 * Splits valid records into chunk messages of at most CHUNK_LIMITS. Few large chunks keep the
 * per-chunk bookkeeping (one result write each) small next to the record writes.
 */
export const chunkBatch = (
  batch: { accountId: string; jobId: string; batchId: string; retailerId?: string; ownedLocationsOf?: string },
  records: readonly BatchRecord[],
  limits = CHUNK_LIMITS,
): BatchChunk[] => {
  const chunks: BatchChunk[] = [];
  let current: BatchChunk | undefined;
  let bytes = 0;
  for (const record of records) {
    const tuple: BatchChunk['records'][number] = [record.index, record.skuRef, record.locationRef, record.qty, record.safetyStock ?? null];
    const size = JSON.stringify(tuple).length + 1;
    if (!current || current.records.length >= limits.records || bytes + size > limits.bytes) {
      current = { ...batch, chunk: chunks.length + 1, records: [] };
      chunks.push(current);
      bytes = 200;
    }
    current.records.push(tuple);
    bytes += size;
  }
  return chunks;
};
