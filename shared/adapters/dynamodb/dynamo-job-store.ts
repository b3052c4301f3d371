import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Batch, ChunkResult } from '../../domain/jobs/batch';
import { JOB_OPEN_HOURS, JOB_RETENTION_DAYS, type Job } from '../../domain/jobs/job';
import type { JobStore } from '../../ports/job-store';
import {
  JOB_SORT_KEY,
  batchFromItem,
  batchSortKey,
  chunkSortKey,
  isChunk,
  jobFromItem,
  jobPartition,
  packErrors,
  resultFromItem,
} from './job-items';
import { queryAll } from './query-all';

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
        Item: { PK: jobPartition(job.jobId), SK: JOB_SORT_KEY, ...job, expiresAt: expiry(job.closesOn) },
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

  async loadBatch(jobId: string, batchId: string) {
    const items = await this.partition(jobId, batchSortKey(batchId));
    const batchItem = items.find((item) => item.SK === batchSortKey(batchId));
    if (!batchItem) return undefined;
    return { batch: batchFromItem(batchItem), results: items.filter((item) => isChunk(item.SK as string)).map(resultFromItem) };
  }

  async createBatch(batch: Batch): Promise<void> {
    const { rejected, ...fields } = batch;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          PK: jobPartition(batch.jobId),
          SK: batchSortKey(batch.batchId),
          ...fields,
          ...packErrors(rejected),
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
