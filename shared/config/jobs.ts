import { randomUUID } from 'node:crypto';
import { DynamoInventoryCountStore } from '../adapters/dynamodb/dynamo-inventory-count-store';
import { DynamoJobStore } from '../adapters/dynamodb/dynamo-job-store';
import { SqsChunkQueue } from '../adapters/sqs/sqs-chunk-queue';
import { accountTableName } from '../domain/accounts/account';
import type { ChunkDeps } from '../domain/jobs/apply-chunk';
import type { JobDeps } from '../domain/jobs/manage-jobs';
import type { ChunkQueue } from '../ports/chunk-queue';
import { logger } from '../runtime/logger';
import { catalogFor } from './catalog';
import { dependencies, documentClient, sqsClient } from './dependencies';

export type AccountJobs = JobDeps & ChunkDeps & { queue: ChunkQueue };

const accounts = new Map<string, AccountJobs>();
let queue: SqsChunkQueue | undefined;

/**
 * Jobs, batches and bulk counts of one account, bound to that account's table. Callers pass
 * the accountId of an authenticated principal or of a chunk that only Ordo itself enqueues.
 */
export const jobsFor = (accountId: string): AccountJobs => {
  let account = accounts.get(accountId);
  if (!account) {
    const { settings, clock } = dependencies();
    const tableName = accountTableName(settings.stage, accountId);
    const documents = documentClient();
    queue ??= new SqsChunkQueue(sqsClient(), settings.inventoryQueueName, (chunk, error) =>
      logger.error('chunk not queued', {
        jobId: chunk.jobId,
        batchId: chunk.batchId,
        chunk: chunk.chunk,
        records: chunk.records.length,
        errorName: (error as Error | undefined)?.name,
        errorMessage: (error as Error | undefined)?.message,
      }),
    );
    account = {
      jobs: new DynamoJobStore(documents, tableName),
      counts: new DynamoInventoryCountStore(documents, tableName),
      locations: catalogFor(accountId).locations,
      queue,
      clock,
      ids: randomUUID,
    };
    accounts.set(accountId, account);
  }
  return account;
};
