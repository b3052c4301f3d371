import { handler as listOrders } from '../../functions/orders/list-orders';
import { invoke } from '../support/api-gateway-event';
import { api as controlPlane, newAccount, TEST_RETAILERS } from './control-plane-api';
import { hdOrder, LONDON } from '../support/order-builder';
import {
  RETAILER,
  fulfilmentEvent,
  orderEventSync,
  ordersApi as api,
  positionOf,
  seedCatalog,
  uploadReferenceWorkflows,
} from './orders-api';

// Account creation (a new table) and seeding take seconds on DynamoDB Local.
jest.setTimeout(20_000);

const CAMDEN = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };

/**
 * Account A has an ALLOCATED order O-1 (fulfilment O-1-F1 at Camden); account B has the same
 * retailer id, workflows and location refs, but no stock.
 */
const twoAccounts = async (prefix: string) => {
  const a = await newAccount(`${prefix}-a`);
  const b = await newAccount(`${prefix}-b`);
  for (const { apiKey } of [a, b]) await uploadReferenceWorkflows(apiKey);
  await seedCatalog(a.apiKey, [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 5 }]);
  await seedCatalog(b.apiKey, [CAMDEN], []);
  const created = await api.createOrder(a.apiKey, hdOrder('O-1', [{ skuRef: 'TEE', qty: 2 }]));
  if (created.body.status !== 'ALLOCATED') throw new Error(`order setup failed: ${created.raw}`);
  return { a, b };
};

describe('orders and availability are isolated between accounts', () => {
  it('answers 404 to another account reading the order', async () => {
    // Prepare
    const { a, b } = await twoAccounts('iso-read');

    // Act
    const response = await api.getOrder(b.apiKey, 'O-1');

    // Assess
    expect(response.status).toBe(404);
    expect(response.raw).not.toContain('ada.lovelace');
    expect((await api.transitions(b.apiKey, 'O-1')).status).toBe(404);
    expect((await api.getFulfilment(b.apiKey, 'O-1', 'O-1-F1')).status).toBe(404);
    expect((await api.getOrder(a.apiKey, 'O-1')).status).toBe(200);
  });

  it("does not list another account's orders", async () => {
    // Prepare
    const { a, b } = await twoAccounts('iso-list');

    // Act
    const all = await api.listOrders(b.apiKey);
    const allocated = await api.listOrders(b.apiKey, { status: 'ALLOCATED' });

    // Assess
    expect(all.body.items).toEqual([]);
    expect(allocated.body.items).toEqual([]);
    expect((await api.listOrders(a.apiKey)).body.items.map((order: { ref: string }) => order.ref)).toEqual(['O-1']);
  });

  it("answers NO_MATCH to another account's events for the order's refs and leaves the order as it was", async () => {
    // Prepare
    const { a, b } = await twoAccounts('iso-events');

    // Act
    const picked = await fulfilmentEvent(b.apiKey, 'O-1', 'O-1-F1', 'PICKED');
    const cancelled = await orderEventSync(b.apiKey, 'O-1', 'CANCEL');

    // Assess
    expect(picked.body.status).toBe('NO_MATCH');
    expect(cancelled.body.status).toBe('NO_MATCH');
    const order = await api.getOrder(a.apiKey, 'O-1');
    expect(order.body).toMatchObject({ status: 'ALLOCATED', fulfilments: [{ ref: 'O-1-F1', status: 'CREATED' }] });
    expect(await positionOf(a.apiKey, 'TEE', 'CAMDEN')).toMatchObject({ onHand: 5, reserved: 2 });
  });

  it("does not see another account's stock when checking availability", async () => {
    // Prepare
    const { a, b } = await twoAccounts('iso-avail');
    const request = { retailerId: RETAILER, type: 'HD', deliveryPoint: LONDON, lines: [{ skuRef: 'TEE', qty: 1 }] };

    // Act
    const inB = await api.checkAvailability(b.apiKey, request);

    // Assess
    expect(inB.status).toBe(200);
    expect(inB.body).toEqual({ available: false, plans: [], shortfalls: [{ skuRef: 'TEE', requested: 1, available: 0 }] });
    expect((await api.checkAvailability(a.apiKey, request)).body.available).toBe(true);
  });
});

describe('retailer-scoped keys', () => {
  it("answers 404 to a key scoped to another retailer reading an order, and 400 to a cursor from another listing", async () => {
    // Prepare
    const admin = await newAccount('scope', { retailers: [...TEST_RETAILERS, 'someone-else'] });
    await uploadReferenceWorkflows(admin.apiKey);
    await seedCatalog(admin.apiKey, [CAMDEN], [{ locationRef: 'CAMDEN', skuRef: 'TEE', onHand: 5 }]);
    await api.createOrder(admin.apiKey, hdOrder('S-1', [{ skuRef: 'TEE', qty: 1 }]));
    await api.createOrder(admin.apiKey, hdOrder('S-2', [{ skuRef: 'TEE', qty: 1 }]));
    const otherRetailer = (await controlPlane.createApiKey(admin.apiKey, { role: 'READONLY', retailerId: 'someone-else' })).body.apiKey;
    const firstPage = await invoke(listOrders, { method: 'GET', resource: '/v1/orders', query: { limit: '1' }, apiKey: admin.apiKey });

    // Act
    const read = await api.getOrder(otherRetailer, 'S-1');
    const wrongListing = await invoke(listOrders, {
      method: 'GET',
      resource: '/v1/orders',
      query: { status: 'ALLOCATED', cursor: firstPage.body.cursor },
      apiKey: admin.apiKey,
    });

    // Assess
    expect(read.status).toBe(404);
    expect(firstPage.body.cursor).toEqual(expect.any(String));
    expect(wrongListing.status).toBe(400);
    expect(wrongListing.body.error.field).toBe('cursor');
  });
});
