import type { Entity, EventRecord, OutboxRecord, StatusChange } from '../../engine/engine-model';
import type { Batch, ChunkResult } from '../jobs/batch';

/** Of the event that wrote an outbox record, named by its retailer and id. */
export type OutboxOwner = { retailerId: string; eventId: string };

/**
 * One committed write to an account's table that matters outside Ordo, as the table's change
 * stream reports it. `changeId` is the same each time the stream hands the same write on, so
 * whatever is made from it (a webhook message id) is the same on every redelivery.
 */
export type AccountChange = {
  changeId: string;
  at: string;
  /** The chain of the request whose commit made the change, when the commit knew it. */
  correlationId?: string;
} & (
  | { kind: 'OUTBOX'; owner: OutboxOwner; record: OutboxRecord }
  | { kind: 'ENTITY'; before?: Entity; after: Entity; statusChanges?: StatusChange[] }
  | { kind: 'EVENT'; before?: EventRecord; after: EventRecord }
  | { kind: 'BATCH'; before?: Batch; after: Batch }
  /**
   * The stored result of one chunk of a batch (SK `BATCH#<batchId>#CHUNK#<n>` in `JOB#<jobId>`):
   * a batch item is written once, so the write that completes a batch is its last chunk's result.
   */
  | { kind: 'BATCH_CHUNK'; jobId: string; batchId: string; result: ChunkResult }
);
