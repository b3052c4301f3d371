import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEntityIndex, SEARCH_READ_LIMIT } from '../../shared/adapters/dynamodb/dynamo-entity-index';
import { entityItem } from '../../shared/adapters/dynamodb/engine-items';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { anOrderEntity, hdOrder } from '../support/order-builder';
import { api as controlPlane, newAccount } from './control-plane-api';
import { ordersApi as api, seedCatalog, uploadReferenceWorkflows } from './orders-api';

jest.setTimeout(30_000);

const refsOf = (body: Record<string, unknown>) => (body.items as { ref: string }[]).map((order) => order.ref);

/** A shop of retailers r1 and r2 with stock for every order below, and orders of each ref, created in that order. */
const shopWithOrders = async (prefix: string, orders: { ref: string; retailerId: string }[]) => {
  const account = await newAccount(prefix);
  for (const retailerId of new Set(orders.map((order) => order.retailerId))) await uploadReferenceWorkflows(account.apiKey, retailerId);
  await seedCatalog(account.apiKey, [{ ref: 'CAMDEN', lat: 51.539, lon: -0.1426 }], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 100 }]);
  for (const { ref, retailerId } of orders) {
    const created = await api.createOrder(account.apiKey, hdOrder(ref, [{ skuRef: 'TEE', qty: 1 }], { retailerId }));
    if (created.status !== 201) throw new Error(`order ${ref} not created: ${created.raw}`);
  }
  return account;
};

describe('GET /v1/orders?ref=', () => {
  it('finds the orders whose ref begins with the text, newest first', async () => {
    // Prepare
    const { apiKey } = await shopWithOrders('search-prefix', [
      { ref: 'WEB-1', retailerId: 'r1' },
      { ref: 'POS-1', retailerId: 'r1' },
      { ref: 'WEB-2', retailerId: 'r1' },
    ]);

    // Act
    const response = await api.listOrders(apiKey, { ref: 'WEB-' });

    // Assess
    expect(response.status).toBe(200);
    expect(refsOf(response.body)).toEqual(['WEB-2', 'WEB-1']);
  });

  it('matches case-sensitively', async () => {
    // Prepare
    const { apiKey } = await shopWithOrders('search-case', [{ ref: 'WEB-1', retailerId: 'r1' }]);

    // Act
    const response = await api.listOrders(apiKey, { ref: 'web-' });

    // Assess
    expect(refsOf(response.body)).toEqual([]);
  });

  it('combines with the status filter', async () => {
    // Prepare
    const { apiKey } = await shopWithOrders('search-status', [{ ref: 'WEB-1', retailerId: 'r1' }]);
    const { status } = (await api.getOrder(apiKey, 'WEB-1')).body as { status: string };

    // Act
    const inStatus = await api.listOrders(apiKey, { ref: 'WEB', status });
    const otherStatus = await api.listOrders(apiKey, { ref: 'WEB', status: 'COMPLETE' });

    // Assess
    expect(refsOf(inStatus.body)).toEqual(['WEB-1']);
    expect(refsOf(otherStatus.body)).toEqual([]);
  });

  it("finds a retailer-scoped key's own retailer's orders only", async () => {
    // Prepare
    const account = await shopWithOrders('search-scoped', [
      { ref: 'WEB-1', retailerId: 'r1' },
      { ref: 'WEB-2', retailerId: 'r2' },
    ]);
    const scoped = await controlPlane.createApiKey(account.apiKey, { role: 'READONLY', retailerId: 'r2' });

    // Act
    const response = await api.listOrders(scoped.body.apiKey, { ref: 'WEB' });

    // Assess
    expect(refsOf(response.body)).toEqual(['WEB-2']);
  });

  it('combines with the retailerId filter of an account-wide key', async () => {
    // Prepare
    const { apiKey } = await shopWithOrders('search-retailer', [
      { ref: 'WEB-1', retailerId: 'r1' },
      { ref: 'WEB-2', retailerId: 'r2' },
    ]);

    // Act
    const response = await api.listOrders(apiKey, { ref: 'WEB', retailerId: 'r1' });

    // Assess
    expect(refsOf(response.body)).toEqual(['WEB-1']);
  });

  it('pages through the matches with the cursor, each once', async () => {
    // Prepare
    const { apiKey } = await shopWithOrders('search-pages', [
      { ref: 'WEB-1', retailerId: 'r1' },
      { ref: 'POS-1', retailerId: 'r1' },
      { ref: 'WEB-2', retailerId: 'r1' },
      { ref: 'WEB-3', retailerId: 'r1' },
    ]);

    // Act
    const first = await api.listOrders(apiKey, { ref: 'WEB', limit: '2' });
    const second = await api.listOrders(apiKey, { ref: 'WEB', limit: '2', cursor: first.body.cursor });

    // Assess
    expect(refsOf(first.body)).toEqual(['WEB-3', 'WEB-2']);
    expect(refsOf(second.body)).toEqual(['WEB-1']);
    expect(second.body).not.toHaveProperty('cursor');
  });

  it.each([
    ['an empty ref', ''],
    ['a ref over 200 characters', 'R'.repeat(201)],
  ])('answers 400 naming ref for %s', async (_case, ref) => {
    // Prepare
    const { apiKey } = await newAccount('search-bad');

    // Act
    const response = await api.listOrders(apiKey, { ref });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('ref');
  });
});

describe('a search by ref prefix on a large table', () => {
  const TABLE = `ordo-sandbox-acct-search-${process.pid}-${Date.now()}`;
  const documents = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
  const index = new DynamoEntityIndex(documents, TABLE);

  /** One matching order, older than SEARCH_READ_LIMIT + 100 orders that do not match. */
  beforeAll(async () => {
    await documents.send(new CreateTableCommand(accountTableSchema(TABLE)));
    const createdOn = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
    const orders = [
      anOrderEntity('NEEDLE-1', { createdOn: createdOn(0), updatedOn: createdOn(0) }),
      ...Array.from({ length: SEARCH_READ_LIMIT + 100 }, (_, i) => anOrderEntity(`HAY-${i}`, { createdOn: createdOn(i + 1), updatedOn: createdOn(i + 1) })),
    ];
    for (let i = 0; i < orders.length; i += 25) {
      const requests = orders.slice(i, i + 25).map((order) => ({ PutRequest: { Item: entityItem(order) } }));
      await documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
    }
  });

  afterAll(async () => {
    await documents.send(new DeleteTableCommand({ TableName: TABLE }));
  });

  it('reads at most SEARCH_READ_LIMIT orders per call, answering a short page with a cursor', async () => {
    // Act
    const first = await index.list({ entityType: 'ORDER', refPrefix: 'NEEDLE', limit: 25 });

    // Assess
    expect(first.items).toEqual([]);
    expect(first.cursor).toEqual(expect.any(String));
  });

  it('finds the match past the bound on the next call', async () => {
    // Prepare
    const first = await index.list({ entityType: 'ORDER', refPrefix: 'NEEDLE', limit: 25 });

    // Act
    const second = await index.list({ entityType: 'ORDER', refPrefix: 'NEEDLE', limit: 25, cursor: first.cursor });

    // Assess
    expect(second.items.map((order) => order.ref)).toEqual(['NEEDLE-1']);
    expect(second.cursor).toBeUndefined();
  });
});
