import type { BatchMetrics } from '../../ports/operational-metrics';
import { applyChunk, type ChunkDeps } from './apply-chunk';
import { parseBatchChunk } from './batch';
import { notifyPositionWorkflow, type PositionWorkflowDeps } from './notify-position-workflow';

/** What a queued chunk is processed over, per account: the account comes from the chunk, which only Ordo enqueues. */
export interface ChunkProcessing {
  jobs: (accountId: string) => ChunkDeps;
  positionWorkflow: (accountId: string) => PositionWorkflowDeps;
  metrics: (accountId: string) => BatchMetrics;
}

/**
 * One queued chunk of an inventory batch: its counts applied, then the account's INVENTORY_POSITION
 * workflows told of the changes before the chunk's result is stored (see applyChunk and
 * notifyPositionWorkflow), so a redelivery after a crash tells them again rather than never.
 */
export const processChunk = async (body: string, parts: ChunkProcessing) => {
  const chunk = parseBatchChunk(body);
  let positionEvents = 0;
  const { result, redelivered } = await applyChunk(chunk, parts.jobs(chunk.accountId), {
    beforeResult: async (changes) => {
      positionEvents = await notifyPositionWorkflow(chunk, changes, parts.positionWorkflow(chunk.accountId));
    },
  });
  const { accountId, jobId, batchId } = chunk;
  // A redelivery of a chunk whose result is stored wrote nothing: its records were counted the first time.
  if (!redelivered) parts.metrics(accountId).chunkApplied(result);
  return { accountId, jobId, batchId, chunk: chunk.chunk, applied: result.applied, unchanged: result.unchanged, failed: result.failed, redelivered, positionEvents };
};
