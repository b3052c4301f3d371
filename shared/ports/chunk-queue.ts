import type { BatchChunk } from '../domain/jobs/batch';

/** Where accepted batches wait, chunk by chunk, for the batch processor. */
export interface ChunkQueue {
  enqueue(chunks: readonly BatchChunk[]): Promise<void>;
}
