import * as z from 'zod';
import { accountIdSchema } from '../accounts/account';
import type { FieldNote } from './fluent-batch-fields';

/** The most records one batch may hold (as in Fluent's Batch API). */
export const MAX_BATCH_RECORDS = 5000;

/** The envelope of POST /v1/jobs/{jobId}/batches; each entity is validated on its own afterwards. */
export const batchInputSchema = z.strictObject({
  entityType: z.literal('INVENTORY'),
  action: z.literal('UPSERT'),
  entities: z.array(z.unknown()).min(1, 'must hold at least one record'),
});

export type BatchInput = z.infer<typeof batchInputSchema>;

/** A record that passed validation, with its index in the batch as posted. */
export interface BatchRecord {
  index: number;
  skuRef: string;
  locationRef: string;
  qty: number;
  safetyStock?: number;
}

/** Why one record was not applied. */
export interface RecordError {
  index: number;
  skuRef: string;
  locationRef: string;
  code: 'INVALID_RECORD' | 'DUPLICATE_RECORD' | 'UNKNOWN_LOCATION' | 'LOCATION_NOT_OWNED' | 'NOT_QUEUED';
  message: string;
}

/** What is stored when a batch is accepted; the chunks' results are stored as they finish. */
export interface Batch {
  jobId: string;
  batchId: string;
  entityType: 'INVENTORY';
  action: 'UPSERT';
  total: number;
  chunkCount: number;
  /** Records refused before processing, by index. */
  rejected: RecordError[];
  /** What became of the Fluent fields the records carried; absent on batches stored before. */
  fieldNotes?: FieldNote[];
  createdOn: string;
}

/** The outcome of one chunk, written once when the chunk has been applied. */
export interface ChunkResult {
  chunk: number;
  applied: number;
  unchanged: number;
  failed: number;
  errors: RecordError[];
  completedOn: string;
}

/**
 * A batch and its chunks' results without their error lists: enough to count the batch's
 * records and tell its status, as a listing of jobs does for many batches at once.
 */
export interface BatchTally {
  batch: Omit<Batch, 'rejected'> & { rejectedCount: number };
  results: Omit<ChunkResult, 'errors'>[];
}

/** A chunk as it travels on the queue. Records are tuples to keep messages small. */
export interface BatchChunk {
  accountId: string;
  jobId: string;
  batchId: string;
  /**
   * The job's retailer, whose INVENTORY_POSITION workflow (if any) hears of changed counts.
   * Absent in messages queued before it was added: they notify no workflow.
   */
  retailerId?: string;
  /**
   * Set when the batch was sent with a key scoped to this retailer: its records may only write
   * the stock of locations that retailer owns.
   */
  ownedLocationsOf?: string;
  chunk: number;
  records: [index: number, skuRef: string, locationRef: string, qty: number, safetyStock: number | null][];
}

export const chunkId = (chunk: Pick<BatchChunk, 'batchId' | 'chunk'>): string => `${chunk.batchId}#${chunk.chunk}`;

export const recordsOf = (chunk: BatchChunk): BatchRecord[] =>
  chunk.records.map(([index, skuRef, locationRef, qty, safetyStock]) =>
    safetyStock === null ? { index, skuRef, locationRef, qty } : { index, skuRef, locationRef, qty, safetyStock },
  );

const chunkSchema = z.object({
  accountId: accountIdSchema,
  jobId: z.string().min(1),
  batchId: z.string().min(1),
  retailerId: z.string().min(1).optional(),
  ownedLocationsOf: z.string().min(1).optional(),
  chunk: z.number().int().positive(),
  records: z.array(z.tuple([z.number().int().min(0), z.string(), z.string(), z.number().int().min(0), z.number().int().min(0).nullable()])),
});

/** A chunk message as the batch processor receives it; anything else is a bug upstream. */
export const parseBatchChunk = (body: string): BatchChunk => chunkSchema.parse(JSON.parse(body));
