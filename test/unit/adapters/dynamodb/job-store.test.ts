import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { gunzipSync } from 'node:zlib';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoJobStore } from '../../../../shared/adapters/dynamodb/dynamo-job-store';
import type { Batch, ChunkResult, RecordError } from '../../../../shared/domain/jobs/batch';
import type { Job } from '../../../../shared/domain/jobs/job';

const TABLE = 'ordo-unit-acct-acme';
const DAY = 86_400;
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const job: Job = {
  jobId: 'job-1',
  name: 'Nightly stock',
  retailerId: 'R1',
  createdOn: '2025-03-14T09:00:00.000Z',
  closesOn: '2025-03-15T09:00:00.000Z',
};

const error = (index: number): RecordError => ({
  index,
  skuRef: `SKU-${index}`,
  locationRef: 'LOC-1',
  code: 'INVALID_RECORD',
  message: 'qty is required',
});

const batch = (overrides: Partial<Batch> = {}): Batch => ({
  jobId: 'job-1',
  batchId: 'batch-1',
  entityType: 'INVENTORY',
  action: 'UPSERT',
  total: 3,
  chunkCount: 1,
  rejected: [],
  createdOn: '2025-03-14T10:00:00.000Z',
  ...overrides,
});

const result = (overrides: Partial<ChunkResult> = {}): ChunkResult => ({
  chunk: 1,
  applied: 2,
  unchanged: 0,
  failed: 0,
  errors: [],
  completedOn: '2025-03-14T10:01:00.000Z',
  ...overrides,
});

describe('DynamoJobStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoJobStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  const putInput = (call = 0) => ddbMock.commandCalls(PutCommand)[call].args[0].input;
  const putItem = (call = 0) => putInput(call).Item ?? {};
  const queryInput = () => ddbMock.commandCalls(QueryCommand)[0].args[0].input;

  /** Reads back what was put, as the document client would return it: binary as a Uint8Array. */
  const readBack = (item: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(item).map(([name, value]) => [name, Buffer.isBuffer(value) ? new Uint8Array(value) : value]));

  /** The items of the job partition, written through the store and read back. */
  const partitionOf = async (write: () => Promise<void>) => {
    await write();
    const items = ddbMock
      .commandCalls(PutCommand)
      .map((call) => readBack(call.args[0].input.Item ?? {}))
      // A Query returns the partition in sort key order.
      .sort((a, b) => (String(a.SK) < String(b.SK) ? -1 : 1));
    ddbMock.on(QueryCommand).resolves({ Items: items });
    return items;
  };

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(QueryCommand).resolves({ Items: [] });
  });

  afterAll(() => {
    ddbMock.restore();
  });

  describe('createJob', () => {
    it('puts the job at SK JOB of the partition JOB#<jobId>', async () => {
      // Act
      await store.createJob(job);

      // Assess
      expect(putInput()).toMatchObject({ TableName: TABLE, Item: { PK: 'JOB#job-1', SK: 'JOB', ...job } });
    });

    it('lets the job expire 30 days after it closes', async () => {
      // Act
      await store.createJob(job);

      // Assess
      expect(putItem().expiresAt).toBe(seconds(job.closesOn) + 30 * DAY);
    });
  });

  describe('getJob', () => {
    it('reads the job item consistently and returns the job without its keys', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({ Item: { PK: 'JOB#job-1', SK: 'JOB', ...job, expiresAt: 1 } });

      // Act
      const found = await store.getJob('job-1');

      // Assess
      expect(found).toEqual(job);
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toEqual({
        TableName: TABLE,
        Key: { PK: 'JOB#job-1', SK: 'JOB' },
        ConsistentRead: true,
      });
    });

    it('returns undefined for a job that is not there', async () => {
      // Act
      const found = await store.getJob('job-404');

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('createBatch', () => {
    it('puts the batch at SK BATCH#<batchId> in its job’s partition', async () => {
      // Act
      await store.createBatch(batch());

      // Assess
      expect(putItem()).toMatchObject({ PK: 'JOB#job-1', SK: 'BATCH#batch-1', batchId: 'batch-1', total: 3, chunkCount: 1 });
    });

    it('stores refused records gzipped rather than as a list', async () => {
      // Prepare
      const rejected = [error(0), error(4)];

      // Act
      await store.createBatch(batch({ rejected }));

      // Assess
      const stored = putItem();
      expect(stored).not.toHaveProperty('rejected');
      expect(JSON.parse(gunzipSync(stored.errors as Uint8Array).toString('utf8'))).toEqual(rejected);
    });

    it('stores no errors attribute for a batch without refused records', async () => {
      // Act
      await store.createBatch(batch());

      // Assess
      expect(putItem()).not.toHaveProperty('errors');
    });

    it('lets the batch expire no sooner than a job closing 24 hours after it would', async () => {
      // Act
      await store.createBatch(batch());

      // Assess
      expect(putItem().expiresAt).toBe(seconds(batch().createdOn) + 30 * DAY + 24 * 3600);
    });

    it('reads back the refused records it gzipped', async () => {
      // Prepare
      const rejected = Array.from({ length: 5000 }, (_, index) => error(index));
      await partitionOf(() => store.createBatch(batch({ rejected })));

      // Act
      const loaded = await store.loadBatch('job-1', 'batch-1');

      // Assess
      expect(loaded?.batch).toEqual(batch({ rejected }));
    });
  });

  describe('putChunkResult', () => {
    it('keys the result by its batch and zero-padded chunk number', async () => {
      // Act
      await store.putChunkResult('job-1', 'batch-1', result({ chunk: 7 }));

      // Assess
      expect(putItem()).toMatchObject({ PK: 'JOB#job-1', SK: 'BATCH#batch-1#CHUNK#000007', batchId: 'batch-1', chunk: 7, applied: 2 });
    });

    it('sorts chunk 10 after chunk 9 by its sort key', async () => {
      // Act
      await store.putChunkResult('job-1', 'batch-1', result({ chunk: 9 }));
      await store.putChunkResult('job-1', 'batch-1', result({ chunk: 10 }));

      // Assess
      const keys = [putItem(0).SK as string, putItem(1).SK as string];
      expect([...keys].sort()).toEqual(keys);
    });

    it('stores the chunk’s errors gzipped', async () => {
      // Prepare
      const errors = [error(2)];

      // Act
      await store.putChunkResult('job-1', 'batch-1', result({ failed: 1, errors }));

      // Assess
      expect(JSON.parse(gunzipSync(putItem().errors as Uint8Array).toString('utf8'))).toEqual(errors);
    });

    it('stores a NOT_QUEUED result, marked as such', async () => {
      // Act
      const stored = await store.putNotQueuedResult('job-1', 'batch-1', result({ chunk: 7, applied: 0, failed: 2 }));

      // Assess
      expect(stored).toBe(true);
      expect(putItem()).toMatchObject({ SK: 'BATCH#batch-1#CHUNK#000007', notQueued: true, failed: 2 });
    });

    it('reads a NOT_QUEUED result back as a plain chunk result', async () => {
      // Prepare
      const refused = result({ chunk: 3, applied: 0, failed: 1, errors: [error(5)] });
      await store.putNotQueuedResult('job-1', 'batch-1', refused);
      ddbMock.on(GetCommand).resolves({ Item: readBack(putItem()) });

      // Act
      const found = await store.getChunkResult('job-1', 'batch-1', 3);

      // Assess
      expect(found).toEqual(refused);
    });

    it('answers false, and does not throw, when the chunk has a result already', async () => {
      // Prepare
      ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

      // Act
      const stored = await store.putChunkResult('job-1', 'batch-1', result({ chunk: 7 }));

      // Assess
      expect(stored).toBe(false);
    });

    it('keeps a chunk result as long as the batch it belongs to', async () => {
      // Prepare
      const accepted = batch({ createdOn: '2025-03-14T10:00:00.000Z' });
      await store.createBatch(accepted);

      // Act
      await store.putChunkResult('job-1', 'batch-1', result({ completedOn: '2025-03-14T10:01:00.000Z' }));

      // Assess
      expect(putItem(1).expiresAt as number).toBeGreaterThanOrEqual(putItem(0).expiresAt as number);
    });
  });

  describe('getChunkResult', () => {
    it('reads the chunk’s result consistently by its zero-padded key', async () => {
      // Act
      await store.getChunkResult('job-1', 'batch-1', 12);

      // Assess
      expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toEqual({
        TableName: TABLE,
        Key: { PK: 'JOB#job-1', SK: 'BATCH#batch-1#CHUNK#000012' },
        ConsistentRead: true,
      });
    });

    it('reads back a stored result with its gzipped errors', async () => {
      // Prepare
      const stored = result({ chunk: 3, applied: 1, failed: 1, errors: [error(5)] });
      await store.putChunkResult('job-1', 'batch-1', stored);
      ddbMock.on(GetCommand).resolves({ Item: readBack(putItem()) });

      // Act
      const found = await store.getChunkResult('job-1', 'batch-1', 3);

      // Assess
      expect(found).toEqual(stored);
    });

    it('returns undefined for a chunk that has no result yet', async () => {
      // Act
      const found = await store.getChunkResult('job-1', 'batch-1', 1);

      // Assess
      expect(found).toBeUndefined();
    });
  });

  describe('loadJob', () => {
    it('queries the whole job partition consistently', async () => {
      // Act
      await store.loadJob('job-1');

      // Assess
      expect(queryInput()).toEqual({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'JOB#job-1' },
        ConsistentRead: true,
      });
    });

    it('groups each chunk result under the batch it belongs to', async () => {
      // Prepare
      const first = batch({ batchId: 'batch-1', chunkCount: 2 });
      const second = batch({ batchId: 'batch-2', rejected: [error(1)] });
      await partitionOf(async () => {
        await store.createJob(job);
        await store.createBatch(first);
        await store.createBatch(second);
        await store.putChunkResult('job-1', 'batch-1', result({ chunk: 1 }));
        await store.putChunkResult('job-1', 'batch-2', result({ chunk: 1, applied: 1, failed: 1, errors: [error(2)] }));
        await store.putChunkResult('job-1', 'batch-1', result({ chunk: 2, unchanged: 3 }));
      });

      // Act
      const loaded = await store.loadJob('job-1');

      // Assess
      expect(loaded).toEqual({
        job,
        batches: [
          { batch: first, results: [result({ chunk: 1 }), result({ chunk: 2, unchanged: 3 })] },
          { batch: second, results: [result({ chunk: 1, applied: 1, failed: 1, errors: [error(2)] })] },
        ],
      });
    });

    it('returns undefined when the partition has no job item', async () => {
      // Prepare
      ddbMock.on(QueryCommand).resolves({ Items: [] });

      // Act
      const loaded = await store.loadJob('job-404');

      // Assess
      expect(loaded).toBeUndefined();
    });
  });

  describe('loadBatch', () => {
    it('queries only the batch and its chunks, with begins_with on the batch’s sort key', async () => {
      // Act
      await store.loadBatch('job-1', 'batch-1');

      // Assess
      expect(queryInput()).toEqual({
        TableName: TABLE,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': 'JOB#job-1', ':prefix': 'BATCH#batch-1' },
        ConsistentRead: true,
      });
    });

    it('returns the batch with its chunk results', async () => {
      // Prepare
      await partitionOf(async () => {
        await store.createBatch(batch({ chunkCount: 2 }));
        await store.putChunkResult('job-1', 'batch-1', result({ chunk: 1 }));
        await store.putChunkResult('job-1', 'batch-1', result({ chunk: 2 }));
      });

      // Act
      const loaded = await store.loadBatch('job-1', 'batch-1');

      // Assess
      expect(loaded).toEqual({ batch: batch({ chunkCount: 2 }), results: [result({ chunk: 1 }), result({ chunk: 2 })] });
    });

    it('returns undefined when the batch item is not there', async () => {
      // Act
      const loaded = await store.loadBatch('job-1', 'batch-404');

      // Assess
      expect(loaded).toBeUndefined();
    });
  });
});
