import type { SQSEvent } from 'aws-lambda';
import { handler as processChunks } from '../../functions/jobs/process-inventory-chunks';
import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { lambdaContext } from '../support/api-gateway-event';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { receiveChunks, sqsEventOf } from '../support/inventory-queue';
import { waitFor } from '../support/wait-for';
import { catalogApi as catalog, store } from './catalog-api';
import { newAccount } from './control-plane-api';
import { inventoryBatch, jobsApi as jobs, runBatchProcessor, settledBatch } from './jobs-api';

// A batch goes through the queue and the processor: late in the full suite, on a DynamoDB Local holding every earlier
// suite's tables, even 300 records have taken longer than jest's default 5 s.
jest.setTimeout(30_000);

const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
const tableOf = (accountId: string) => `ordo-sandbox-acct-${accountId}`;

/** A new account with warehouses and an open job. */
const accountWithLocations = async (prefix: string, locations: string[]) => {
  const { apiKey, accountId } = await newAccount(prefix);
  for (const ref of locations) await catalog.putLocation(apiKey, ref, { ...store(52, 0), type: 'WAREHOUSE' });
  const job = await jobs.createJob(apiKey, { name: 'nightly count', retailerId: 'r1' });
  return { apiKey, jobId: job.body.jobId as string, tableName: tableOf(accountId) };
};

const records = (count: number, locations: string[], qty = (i: number) => i % 40) =>
  Array.from({ length: count }, (_, i) => ({ skuRef: `SKU-${String(i).padStart(5, '0')}`, locationRef: locations[i % locations.length], qty: qty(i) }));

const onHandOf = async (apiKey: string, skuRef: string) =>
  (await catalog.listInventory(apiKey, { skuRef })).body.items.map((p: { locationRef: string; onHand: number }) => [p.locationRef, p.onHand]);

describe('inventory jobs and batches, on DynamoDB Local and the local queue', () => {
  it('applies every record of a batch and reports it COMPLETE', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithLocations('jobs-basic', ['W-1', 'W-2']);

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch(records(300, ['W-1', 'W-2'])));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(posted.status).toBe(202);
    expect(batch.body).toMatchObject({ status: 'COMPLETE', total: 300, applied: 300, unchanged: 0, failed: 0, errors: [] });
    expect(await onHandOf(apiKey, 'SKU-00007')).toEqual([['W-2', 7]]);
  });

  it('refuses a batch of 5,001 records with 413 and stores nothing', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithLocations('jobs-413', ['W-1']);

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch(records(5001, ['W-1'])));

    // Assess
    expect(posted.status).toBe(413);
    expect(posted.body.error.message).toContain('at most 5,000 records');
    expect((await jobs.getJob(apiKey, jobId)).body).toMatchObject({ status: 'PENDING', total: 0, batches: [] });
  });

  it('applies the good rows of a batch with 5% bad rows, lists each bad row by index, and ends PARTIAL', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithLocations('jobs-partial', ['W-1']);
    const entities: Record<string, unknown>[] = records(1000, ['W-1']);
    const bad = Array.from({ length: 50 }, (_, i) => i * 20 + 3);
    for (const index of bad) entities[index] = { ...entities[index], qty: -1 };

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch(entities));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(batch.body).toMatchObject({ status: 'PARTIAL', total: 1000, applied: 950, failed: 50 });
    expect(batch.body.errors.map((e: { index: number }) => e.index)).toEqual(bad);
    expect(batch.body.errors[0]).toEqual({ index: 3, skuRef: 'SKU-00003', locationRef: 'W-1', code: 'INVALID_RECORD', message: expect.stringContaining('qty') });
    expect(await onHandOf(apiKey, 'SKU-00004')).toEqual([['W-1', 4]]);
    expect(await onHandOf(apiKey, 'SKU-00003')).toEqual([]);
  });

  it('fails only the records of a location the account does not have', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithLocations('jobs-unknown-loc', ['W-1']);

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch([
      { skuRef: 'A', locationRef: 'W-1', qty: 5 },
      { skuRef: 'B', locationRef: 'NOWHERE', qty: 5 },
    ]));
    const batch = await settledBatch(apiKey, jobId, posted.body.batchId);

    // Assess
    expect(batch.body).toMatchObject({ status: 'PARTIAL', applied: 1, failed: 1 });
    expect(batch.body.errors).toEqual([{ index: 1, skuRef: 'B', locationRef: 'NOWHERE', code: 'UNKNOWN_LOCATION', message: 'No location NOWHERE in this account' }]);
    expect(await onHandOf(apiKey, 'A')).toEqual([['W-1', 5]]);
  });

  it('reports a re-sent batch of 5,000 unchanged records as unchanged with at most 5 DynamoDB writes', async () => {
    // Prepare
    const { apiKey, jobId, tableName } = await accountWithLocations('jobs-resend', ['W-1', 'W-2', 'W-3']);
    const count = records(5000, ['W-1', 'W-2', 'W-3']);
    counter.reset();
    const first = await jobs.postBatch(apiKey, jobId, inventoryBatch(count));
    await settledBatch(apiKey, jobId, first.body.batchId);
    const firstWrites = counter.writesTo(tableName);
    counter.reset();

    // Act
    const again = await jobs.postBatch(apiKey, jobId, inventoryBatch(count));
    const batch = await settledBatch(apiKey, jobId, again.body.batchId);

    // Assess
    expect(batch.body).toMatchObject({ status: 'COMPLETE', total: 5000, applied: 0, unchanged: 5000, failed: 0 });
    expect(counter.writesTo(tableName)).toBeLessThanOrEqual(5);
    expect(firstWrites).toBeGreaterThanOrEqual(200);
    expect(firstWrites).toBeLessThanOrEqual(205);
  }, 150_000);

  it('changes nothing when the queue delivers a chunk a second time', async () => {
    // Prepare
    const { apiKey, jobId, tableName } = await accountWithLocations('jobs-redelivery', ['W-1']);
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch(records(40, ['W-1'])));
    const message = await chunkMessageOf(posted.body.batchId);
    await processChunks(message, lambdaContext());
    const afterFirst = await jobs.getBatch(apiKey, jobId, posted.body.batchId);
    counter.reset();

    // Act
    const reply = await processChunks(message, lambdaContext());

    // Assess
    expect(reply).toEqual({ batchItemFailures: [] });
    expect(counter.writesTo(tableName)).toBe(0);
    expect((await jobs.getBatch(apiKey, jobId, posted.body.batchId)).body).toEqual(afterFirst.body);
    expect(afterFirst.body).toMatchObject({ status: 'COMPLETE', applied: 40 });
  });

  it('keeps each account to its own jobs and positions', async () => {
    // Prepare
    const a = await accountWithLocations('jobs-iso-a', ['W-1']);
    const b = await accountWithLocations('jobs-iso-b', ['W-1']);
    const posted = await jobs.postBatch(a.apiKey, a.jobId, inventoryBatch([{ skuRef: 'SHARED', locationRef: 'W-1', qty: 9 }]));
    await settledBatch(a.apiKey, a.jobId, posted.body.batchId);

    // Act
    const readByB = await jobs.getJob(b.apiKey, a.jobId);
    const batchReadByB = await jobs.getBatch(b.apiKey, a.jobId, posted.body.batchId);
    const postedByB = await jobs.postBatch(b.apiKey, a.jobId, inventoryBatch([{ skuRef: 'SHARED', locationRef: 'W-1', qty: 1 }]));
    const ownBatchOfB = await jobs.postBatch(b.apiKey, b.jobId, inventoryBatch([{ skuRef: 'SHARED', locationRef: 'W-1', qty: 2 }]));
    await settledBatch(b.apiKey, b.jobId, ownBatchOfB.body.batchId);

    // Assess
    expect([readByB.status, batchReadByB.status, postedByB.status]).toEqual([404, 404, 404]);
    expect(await onHandOf(a.apiKey, 'SHARED')).toEqual([['W-1', 9]]);
    expect(await onHandOf(b.apiKey, 'SHARED')).toEqual([['W-1', 2]]);
  });

  it('sums a job over its batches', async () => {
    // Prepare
    const { apiKey, jobId } = await accountWithLocations('jobs-sum', ['W-1']);
    const one = await jobs.postBatch(apiKey, jobId, inventoryBatch(records(10, ['W-1'])));
    const two = await jobs.postBatch(apiKey, jobId, inventoryBatch([{ skuRef: 'X', locationRef: 'W-1', qty: 'many' }]));
    await settledBatch(apiKey, jobId, one.body.batchId);
    await settledBatch(apiKey, jobId, two.body.batchId);

    // Act
    const job = await jobs.getJob(apiKey, jobId);

    // Assess
    expect(job.body).toMatchObject({ status: 'PARTIAL', total: 11, applied: 10, failed: 1, open: true });
    expect(job.body.batches.map((b: { status: string }) => b.status)).toEqual(['COMPLETE', 'FAILED']);
    expect(job.body.errors).toEqual([expect.objectContaining({ batchId: two.body.batchId, index: 0, code: 'INVALID_RECORD' })]);
  });
});

/** Takes the batch's one chunk off the queue, as the event source would, and wraps it as an SQS event. */
const chunkMessageOf = async (batchId: string): Promise<SQSEvent> => {
  const mine = await waitFor(
    async () => {
      const found = (await receiveChunks(300)).find((message) => (message.Body ?? '').includes(batchId));
      // Someone else's chunks: let the processor have them, they belong to other tests.
      if (!found) await runBatchProcessor();
      return found;
    },
    { description: `a chunk of batch ${batchId} on the queue`, timeoutMs: 20_000, intervalMs: 0 },
  );
  return sqsEventOf([mine]);
};
