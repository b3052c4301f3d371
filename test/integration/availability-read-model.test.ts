import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { positionsOfSummaryItem, summaryKey } from '../../shared/adapters/dynamodb/availability-summary-items';
import { writeAll } from '../../shared/adapters/dynamodb/batch-writer';
import { DynamoStockReader } from '../../shared/adapters/dynamodb/dynamo-stock-reader';
import { stockCountItem } from '../../shared/adapters/dynamodb/inventory-items';
import { documentClient, dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { accountTableName } from '../../shared/domain/accounts/account-table';
import type { StockPosition } from '../../shared/engine/engine-model';
import { catchUpSummaries } from '../support/change-stream';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { hdOrder } from '../support/order-builder';
import { catalogApi, store } from './catalog-api';
import { newAccount } from './control-plane-api';
import { inventoryBatch, jobsApi, settledBatch } from './jobs-api';
import { orderEventSync, ordersApi, positionOf, seedCatalog, uploadReferenceWorkflows, type SeedLocation } from './orders-api';

jest.setTimeout(60_000);

const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
const CAMDEN: SeedLocation = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };
const tableOf = (accountId: string) => accountTableName('sandbox', accountId);

/** The positions a SKU's summary holds, read straight from its item; undefined without one. */
const summarised = async (tableName: string, skuRef: string): Promise<StockPosition[] | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName, Key: summaryKey(skuRef), ConsistentRead: true }));
  return Item && positionsOfSummaryItem(Item);
};

/** The positions of a SKU read exactly, without what the summary does not keep, in location order. */
const exactly = async (tableName: string, skuRef: string) =>
  (await new DynamoStockReader(documentClient(), tableName).positions([skuRef], 'exact'))
    .map(({ updatedOn: _updatedOn, ...position }) => position)
    .sort((a, b) => a.locationRef.localeCompare(b.locationRef));

const inLocationOrder = (positions: StockPosition[] | undefined) => positions && [...positions].sort((a, b) => a.locationRef.localeCompare(b.locationRef));

/** An account with reference workflows, Camden holding `onHand` T-shirts, and the read model caught up. */
const camdenWithTees = async (prefix: string, onHand: number) => {
  const { apiKey, accountId } = await newAccount(prefix);
  await uploadReferenceWorkflows(apiKey);
  await seedCatalog(apiKey, [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand }]);
  const tableName = tableOf(accountId);
  await catchUpSummaries(tableName);
  return { apiKey, tableName };
};

/** A count set behind the read model's back, as a bulk load does before the stream brings it. */
const recountUnseen = (tableName: string, onHand: number) =>
  writeAll(documentClient(), tableName, [stockCountItem({ skuRef: 'TEE', locationRef: 'CAMDEN', onHand, safetyStock: 0, updatedOn: new Date().toISOString() })]);

describe('the availability read model, kept from the change stream on DynamoDB Local', () => {
  it('holds what the positions hold after a 5,000-record batch changes every one of them', async () => {
    // Prepare
    const { apiKey, accountId } = await newAccount('summary-batch');
    const tableName = tableOf(accountId);
    const locations = Array.from({ length: 200 }, (_, i) => `W-${String(i).padStart(3, '0')}`);
    for (const ref of locations) expect((await catalogApi.putLocation(apiKey, ref, { ...store(52, 0), type: 'WAREHOUSE' })).status).toBe(200);
    const skus = Array.from({ length: 25 }, (_, s) => `SKU-${String(s).padStart(2, '0')}`);
    const records = (qty: (i: number) => number) =>
      Array.from({ length: 5_000 }, (_, i) => ({ skuRef: skus[i % 25], locationRef: locations[Math.floor(i / 25)], qty: qty(i) }));
    // One count per SKU, so each has a summary before the batch, which then patches it.
    for (const skuRef of skus) expect((await catalogApi.putPosition(apiKey, 'W-000', skuRef, { onHand: 0 })).status).toBe(200);
    await catchUpSummaries(tableName);
    const job = await jobsApi.createJob(apiKey, { name: 'nightly count', retailerId: 'r1' });
    const jobId = job.body.jobId as string;

    // Act
    const posted = await jobsApi.postBatch(apiKey, jobId, inventoryBatch(records((i) => 1 + ((i * 7) % 50))));
    const settled = await settledBatch(apiKey, jobId, posted.body.batchId);
    await catchUpSummaries(tableName);

    // Assess
    expect(settled.body).toMatchObject({ status: 'COMPLETE', applied: 5_000 });
    for (const skuRef of skus) {
      const held = inLocationOrder(await summarised(tableName, skuRef));
      expect(held).toHaveLength(200);
      expect(held).toEqual(await exactly(tableName, skuRef));
    }
    expect((await summarised(tableName, 'SKU-07'))?.find((position) => position.locationRef === 'W-000')).toMatchObject({ onHand: 50 });
  });

  it('shows units reserved by an order, and gives them back when the order is cancelled', async () => {
    // Prepare
    const { apiKey, tableName } = await camdenWithTees('summary-release', 10);
    expect((await ordersApi.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'TEE', qty: 3 }]))).body.status).toBe('ALLOCATED');
    await catchUpSummaries(tableName);
    const whileHeld = await summarised(tableName, 'TEE');

    // Act
    expect((await orderEventSync(apiKey, 'O-1', 'CANCEL')).body.status).toBe('SUCCESS');
    await catchUpSummaries(tableName);

    // Assess
    expect(whileHeld).toEqual([expect.objectContaining({ locationRef: 'CAMDEN', onHand: 10, reserved: 3, available: 7 })]);
    expect(await summarised(tableName, 'TEE')).toEqual([expect.objectContaining({ locationRef: 'CAMDEN', onHand: 10, reserved: 0, available: 10 })]);
    expect(await summarised(tableName, 'TEE')).toEqual(await exactly(tableName, 'TEE'));
  });

  it('takes a count set through the API at once, before the stream brings it', async () => {
    // Prepare
    const { apiKey, tableName } = await camdenWithTees('summary-through', 10);

    // Act
    expect((await catalogApi.putPosition(apiKey, 'CAMDEN', 'TEE', { onHand: 2, safetyStock: 1 })).status).toBe(200);

    // Assess
    expect(await summarised(tableName, 'TEE')).toEqual([expect.objectContaining({ locationRef: 'CAMDEN', onHand: 2, safetyStock: 1, available: 1 })]);
  });

  it('lets a stale summary cost a re-run, never an oversell: ten orders against 4 units the summary still counts as 10', async () => {
    // Prepare
    const { apiKey, tableName } = await camdenWithTees('summary-stale', 10);
    await recountUnseen(tableName, 4);
    counter.reset();

    // Act
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => ordersApi.createOrder(apiKey, hdOrder(`O-${i}`, [{ skuRef: 'TEE', qty: 1 }]))));

    // Assess
    const statuses = created.map((reply) => reply.body.status);
    expect(statuses.filter((status) => status === 'ALLOCATED')).toHaveLength(4);
    expect(statuses.filter((status) => status === 'AWAITING_STOCK')).toHaveLength(6);
    expect(await positionOf(apiKey, 'TEE', 'CAMDEN')).toMatchObject({ onHand: 4, reserved: 4 });
    // Transactions DynamoDB refused: decided on the summary's 10, they failed their condition and ran again on exact stock.
    expect(counter.writesTo(tableName)).toBeGreaterThan(counter.committedWritesByTable()[tableName] ?? 0);
  });

  it('answers availability from exact stock when the summary says the lines are short', async () => {
    // Prepare
    const { apiKey, tableName } = await camdenWithTees('summary-short', 0);
    await recountUnseen(tableName, 5);
    const request = { retailerId: 'r1', type: 'HD', lines: [{ skuRef: 'TEE', qty: 2 }], deliveryPoint: { lat: 51.5, lon: -0.12 } };

    // Act
    const answer = await ordersApi.checkAvailability(apiKey, request);

    // Assess
    expect(await summarised(tableName, 'TEE')).toEqual([expect.objectContaining({ onHand: 0 })]);
    expect(answer.body).toMatchObject({ available: true, plans: [{ fulfilments: [expect.objectContaining({ locationRef: 'CAMDEN' })] }] });
  });
});
