import { handler as revokeApiKey } from '../../functions/api-keys/revoke-api-key';
import { handler as releaseEventSource } from '../../functions/event-sources/release-event-source';
import { handler as getBatch } from '../../functions/jobs/get-batch';
import { handler as getJob } from '../../functions/jobs/get-job';
import { handler as postBatch } from '../../functions/jobs/post-batch';
import { handler as getLocation } from '../../functions/locations/get-location';
import { handler as getRetailer } from '../../functions/retailers/get-retailer';
import { handler as getSourcingProfile } from '../../functions/sourcing-profiles/get-sourcing-profile';
import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { settings } from '../../shared/composition/settings';
import { invoke, type ApiCall } from '../support/api-gateway-event';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { ccOrder } from '../support/order-builder';
import { newAccount } from './control-plane-api';
import { ordersApi } from './orders-api';

const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());

/** Longer than DynamoDB takes in a key, which is what answered 500 before these were checked. */
const LONG = 'A'.repeat(3000);
const JOB_ID = '8d2c9d92-d3a9-4302-b5aa-a730802fce1d';

const order = ccOrder('CC-1', 'ST-LEEDS', [{ skuRef: 'SKU-005', qty: 1 }], 'no-workflow-retail');

describe('path parameters no route can use', () => {
  let apiKey: string;

  beforeAll(async () => {
    ({ apiKey } = await newAccount('bad-path'));
  });

  it.each([
    ['an API key id of 3,000 characters', revokeApiKey, 'DELETE', '/v1/api-keys/{keyId}', { keyId: LONG }, 'keyId'],
    ['an event source with a lone "%"', releaseEventSource, 'DELETE', '/v1/event-sources/{source}', { source: '100%' }, 'source'],
    ['an event source outside the EventBridge characters', releaseEventSource, 'DELETE', '/v1/event-sources/{source}', { source: '<script>' }, 'source'],
    ['a location ref of 3,000 characters', getLocation, 'GET', '/v1/locations/{ref}', { ref: LONG }, 'ref'],
    ['a retailer id of 3,000 characters', getSourcingProfile, 'GET', '/v1/sourcing-profiles/{retailerId}', { retailerId: LONG }, 'retailerId'],
    ['a registered retailer id of 3,000 characters', getRetailer, 'GET', '/v1/retailers/{retailerId}', { retailerId: LONG }, 'retailerId'],
    ['a job id of 3,000 characters', getJob, 'GET', '/v1/jobs/{jobId}', { jobId: LONG }, 'jobId'],
    ['a batch id of 3,000 characters', getBatch, 'GET', '/v1/jobs/{jobId}/batches/{batchId}', { jobId: JOB_ID, batchId: LONG }, 'batchId'],
  ] as const)('answers %s with a 400 naming it', async (_case, handler, method, resource, pathParameters, field) => {
    // Prepare
    const call: ApiCall = { method, resource, pathParameters, apiKey };

    // Act
    const response = await invoke(handler, call);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field }, requestId: expect.any(String) });
  });

  it('answers a batch for a job id of 3,000 characters with a 400 naming jobId, and writes nothing', async () => {
    // Prepare
    counter.reset();
    const batch = { entityType: 'INVENTORY', action: 'UPSERT', entities: [{ skuRef: 'SKU-1', locationRef: 'W-1', qty: 1 }] };

    // Act
    const response = await invoke(postBatch, { method: 'POST', resource: '/v1/jobs/{jobId}/batches', pathParameters: { jobId: LONG }, apiKey, body: batch });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('jobId');
    // The control table alone takes a write: the account's request count, which every authenticated request adds to.
    expect(Object.keys(counter.writesByTable()).filter((table) => table !== settings().controlTableName)).toEqual([]);
  });
});

describe('a sync order for a retailer without an order workflow', () => {
  it('is refused with 422 RETAILER_NOT_FOUND when the retailer is not registered, and writes nothing to the account', async () => {
    // Prepare
    const { apiKey, accountId } = await newAccount('no-retailer', { retailers: [] });
    counter.reset();

    // Act
    const response = await ordersApi.createOrder(apiKey, order, 'sync');

    // Assess
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'RETAILER_NOT_FOUND', field: 'retailerId' });
    expect(counter.writesTo(`ordo-sandbox-acct-${accountId}`)).toBe(0);
  });

  it('is refused with 422 WORKFLOW_NOT_FOUND and writes nothing to the account', async () => {
    // Prepare: registered with the template none, so without workflows.
    const { apiKey, accountId } = await newAccount('no-wf', { retailers: [order.retailerId] });
    counter.reset();

    // Act
    const response = await ordersApi.createOrder(apiKey, order, 'sync');

    // Assess
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('WORKFLOW_NOT_FOUND');
    expect(counter.writesTo(`ordo-sandbox-acct-${accountId}`)).toBe(0);
  });
});
