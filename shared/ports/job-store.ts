import type { Batch, ChunkResult } from '../domain/jobs/batch';
import type { Job } from '../domain/jobs/job';

/** Jobs, their batches and the results of the batches' chunks, in one account. */
export interface JobStore {
  createJob(job: Job): Promise<void>;
  getJob(jobId: string): Promise<Job | undefined>;
  /** The job with every batch and chunk result, in one read. */
  loadJob(jobId: string): Promise<{ job: Job; batches: { batch: Batch; results: ChunkResult[] }[] } | undefined>;
  loadBatch(jobId: string, batchId: string): Promise<{ batch: Batch; results: ChunkResult[] } | undefined>;
  createBatch(batch: Batch): Promise<void>;
  getChunkResult(jobId: string, batchId: string, chunk: number): Promise<ChunkResult | undefined>;
  /**
   * Stores a chunk's result unless one is stored already: the first stands, so a chunk the
   * processor finished is never reported NOT_QUEUED, nor the other way round. Answers whether
   * this result was stored.
   */
  putChunkResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean>;
}
