import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Batch, ChunkResult } from '../../domain/jobs/batch';
import { JOB_OPEN_HOURS, JOB_RETENTION_DAYS, type Job } from '../../domain/jobs/job';
import type { JobStore } from '../../ports/job-store';
import { inParallel } from '../../domain/bounded-parallel';
import {
  BATCH_PREFIX,
  JOBS_INDEX_PARTITION,
  JOB_SORT_KEY,
  TALLY_ATTRIBUTES,
  batchFromItem,
  batchTallyFromItem,
  batchSortKey,
  chunkSortKey,
  isChunk,
  jobFromItem,
  jobIndexKeys,
  jobPartition,
  packErrors,
  packFieldNotes,
  resultCountsFromItem,
  resultFromItem,
} from './job-items';
import { queryAll } from './query-all';
import { queryPage } from './query-page';

/** How many jobs' partitions a listing reads at once. */
const LISTING_READS_IN_FLIGHT = 10;

/** Jobs, their batches and chunk results (keys in `job-items.ts`). Everything expires (TTL) a while after the job closes. */
export class DynamoJobStore implements JobStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createJob(job: Job): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: jobPartition(job.jobId), SK: JOB_SORT_KEY, ...jobIndexKeys(job), ...job, expiresAt: expiry(job.closesOn) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getJob(jobId: string): Promise<Job | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: jobPartition(jobId), SK: JOB_SORT_KEY }, ConsistentRead: true }),
    );
    return Item ? jobFromItem(Item) : undefined;
  }

  async loadJob(jobId: string) {
    const items = await this.partition(jobId);
    const jobItem = items.find((item) => item.SK === JOB_SORT_KEY);
    if (!jobItem) return undefined;
    const batches = items
      .filter((item) => item.SK !== JOB_SORT_KEY && !isChunk(item.SK as string))
      .map((item) => ({
        batch: batchFromItem(item),
        results: items.filter((chunk) => (chunk.SK as string).startsWith(`${item.SK as string}#CHUNK#`)).map(resultFromItem),
      }));
    return { job: jobFromItem(jobItem), batches };
  }

  /**
   * One index Query for the page's jobs (more when a retailer filter leaves pages short, see
   * queryPage), then one eventually consistent Query per listed job for its batches and chunk
   * results, at most LISTING_READS_IN_FLIGHT at once: a page of n jobs costs 1 + n Queries. A
   * Query is billed by the size of the items it reads (0.5 RCU per 4 KB here), error lists
   * included even though the projection leaves them out of the answer, so a job costs about
   * what GET /v1/jobs/{jobId} costs, halved.
   */
  async listJobs(query: { retailerId?: string; limit: number; cursor?: string }) {
    const page = await queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :jobs',
        FilterExpression: query.retailerId ? 'retailerId = :retailer' : undefined,
        ExpressionAttributeValues: { ':jobs': JOBS_INDEX_PARTITION, ...(query.retailerId ? { ':retailer': query.retailerId } : {}) },
        ScanIndexForward: false,
      },
      query.limit,
      query.cursor,
    );
    const jobs = page.items.map(jobFromItem);
    const tallies = await inParallel(
      jobs.map((job) => () => this.tallyOf(job.jobId)),
      LISTING_READS_IN_FLIGHT,
    );
    return { items: jobs.map((job, index) => ({ job, batches: tallies[index] ?? [] })), cursor: page.cursor };
  }

  private async tallyOf(jobId: string) {
    const names = Object.fromEntries(TALLY_ATTRIBUTES.map((name, index) => [`#a${index}`, name]));
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :batch)',
      ExpressionAttributeValues: { ':pk': jobPartition(jobId), ':batch': BATCH_PREFIX },
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: names,
    });
    return items
      .filter((item) => !isChunk(item.SK as string))
      .map((item) => ({
        batch: batchTallyFromItem(item),
        results: items.filter((chunk) => (chunk.SK as string).startsWith(`${item.SK as string}#CHUNK#`)).map(resultCountsFromItem),
      }));
  }

  async loadBatch(jobId: string, batchId: string) {
    const items = await this.partition(jobId, batchSortKey(batchId));
    const batchItem = items.find((item) => item.SK === batchSortKey(batchId));
    if (!batchItem) return undefined;
    return { batch: batchFromItem(batchItem), results: items.filter((item) => isChunk(item.SK as string)).map(resultFromItem) };
  }

  async createBatch(batch: Batch): Promise<void> {
    const { rejected, fieldNotes, ...fields } = batch;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          PK: jobPartition(batch.jobId),
          SK: batchSortKey(batch.batchId),
          ...fields,
          rejectedCount: rejected.length,
          ...packErrors(rejected),
          ...packFieldNotes(fieldNotes),
          // A batch is never younger than its job by more than the time the job stays open.
          expiresAt: expiry(batch.createdOn) + JOB_OPEN_HOURS * 3600,
        },
      }),
    );
  }

  async getChunkResult(jobId: string, batchId: string, chunk: number): Promise<ChunkResult | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: jobPartition(jobId), SK: chunkSortKey(batchId, chunk) }, ConsistentRead: true }),
    );
    return Item ? resultFromItem(Item) : undefined;
  }

  async putChunkResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean> {
    return this.putResult(jobId, batchId, result, false);
  }

  async putNotQueuedResult(jobId: string, batchId: string, result: ChunkResult): Promise<boolean> {
    return this.putResult(jobId, batchId, result, true);
  }

  private async putResult(jobId: string, batchId: string, result: ChunkResult, notQueued: boolean): Promise<boolean> {
    const { errors, ...fields } = result;
    const item = { PK: jobPartition(jobId), SK: chunkSortKey(batchId, result.chunk), batchId, ...fields, ...packErrors(errors) };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, ...(notQueued ? { notQueued: true } : {}), expiresAt: expiry(result.completedOn) + JOB_OPEN_HOURS * 3600 },
          ...(notQueued
            ? { ConditionExpression: 'attribute_not_exists(SK)' }
            : { ConditionExpression: 'attribute_not_exists(SK) OR notQueued = :yes', ExpressionAttributeValues: { ':yes': true } }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private partition(jobId: string, prefix?: string) {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: prefix ? { ':pk': jobPartition(jobId), ':prefix': prefix } : { ':pk': jobPartition(jobId) },
      ConsistentRead: true,
    });
  }
}

const expiry = (from: string) => Math.floor(Date.parse(from) / 1000) + JOB_RETENTION_DAYS * 86_400;
