import type { Batch, BatchTally, ChunkResult, RecordError } from './batch';
import { isOpen, type Job } from './job';

export type BatchStatus = 'PENDING' | 'RUNNING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';

interface Counts {
  total: number;
  applied: number;
  unchanged: number;
  failed: number;
}

/** Final once every record is accounted for: COMPLETE with no failure, FAILED with nothing applied, else PARTIAL. */
const statusOf = (counts: Counts, finished: boolean, started: boolean): BatchStatus => {
  if (!finished) return started ? 'RUNNING' : 'PENDING';
  if (counts.failed === 0) return 'COMPLETE';
  return counts.applied + counts.unchanged === 0 ? 'FAILED' : 'PARTIAL';
};

type ChunkCounts = Omit<ChunkResult, 'errors'>;

/** A batch's counts and status from its chunks' results, whatever else it holds. */
const progressOf = (batch: Pick<Batch, 'total' | 'chunkCount' | 'createdOn'>, rejectedCount: number, results: readonly ChunkCounts[]) => {
  const applied = results.reduce((sum, result) => sum + result.applied, 0);
  const unchanged = results.reduce((sum, result) => sum + result.unchanged, 0);
  const failed = rejectedCount + results.reduce((sum, result) => sum + result.failed, 0);
  const counts = { total: batch.total, applied, unchanged, failed };
  const finished = results.length >= batch.chunkCount;
  return {
    status: statusOf(counts, finished, results.length > 0),
    ...counts,
    ...(finished ? { completedOn: results.reduce((last, result) => (result.completedOn > last ? result.completedOn : last), batch.createdOn) } : {}),
  };
};

/**
 * A batch's status, counted from its chunks' results: nothing is updated in place, so
 * chunks finishing at once never contend for one item.
 */
export const batchView = (batch: Batch, results: readonly ChunkResult[]) => {
  const { completedOn, ...progress } = progressOf(batch, batch.rejected.length, results);
  const errors: RecordError[] = [...batch.rejected, ...results.flatMap((result) => result.errors)].sort((a, b) => a.index - b.index);
  return {
    batchId: batch.batchId,
    jobId: batch.jobId,
    entityType: batch.entityType,
    action: batch.action,
    ...progress,
    errors,
    ...(batch.fieldNotes?.length ? { fieldNotes: batch.fieldNotes } : {}),
    createdOn: batch.createdOn,
    ...(completedOn ? { completedOn } : {}),
  };
};

export type BatchView = ReturnType<typeof batchView>;

/** A batch's counts and status without its errors. */
export const batchProgress = ({ batch, results }: BatchTally) => progressOf(batch, batch.rejectedCount, results);

type BatchProgress = Pick<BatchView, 'status' | 'total' | 'applied' | 'unchanged' | 'failed'>;

const FINAL: readonly BatchStatus[] = ['COMPLETE', 'PARTIAL', 'FAILED'];

/** A batch or job that will change no more. */
export const isFinal = (status: BatchStatus): boolean => FINAL.includes(status);

/** A job's status and counts over its batches; a job without batches is PENDING. */
const jobProgress = (job: Job, batches: readonly BatchProgress[], now: Date) => {
  const counts = {
    total: batches.reduce((sum, batch) => sum + batch.total, 0),
    applied: batches.reduce((sum, batch) => sum + batch.applied, 0),
    unchanged: batches.reduce((sum, batch) => sum + batch.unchanged, 0),
    failed: batches.reduce((sum, batch) => sum + batch.failed, 0),
  };
  const finished = batches.length > 0 && batches.every((batch) => isFinal(batch.status));
  const started = batches.some((batch) => batch.status !== 'PENDING');
  return {
    jobId: job.jobId,
    name: job.name,
    retailerId: job.retailerId,
    status: statusOf(counts, finished, started),
    open: isOpen(job, now),
    createdOn: job.createdOn,
    closesOn: job.closesOn,
    ...counts,
  };
};

/** The job with its batches and every record error. */
export const jobView = (job: Job, batches: readonly BatchView[], now: Date) => ({
  ...jobProgress(job, batches, now),
  errors: batches.flatMap((batch) => batch.errors.map((error) => ({ batchId: batch.batchId, ...error }))),
  batches: batches.map(({ errors: _errors, jobId: _jobId, fieldNotes: _fieldNotes, ...summary }) => summary),
});

/** The job as a listing shows it: its counts over its batches and how many there are. */
export const jobSummary = (job: Job, batches: readonly BatchProgress[], now: Date) => ({
  ...jobProgress(job, batches, now),
  batchCount: batches.length,
});
