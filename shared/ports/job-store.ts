import type { Batch, BatchTally, ChunkResult } from '../domain/jobs/batch';
import type { Job } from '../domain/jobs/job';

/** Jobs, their batches and the results of the batches' chunks, in one account. */
export interface JobStore {
  createJob(job: Job): Promise<void>;
  getJob(jobId: string): Promise<Job | undefined>;
  /** The job with every batch and chunk result, in one read. */
  loadJob(jobId: string): Promise<{ job: Job; batches: { batch: Batch; results: ChunkResult[] }[] } | undefined>;
  /** One page of the jobs (of one retailer when given), newest first, each with its batches' counts but no error lists. */
  listJobs(query: { retailerId?: string; limit: number; cursor?: string }): Promise<{ items: { job: Job; batches: BatchTally[] }[]; cursor?: string }>;
  loadBatch(jobId: string, batchId: string): Promise<{ batch: Batch; results: ChunkResult[] } | undefined>;
  createBatch(batch: Batch): Promise<void>;
  getChunkResult(jobId: string, batchId: string, chunk: number): Promise<ChunkResult | undefined>;
  /**
   * Stores the result of a chunk the processor applied, unless an applied result is stored
   * already (a concurrent delivery of the same chunk). It replaces a NOT_QUEUED result: the
   * send reported failed had landed, and its records were applied. Answers whether it stored.
   */
  putChunkResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean>;
  /**
   * Stores a NOT_QUEUED result for a chunk the queue refused, only if the chunk has no result:
   * it never hides records the processor applied. Answers whether it stored.
   */
  putNotQueuedResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean>;
}
