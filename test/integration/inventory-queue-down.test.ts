import { catalogApi as catalog, store } from './catalog-api';
import { newAccount } from './control-plane-api';
import { inventoryBatch, jobsApi as jobs } from './jobs-api';

/**
 * The handlers of this file send chunks to a queue the local SQS server does not have, as a
 * deleted or misnamed queue would in AWS: every send fails for real.
 */
const previousQueueName = process.env.ORDO_INVENTORY_QUEUE_NAME;
process.env.ORDO_INVENTORY_QUEUE_NAME = 'ordo-sandbox-no-such-queue';

afterAll(() => {
  if (previousQueueName === undefined) delete process.env.ORDO_INVENTORY_QUEUE_NAME;
  else process.env.ORDO_INVENTORY_QUEUE_NAME = previousQueueName;
});

describe('a batch the inventory queue cannot take, on DynamoDB Local and the local SQS server', () => {
  it('answers 503, and the batch ends FAILED with each record NOT_QUEUED instead of staying PENDING', async () => {
    // Prepare
    const { apiKey } = await newAccount('jobs-queue-down');
    await catalog.putLocation(apiKey, 'W-1', { ...store(52, 0), type: 'WAREHOUSE' });
    const job = await jobs.createJob(apiKey, { name: 'nightly count', retailerId: 'r1' });
    const jobId = job.body.jobId as string;
    const entities = [
      { skuRef: 'SKU-1', locationRef: 'W-1', qty: 5 },
      { skuRef: 'SKU-2', locationRef: 'W-1', qty: 7 },
    ];

    // Act
    const posted = await jobs.postBatch(apiKey, jobId, inventoryBatch(entities));
    const view = await jobs.getJob(apiKey, jobId);

    // Assess
    expect(posted.status).toBe(503);
    expect(posted.body.error.message).toContain('new batch');
    expect(view.body).toMatchObject({ status: 'FAILED', total: 2, applied: 0, failed: 2 });
    expect(view.body.errors.map((error: { index: number; code: string }) => [error.index, error.code])).toEqual([
      [0, 'NOT_QUEUED'],
      [1, 'NOT_QUEUED'],
    ]);
  });
});
