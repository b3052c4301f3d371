import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEngineStore } from '../../shared/adapters/dynamodb/dynamo-engine-store';
import { STAGED_PARTITION } from '../../shared/adapters/dynamodb/staged-stock';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import type { EventRecord, InventoryChange, UnitOfWork } from '../../shared/engine/engine-model';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { runQueuedEvents } from '../support/events-queue';
import { countItem } from '../support/inventory-items';
import { anOrderEntity, hdOrder } from '../support/order-builder';
import { newAccount } from './control-plane-api';
import { ordersApi as api, positionOf, seedCatalog, uploadReferenceWorkflows } from './orders-api';

jest.setTimeout(120_000);

const SKUS = Array.from({ length: 200 }, (_, i) => `BIG-${String(i + 1).padStart(3, '0')}`);
const lines = SKUS.map((skuRef) => ({ skuRef, qty: 1 }));

/** A warehouse near London with 5 of each of the 200 SKUs, loaded through the routes. */
const bigShop = async (prefix: string) => {
  const account = await newAccount(prefix);
  await uploadReferenceWorkflows(account.apiKey);
  await seedCatalog(
    account.apiKey,
    [{ ref: 'HUB', lat: 51.5, lon: -0.12, type: 'WAREHOUSE' }],
    SKUS.map((skuRef) => ({ locationRef: 'HUB', skuRef, onHand: 5 })),
  );
  return account;
};

describe('orders of 200 lines, on DynamoDB Local', () => {
  it('allocates a 200-line order of 200 SKUs in sync mode, reserving every line', async () => {
    // Prepare
    const { apiKey } = await bigShop('large-sync');

    // Act
    const created = await api.createOrder(apiKey, hdOrder('BIG-1', lines), 'sync');

    // Assess
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ALLOCATED');
    expect(created.body.fulfilments).toHaveLength(1);
    expect(created.body.fulfilments[0].lines).toHaveLength(200);
    expect(await positionOf(apiKey, SKUS[0] as string, 'HUB')).toMatchObject({ onHand: 5, reserved: 1 });
    expect(await positionOf(apiKey, SKUS[199] as string, 'HUB')).toMatchObject({ onHand: 5, reserved: 1 });
  });

  it('allocates a 200-line order of 200 SKUs in async mode, from the queue', async () => {
    // Prepare
    const { apiKey, accountId } = await bigShop('large-async');
    const accepted = await api.createOrder(apiKey, hdOrder('BIG-2', lines), 'async');

    // Act
    await runQueuedEvents(accountId);

    // Assess
    expect(accepted.status).toBe(201);
    const order = await api.getOrder(apiKey, 'BIG-2');
    expect(order.body.status).toBe('ALLOCATED');
    expect(order.body.fulfilments[0].lines).toHaveLength(200);
    expect(await positionOf(apiKey, SKUS[100] as string, 'HUB')).toMatchObject({ reserved: 1 });
  });
});

// The store on its own table, so a client that fails on purpose touches nothing of the API's accounts.
const TABLE = `ordo-sandbox-acct-large-${process.pid}-${Date.now()}`;
const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const documents = createDocumentClient(raw);
const RETAILER = 'R1';
const AT = '2025-03-01T10:00:00.000Z';

/**
 * The document client, except that the transactions numbered in `failing` (1 for the first) fail as a dropped
 * connection would. Failing a commit and then its take-back leaves what a process dying between them leaves.
 */
const faultyClient = (failing: number[]): DynamoDBDocumentClient => {
  let transactions = 0;
  return new Proxy(documents, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return (command: unknown) => {
        if (command instanceof TransactWriteCommand && failing.includes(++transactions)) return Promise.reject(new Error('connection reset'));
        return target.send(command as never);
      };
    },
  });
};

const reservations = (n: number): InventoryChange[] =>
  SKUS.slice(0, n).map((skuRef) => ({ skuRef, locationRef: 'HUB', kind: 'RESERVE', qty: 1, seen: { onHand: 100, reserved: 0, safetyStock: 0 } }));

const bigCommit = (ref: string): UnitOfWork => {
  const event: EventRecord = {
    event: { id: randomUUID(), name: 'CREATE', retailerId: RETAILER, entityType: 'ORDER', entityRef: ref, source: 'API' },
    outcome: 'SUCCESS',
    receivedOn: AT,
    processedOn: AT,
    rootEntityType: 'ORDER',
    rootRef: ref,
    attempts: 1,
  };
  return {
    event,
    entities: [{ entity: anOrderEntity(ref, { retailerId: RETAILER, version: 1, createdOn: AT, updatedOn: AT }), expectedVersion: null }],
    inventory: reservations(150),
    audit: [{ eventId: event.event.id, seq: 1, at: AT, kind: 'OUTCOME', entityType: 'ORDER', entityRef: ref, rootEntityType: 'ORDER', rootRef: ref }],
    outbox: [],
    scheduled: [],
    markProcessed: true,
  };
};

const reservedTotal = async () => {
  let total = 0;
  for (const skuRef of SKUS.slice(0, 150)) {
    const { Item } = await documents.send(new GetCommand({ TableName: TABLE, Key: { PK: `SKU#${skuRef}`, SK: 'RES#HUB' }, ConsistentRead: true }));
    total += Number(Item?.reserved ?? 0);
  }
  return total;
};
const orderStored = async (ref: string) =>
  (await documents.send(new GetCommand({ TableName: TABLE, Key: { PK: `ROOT#${RETAILER}#ORDER#${ref}`, SK: `ENTITY#ORDER#${ref}` }, ConsistentRead: true }))).Item !== undefined;
const ledgerItems = async () =>
  (await documents.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': STAGED_PARTITION }, ConsistentRead: true }))).Items ?? [];

describe('an execution too large for one transaction, on DynamoDB Local', () => {
  beforeAll(async () => {
    await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
    for (let i = 0; i < SKUS.length; i += 25) {
      const items = SKUS.slice(i, i + 25).map((skuRef) => ({ PutRequest: { Item: countItem(skuRef, 'HUB', 100) } }));
      await documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items } }));
    }
  });

  afterAll(async () => {
    await raw.send(new DeleteTableCommand({ TableName: TABLE }));
    raw.destroy();
  });

  it('commits 150 reservations, staged ahead in a transaction of their own, with the order, and leaves no ledger', async () => {
    // Prepare
    const store = new DynamoEngineStore(documents, TABLE, 30);
    const before = await reservedTotal();

    // Act
    await store.commit(bigCommit('BIG-OK'));

    // Assess
    expect(await orderStored('BIG-OK')).toBe(true);
    expect((await reservedTotal()) - before).toBe(150);
    expect(await ledgerItems()).toEqual([]);
  });

  it('leaves no reservation and no order behind when the commit fails after the stock was staged', async () => {
    // Prepare: the second transaction, the execution's own, fails.
    const store = new DynamoEngineStore(faultyClient([2]), TABLE, 30);
    const before = await reservedTotal();

    // Act
    const attempt = store.commit(bigCommit('BIG-FAIL'));

    // Assess
    await expect(attempt).rejects.toThrow('connection reset');
    expect(await orderStored('BIG-FAIL')).toBe(false);
    expect(await reservedTotal()).toBe(before);
    expect(await ledgerItems()).toEqual([]);
  });

  it('takes back, in the sweep of abandoned staging, the stock of an execution that died between its transactions', async () => {
    // Prepare: the execution's own transaction and the take-back both fail, as if the process had died after staging.
    const before = await reservedTotal();
    const dying = new DynamoEngineStore(faultyClient([2, 3]), TABLE, 30);
    await expect(dying.commit(bigCommit('BIG-CRASH'))).rejects.toThrow('connection reset');
    const heldBeforeSweep = await reservedTotal();
    const sweeper = new DynamoEngineStore(documents, TABLE, 30);

    // Act
    const takenBack = await sweeper.staging.takeBackAbandoned(new Date(Date.now() + 60_000).toISOString());

    // Assess
    expect(heldBeforeSweep).toBeGreaterThan(before);
    expect(takenBack).toBe(1);
    expect(await reservedTotal()).toBe(before);
    expect(await orderStored('BIG-CRASH')).toBe(false);
    expect(await ledgerItems()).toEqual([]);
  });

  it('leaves a chunk staged by a commit still in flight to its commit: the sweep takes back only older ones', async () => {
    // Prepare
    const dying = new DynamoEngineStore(faultyClient([2, 3]), TABLE, 30);
    await expect(dying.commit(bigCommit('BIG-RECENT'))).rejects.toThrow('connection reset');

    // Act
    const takenBack = await new DynamoEngineStore(documents, TABLE, 30).staging.takeBackAbandoned(new Date(Date.now() - 15 * 60_000).toISOString());

    // Assess
    expect(takenBack).toBe(0);
    expect(await ledgerItems()).toHaveLength(1);
  });
});
