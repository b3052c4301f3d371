import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Batch, ChunkResult, RecordError } from '../../domain/jobs/batch';
import { JOB_OPEN_HOURS, JOB_RETENTION_DAYS, type Job } from '../../domain/jobs/job';
import type { JobStore } from '../../ports/job-store';
import { queryAll } from './query-all';

/**
 * A job, its batches and their chunk results share the partition `JOB#<jobId>`, so the job's
 * status is one Query: the job at SK `JOB`, each batch at `BATCH#<batchId>`, each finished
 * chunk at `BATCH#<batchId>#CHUNK#<n>`. Everything expires (TTL) a while after the job closes.
 */
const jobPartition = (jobId: string) => `JOB#${jobId}`;
const JOB_SORT_KEY = 'JOB';
const batchSortKey = (batchId: string) => `BATCH#${batchId}`;
const chunkSortKey = (batchId: string, chunk: number) => `${batchSortKey(batchId)}#CHUNK#${String(chunk).padStart(6, '0')}`;

/**
 * Error lists are stored gzipped: 5,000 rejected records as JSON would pass DynamoDB's 400 KB
 * item limit, and their messages repeat, so they compress well.
 */
const packErrors = (errors: readonly RecordError[]) => (errors.length ? { errors: gzipSync(JSON.stringify(errors)) } : {});
const unpackErrors = (value: unknown): RecordError[] =>
  value instanceof Uint8Array ? (JSON.parse(gunzipSync(value).toString('utf8')) as RecordError[]) : [];

const isChunk = (sk: string) => sk.includes('#CHUNK#');

const jobFromItem = (item: Record<string, unknown>): Job => ({
  jobId: item.jobId as string,
  name: item.name as string,
  retailerId: item.retailerId as string,
  createdOn: item.createdOn as string,
  closesOn: item.closesOn as string,
});

const batchFromItem = (item: Record<string, unknown>): Batch => ({
  jobId: item.jobId as string,
  batchId: item.batchId as string,
  entityType: item.entityType as Batch['entityType'],
  action: item.action as Batch['action'],
  total: item.total as number,
  chunkCount: item.chunkCount as number,
  rejected: unpackErrors(item.errors),
  createdOn: item.createdOn as string,
});

const resultFromItem = (item: Record<string, unknown>): ChunkResult => ({
  chunk: item.chunk as number,
  applied: item.applied as number,
  unchanged: item.unchanged as number,
  failed: item.failed as number,
  errors: unpackErrors(item.errors),
  completedOn: item.completedOn as string,
});

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
