import type { Batch, ChunkResult } from '../jobs/batch';
import { batchView, isFinal } from '../jobs/batch-status';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';
import { outboundEventId } from './outbound-event-id';

/** What completed a batch: its own record (a batch whose every record was refused has no chunk), or a chunk's result. */
export type BatchWrite = { batch: Batch } | { jobId: string; batchId: string; result: ChunkResult };

/**
 * `batch.completed` when a write finished a batch: every record is accounted for, and its status
 * is COMPLETE, PARTIAL or FAILED. The batch and its chunks are read as they stand; of the chunk
 * results, the one that completed last sends it, so a batch finished by chunks applied at once is
 * announced once (and a relay that repeats the write repeats the same id). The per-record errors
 * stay out (up to 5,000 of them): GET /v1/jobs/{jobId}/batches/{batchId} lists them.
 */
export const batchCompletedOf = async (write: BatchWrite, context: OutboundContext): Promise<OutboundEvent[]> => {
  const [jobId, batchId] = 'batch' in write ? [write.batch.jobId, write.batch.batchId] : [write.jobId, write.batchId];
  if ('batch' in write && write.batch.chunkCount > 0) return [];
  const [job, stored] = await Promise.all([context.jobs.getJob(jobId), context.jobs.loadBatch(jobId, batchId)]);
  if (!job || !stored) return [];
  const { errors: _errors, ...view } = batchView(stored.batch, stored.results);
  if (!isFinal(view.status) || view.completedOn === undefined) return [];
  if ('result' in write && write.result.completedOn !== view.completedOn) return [];
  const type = 'batch.completed';
  return [
    {
      id: outboundEventId(context.accountId, type, jobId, batchId),
      type,
      occurredOn: view.completedOn,
      accountId: context.accountId,
      retailerId: job.retailerId,
      status: { to: view.status },
      data: { batch: view },
      toBus: true,
      toWebhooks: true,
    },
  ];
};
