import { gunzipSync, gzipSync } from 'node:zlib';
import type { Batch, BatchTally, ChunkResult, RecordError } from '../../domain/jobs/batch';
import type { FieldNote } from '../../domain/jobs/fluent-batch-fields';
import type { Job } from '../../domain/jobs/job';

/**
 * How jobs sit in an account's table. A job, its batches and their chunk results share the
 * partition `JOB#<jobId>`, so the job's status is one Query: the job at SK `JOB`, each batch at
 * `BATCH#<batchId>`, each finished chunk at `BATCH#<batchId>#CHUNK#<n>`.
 */
const JOB_PREFIX = 'JOB#';
export const jobPartition = (jobId: string) => `${JOB_PREFIX}${jobId}`;
export const JOB_SORT_KEY = 'JOB';
export const BATCH_PREFIX = 'BATCH#';
export const batchSortKey = (batchId: string) => `${BATCH_PREFIX}${batchId}`;
export const chunkSortKey = (batchId: string, chunk: number) => `${batchSortKey(batchId)}#CHUNK#${String(chunk).padStart(6, '0')}`;

export const isChunk = (sk: string) => sk.includes('#CHUNK#');

/**
 * Every job's own item is also in one GSI1 partition by creation time, for the listing newest
 * first (jobs written before this index key existed are not listed).
 */
export const JOBS_INDEX_PARTITION = 'JOBS';
export const jobIndexKeys = (job: Pick<Job, 'jobId' | 'createdOn'>) => ({ GSI1PK: JOBS_INDEX_PARTITION, GSI1SK: `${job.createdOn}#${job.jobId}` });

/** A chunk's stored result, the write that may complete its batch. */
export const isChunkResultItem = (pk: string, sk: string) => pk.startsWith(JOB_PREFIX) && sk.startsWith(BATCH_PREFIX) && isChunk(sk);

/** The job and batch a chunk result's keys name. */
export const batchOfChunkKeys = (pk: string, sk: string) => ({ jobId: pk.slice(JOB_PREFIX.length), batchId: sk.slice(BATCH_PREFIX.length, sk.indexOf('#CHUNK#')) });

/** A batch's own item, not its job's nor one of its chunk results. */
export const isBatchItem = (pk: string, sk: string) => pk.startsWith(JOB_PREFIX) && sk.startsWith(BATCH_PREFIX) && !isChunk(sk);

/**
 * Error lists are stored gzipped: 5,000 rejected records as JSON would pass DynamoDB's 400 KB
 * item limit, and their messages repeat, so they compress well.
 */
export const packErrors = (errors: readonly RecordError[]) => (errors.length ? { errors: gzipSync(JSON.stringify(errors)) } : {});
const unpackErrors = (value: unknown): RecordError[] =>
  value instanceof Uint8Array ? (JSON.parse(gunzipSync(value).toString('utf8')) as RecordError[]) : [];

/** Field notes list record indexes, up to one per record and field: gzipped like the errors. */
export const packFieldNotes = (notes: readonly FieldNote[] | undefined) => (notes?.length ? { fieldNotes: gzipSync(JSON.stringify(notes)) } : {});
const unpackFieldNotes = (value: unknown): { fieldNotes?: FieldNote[] } =>
  value instanceof Uint8Array ? { fieldNotes: JSON.parse(gunzipSync(value).toString('utf8')) as FieldNote[] } : {};

export const jobFromItem = (item: Record<string, unknown>): Job => ({
  jobId: item.jobId as string,
  name: item.name as string,
  retailerId: item.retailerId as string,
  createdOn: item.createdOn as string,
  closesOn: item.closesOn as string,
});

export const batchFromItem = (item: Record<string, unknown>): Batch => ({
  jobId: item.jobId as string,
  batchId: item.batchId as string,
  entityType: item.entityType as Batch['entityType'],
  action: item.action as Batch['action'],
  total: item.total as number,
  chunkCount: item.chunkCount as number,
  rejected: unpackErrors(item.errors),
  ...unpackFieldNotes(item.fieldNotes),
  createdOn: item.createdOn as string,
});

/** A batch's item as the job listing reads it, without its error list: `rejectedCount` stands for it. */
export const batchTallyFromItem = (item: Record<string, unknown>): BatchTally['batch'] => ({
  jobId: item.jobId as string,
  batchId: item.batchId as string,
  entityType: item.entityType as Batch['entityType'],
  action: item.action as Batch['action'],
  total: item.total as number,
  chunkCount: item.chunkCount as number,
  rejectedCount: (item.rejectedCount as number | undefined) ?? 0,
  createdOn: item.createdOn as string,
});

export const resultCountsFromItem = (item: Record<string, unknown>): BatchTally['results'][number] => ({
  chunk: item.chunk as number,
  applied: item.applied as number,
  unchanged: item.unchanged as number,
  failed: item.failed as number,
  completedOn: item.completedOn as string,
});

/** What the job listing reads of a job's partition: everything but the (gzipped) error lists. */
export const TALLY_ATTRIBUTES = [
  'SK', 'jobId', 'batchId', 'entityType', 'action', 'total', 'chunkCount', 'rejectedCount', 'createdOn',
  'chunk', 'applied', 'unchanged', 'failed', 'completedOn',
] as const;

export const resultFromItem = (item: Record<string, unknown>): ChunkResult => ({
  chunk: item.chunk as number,
  applied: item.applied as number,
  unchanged: item.unchanged as number,
  failed: item.failed as number,
  errors: unpackErrors(item.errors),
  completedOn: item.completedOn as string,
});
