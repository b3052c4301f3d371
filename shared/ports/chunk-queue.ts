import type { BatchChunk } from '../domain/jobs/batch';

/** Where accepted batches wait, chunk by chunk, for the batch processor. */
export interface ChunkQueue {
  /**
   * Sends every chunk it can and answers the ones it could not, so the batch can say which
   * records were never queued instead of waiting for them forever.
   */
  enqueue(chunks: readonly BatchChunk[]): Promise<readonly BatchChunk[]>;
}
