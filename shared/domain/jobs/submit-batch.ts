import type { ChunkQueue } from '../../ports/chunk-queue';
import { ConflictError, NotFoundError, PayloadTooLargeError } from '../errors';
import { MAX_BATCH_RECORDS, type Batch, type BatchInput } from './batch';
import { chunkBatch, validateBatchRecords } from './batch-records';
import { batchView } from './batch-status';
import { isOpen } from './job';
import type { JobDeps } from './jobs';

/**
 * Accepts a batch into an open job: validates every record, stores the batch (one write) and
 * queues its valid records in chunks. A batch with no valid record is final at once.
 */
export const submitBatch = async (
  jobId: string,
  input: BatchInput,
  accountId: string,
  deps: JobDeps & { queue: ChunkQueue },
) => {
  if (input.entities.length > MAX_BATCH_RECORDS) {
    throw new PayloadTooLargeError(
      `A batch holds at most ${MAX_BATCH_RECORDS.toLocaleString('en')} records; this one has ${input.entities.length.toLocaleString('en')}. Send the rest as further batches of the same job.`,
    );
  }
  const job = await deps.jobs.getJob(jobId);
  if (!job) throw new NotFoundError(`No job ${jobId} in this account`);
  const now = deps.clock.now();
  if (!isOpen(job, now)) throw new ConflictError(`Job ${jobId} closed at ${job.closesOn}; create a new job for more batches`, 'jobId');

  const { valid, rejected } = validateBatchRecords(input.entities);
  const batchId = deps.ids();
  const chunks = chunkBatch({ accountId, jobId, batchId, retailerId: job.retailerId }, valid);
  const batch: Batch = {
    jobId,
    batchId,
    entityType: input.entityType,
    action: input.action,
    total: input.entities.length,
    chunkCount: chunks.length,
    rejected,
    createdOn: now.toISOString(),
  };
  // Stored before queueing: a chunk that runs at once finds its batch.
  await deps.jobs.createBatch(batch);
  await deps.queue.enqueue(chunks);
  const view = batchView(batch, []);
  return { batchId, jobId, status: view.status, total: view.total, rejected: rejected.length };
};
