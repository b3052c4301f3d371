import { randomUUID } from 'node:crypto';
import { systemClock } from '../adapters/clock/system-clock';
import { DynamoInventoryCountStore } from '../adapters/dynamodb/dynamo-inventory-count-store';
import { DynamoJobStore } from '../adapters/dynamodb/dynamo-job-store';
import type { ChunkDeps } from '../domain/jobs/apply-chunk';
import type { JobDeps } from '../domain/jobs/manage-jobs';
import type { ChunkQueue } from '../ports/chunk-queue';
import { accountContext, type AccountContext } from './account-context';
import { catalogPart } from './catalog';
import { documentClient } from './dynamodb-clients';
import { registeredRetailersOf } from './retailer-checks';
import { chunkQueue } from './sqs-queues';

export type AccountJobs = JobDeps & ChunkDeps & { queue: ChunkQueue };

const build = (account: AccountContext): AccountJobs => ({
  jobs: new DynamoJobStore(documentClient(), account.tableName),
  counts: new DynamoInventoryCountStore(documentClient(), account.tableName),
  locations: catalogPart(account).locations,
  queue: chunkQueue(),
  clock: systemClock,
  ids: randomUUID,
  retailers: registeredRetailersOf(account),
});

/**
 * Jobs, batches and bulk counts of one account. Callers pass the accountId of an authenticated
 * principal or of a chunk that only Ordo itself enqueues.
 */
export const jobsOf = (accountId: string): AccountJobs => accountContext(accountId).part(build);
