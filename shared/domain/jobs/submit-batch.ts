import type { ChunkQueue } from '../../ports/chunk-queue';
import type { AccountPrincipal } from '../accounts/principal';
import { ConflictError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError } from '../domain-errors';
import { MAX_BATCH_RECORDS, recordsOf, type Batch, type BatchChunk, type BatchInput, type ChunkResult } from './batch';
import { chunkBatch, validateBatchRecords } from './batch-records';
import { batchView } from './batch-status';
import { isOpen } from './job';
import { visibleTo } from '../orchestration/retailer-scope';
import type { JobDeps } from './manage-jobs';
import { jobIdFrom } from './job-ids';

/**
 * Accepts a batch into an open job: validates every record, stores the batch (one write) and
 * queues its valid records in chunks. A batch with no valid record is final at once; so is
 * one the queue took none of, which answers 503. A key scoped to a retailer sends batches to
 * that retailer's jobs only, and its records write only the locations that retailer owns.
 */
export const submitBatch = async (
  { jobId, batch: input }: { jobId: string; batch: BatchInput },
  sender: Pick<AccountPrincipal, 'accountId' | 'retailerId'>,
  deps: JobDeps & { queue: ChunkQueue },
) => {
  if (input.entities.length > MAX_BATCH_RECORDS) {
    throw new PayloadTooLargeError(
      `A batch holds at most ${MAX_BATCH_RECORDS.toLocaleString('en')} records; this one has ${input.entities.length.toLocaleString('en')}. Send the rest as further batches of the same job.`,
    );
  }
  const job = await deps.jobs.getJob(jobIdFrom(jobId, 'jobId'));
  if (!job || !visibleTo(job.retailerId, sender)) throw new NotFoundError(`No job ${jobId} in this account`);
  const now = deps.clock.now();
  if (!isOpen(job, now)) throw new ConflictError(`Job ${jobId} closed at ${job.closesOn}; create a new job for more batches`, 'jobId');

  const { valid, rejected, fieldNotes } = validateBatchRecords(input.entities, job);
  const batchId = deps.ids();
  const chunks = chunkBatch(
    { accountId: sender.accountId, jobId, batchId, retailerId: job.retailerId, ...(sender.retailerId ? { ownedLocationsOf: sender.retailerId } : {}) },
    valid,
  );
  const batch: Batch = {
    jobId,
    batchId,
    entityType: input.entityType,
    action: input.action,
    total: input.entities.length,
    chunkCount: chunks.length,
    rejected,
    ...(fieldNotes.length ? { fieldNotes } : {}),
    createdOn: now.toISOString(),
  };
  // Stored before queueing: a chunk that runs at once finds its batch.
  await deps.jobs.createBatch(batch);
  const unsent = await deps.queue.enqueue(chunks);
  // A chunk the queue refused would leave the batch PENDING for ever; its records are
  // reported instead. Should the send have landed after all, the processor either finds this
  // result first and changes nothing, as for any redelivery, or has applied the records and
  // its result replaces this one.
  const notQueued: ChunkResult[] = [];
  for (const chunk of unsent) {
    const result = notQueuedResult(chunk, now);
    if (await deps.jobs.putNotQueuedResult(jobId, batchId, result)) notQueued.push(result);
  }
  if (chunks.length > 0 && notQueued.length === chunks.length) {
    throw new ServiceUnavailableError(
      `The inventory queue is unavailable: no record of batch ${batchId} was queued, and the batch is recorded as FAILED. ` +
        'Send the records again in a new batch.',
    );
  }
  const view = batchView(batch, notQueued);
  const notQueuedRecords = notQueued.reduce((sum, result) => sum + result.failed, 0);
  return {
    batchId,
    jobId,
    status: view.status,
    total: view.total,
    rejected: rejected.length,
    notQueued: notQueuedRecords,
    ...(fieldNotes.length ? { fieldNotes } : {}),
  };
};

const notQueuedResult = (chunk: BatchChunk, now: Date): ChunkResult => {
  const records = recordsOf(chunk);
  return {
    chunk: chunk.chunk,
    applied: 0,
    unchanged: 0,
    failed: records.length,
    errors: records.map(({ index, skuRef, locationRef }) => ({
      index,
      skuRef,
      locationRef,
      code: 'NOT_QUEUED',
      message: 'The inventory queue refused this record; nothing was applied. Send it again in a new batch.',
    })),
    completedOn: now.toISOString(),
  };
};
