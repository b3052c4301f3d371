import { anOrder, orderLines } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { WebhookReceiver } from '../support/webhook-receiver';
import { inventoryPositionWorkflow } from '../../shared/domain/inventory/reference-workflows/inventory-reference-workflows';
import { http, operatorKey, type HttpReply } from './http-client';

/**
 * A merchant's first week on the running local stack, from a fresh account: register a retailer, take an order,
 * amend it as a customer and a store would, ship it, and take a unit back.
 */
const RETAILER = 'journey-retail';
// London: the customer; Camden ≈ 3.7 km and Croydon ≈ 14.7 km away both stock everything.
const london = { line1: '12 Analytical Row', city: 'London', postcode: 'N1 9GU', country: 'GB', lat: 51.5074, lon: -0.1278 };
const croydon = { line1: '1 Surrey Street', city: 'Croydon', postcode: 'CR0 1RG', country: 'GB', lat: 51.372, lon: -0.1 };
const STORES = [
  { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 },
  { ref: 'CROYDON', lat: 51.3762, lon: -0.0982 },
];
// Sourcing reads the account's locations from a per-container copy kept for a while, so every location is made first.
const HOLBORN = { ref: 'HOLBORN', lat: 51.517, lon: -0.12 };
const SKUS = ['TEE', 'MUG', 'CAP'];

let apiKey = '';
let receiver: WebhookReceiver;

const ok = async (reply: Promise<HttpReply>, status = 200): Promise<HttpReply> => {
  const settled = await reply;
  expect({ status: settled.status, error: settled.body.error }).toEqual({ status, error: undefined });
  return settled;
};
const event = (body: Record<string, unknown>) => ok(http('POST', '/v1/events/sync', { apiKey, body: { retailerId: RETAILER, ...body } }));
const orderEvent = (name: string, attributes?: Record<string, unknown>) =>
  event({ name, entityType: 'ORDER', entitySubtype: 'HD', entityRef: 'J-1', ...(attributes ? { attributes } : {}) });
const fulfilmentEvent = (ref: string, name: string) =>
  event({ name, entityType: 'FULFILMENT', entitySubtype: 'HD', entityRef: ref, rootEntityType: 'ORDER', rootEntityRef: 'J-1' });
const returnEvent = (name: string, attributes?: Record<string, unknown>) =>
  event({ name, entityType: 'RETURN_ORDER', entitySubtype: 'DEFAULT', entityRef: 'J-1-R1', rootEntityType: 'RETURN_ORDER', rootEntityRef: 'J-1-R1', ...(attributes ? { attributes } : {}) });
const order = async () => (await ok(http('GET', `/v1/orders/J-1?retailerId=${RETAILER}`, { apiKey }))).body;
const onHand = async (skuRef: string, locationRef: string) =>
  ((await ok(http('GET', `/v1/inventory?skuRef=${skuRef}&locationRef=${locationRef}`, { apiKey }))).body.items[0] as { onHand: number; reserved: number });
const live = (fulfilments: { ref: string; status: string; locationRef: string }[]) => fulfilments.filter((f) => f.status !== 'CANCELLED');

beforeAll(async () => {
  const account = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: `e2e-journey-${Date.now() % 100_000}` } });
  apiKey = account.body.apiKey as string;
  for (const { ref, lat, lon } of [...STORES, HOLBORN]) {
    await ok(http('PUT', `/v1/locations/${ref}`, { apiKey, body: { type: 'STORE', name: ref, lat, lon } }));
  }
  receiver = await WebhookReceiver.start();
});

afterAll(async () => {
  await receiver.close();
});

describe('an order from registration to a return, on the running local stack', () => {
  it('registers a retailer, amends, re-sources, ships and takes back a unit, each step seen through the API', async () => {
    // Prepare: a retailer with the reference workflows, stock in two stores, a webhook for returns.
    const registered = await ok(http('PUT', `/v1/retailers/${RETAILER}`, { apiKey, body: { name: 'Journey Retail' } }), 201);
    expect(registered.body.workflows.map((w: { entityType: string; subtype: string }) => `${w.entityType}/${w.subtype}`).sort()).toEqual([
      'ORDER/CC',
      'ORDER/HD',
      'RETURN_ORDER/DEFAULT',
    ]);
    for (const { ref } of STORES) {
      for (const skuRef of SKUS) await ok(http('PUT', `/v1/inventory/${ref}/${skuRef}`, { apiKey, body: { onHand: 10 } }));
    }
    await ok(http('POST', '/v1/webhooks', { apiKey, body: { url: receiver.url().href, events: ['return.received'], retailerId: RETAILER } }), 201);

    // Act and Assess, step by step.
    // 1. An HD order to London goes to Camden.
    const placed = await ok(
      http('POST', '/v1/orders?mode=sync', {
        apiKey,
        body: anOrder({ ref: 'J-1', retailerId: RETAILER, deliveryAddress: london, lines: orderLines([{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }, { skuRef: 'CAP', qty: 1 }]) }),
      }),
      201,
    );
    expect(placed.body).toMatchObject({ status: 'ALLOCATED', fulfilments: [{ ref: 'J-1-F1', locationRef: 'CAMDEN' }] });

    // 2. The customer drops the cap: the line is cancelled and its unit released.
    expect((await orderEvent('CANCEL_LINES', { lines: [{ lineRef: 'L3', qty: 1 }] })).body.status).toBe('SUCCESS');
    const afterCancel = await order();
    expect(afterCancel.lines[2]).toMatchObject({ lineRef: 'L3', qty: 0, cancelledQty: 1 });
    expect(afterCancel.fulfilments[0].lines).toEqual([{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }]);
    expect(await onHand('CAP', 'CAMDEN')).toMatchObject({ reserved: 0 });

    // 3. The customer moves to Croydon: Croydon is nearer now, so the order is re-sourced there.
    expect((await orderEvent('CHANGE_ADDRESS', { deliveryAddress: croydon })).body.status).toBe('SUCCESS');
    const afterMove = await order();
    expect(afterMove.deliveryAddress).toMatchObject({ city: 'Croydon' });
    expect(live(afterMove.fulfilments)).toEqual([expect.objectContaining({ ref: 'J-1-F2', locationRef: 'CROYDON' })]);
    expect(await onHand('TEE', 'CAMDEN')).toMatchObject({ reserved: 0 });

    // 4. Croydon cannot do it after all: the fulfilment is cancelled and its lines go back to Camden.
    expect((await fulfilmentEvent('J-1-F2', 'CANCEL')).body.status).toBe('SUCCESS');
    const afterStoreCancel = await order();
    expect(afterStoreCancel.status).toBe('ALLOCATED');
    expect(live(afterStoreCancel.fulfilments)).toEqual([
      expect.objectContaining({ ref: 'J-1-F3', locationRef: 'CAMDEN', lines: [{ skuRef: 'TEE', qty: 2 }, { skuRef: 'MUG', qty: 1 }] }),
    ]);

    // 5. Camden ships the rest.
    for (const name of ['PICKED', 'PACKED', 'SHIPPED']) expect((await fulfilmentEvent('J-1-F3', name)).body.status).toBe('SUCCESS');
    expect((await order()).status).toBe('COMPLETE');
    expect(await onHand('TEE', 'CAMDEN')).toMatchObject({ onHand: 8, reserved: 0 });

    // 6. One T-shirt comes back resaleable to Camden: it is on hand again, and a payment system hears how much to refund.
    const opened = await ok(
      http('POST', '/v1/returns', { apiKey, body: { ref: 'J-1-R1', orderRef: 'J-1', retailerId: RETAILER, returnLocationRef: 'CAMDEN', lines: [{ lineRef: 'L1', qty: 1, reason: 'too small' }] } }),
      201,
    );
    expect(opened.body.status).toBe('CREATED');
    expect((await returnEvent('AUTHORISE')).body.status).toBe('SUCCESS');
    const received = await returnEvent('RECEIVE', { lines: [{ lineRef: 'L1', condition: 'RESALEABLE' }] });
    expect(received.body.status).toBe('SUCCESS');
    expect(await onHand('TEE', 'CAMDEN')).toMatchObject({ onHand: 9 });
    const returned = await ok(http('GET', `/v1/returns/J-1-R1?retailerId=${RETAILER}`, { apiKey }));
    expect(returned.body).toMatchObject({ status: 'COMPLETE', refundableAmount: 12.5 });
    expect((await order()).returns).toEqual([{ ref: 'J-1-R1', status: 'COMPLETE' }]);

    // 7. The audit log of the RECEIVE shows the restock and return.received; the webhook carries it out.
    const trail = await ok(http('GET', `/v1/events/${received.body.eventId}?retailerId=${RETAILER}`, { apiKey }));
    expect(JSON.stringify(trail.body)).toContain('return.received');
    const delivered = await waitFor(async () => receiver.received.map((message) => JSON.parse(message.body) as { type: string; data: unknown }), {
      description: 'the return.received webhook',
      until: (messages) => messages.some((message) => message.type === 'return.received'),
      timeoutMs: 20_000,
      intervalMs: 250,
    });
    expect(delivered.find((message) => message.type === 'return.received')?.data).toMatchObject({ return: { ref: 'J-1-R1', refundableAmount: 12.5 } });
  }, 120_000);

  it('with partial allocation on, ships what is in stock now and sources the backorder when a batch brings the rest', async () => {
    // Prepare: a second retailer with partial allocation, its position workflow driven by stock changes.
    const retailerId = 'journey-partial';
    await ok(http('PUT', `/v1/retailers/${retailerId}`, { apiKey, body: { name: 'Partial Retail' } }), 201);
    const position = inventoryPositionWorkflow(retailerId);
    await ok(http('PUT', `/v1/workflows/${position.entityType}/${position.subtype}`, { apiKey, body: position }), 201);
    for (const name of ['order.partialAllocation', 'inventory.stockChangesDrivePositionWorkflow']) {
      await ok(http('PUT', `/v1/settings/${name}`, { apiKey, body: { value: true, retailerId } }));
    }
    await ok(http('PUT', '/v1/inventory/HOLBORN/LAMP', { apiKey, body: { onHand: 5 } }));
    const placed = await ok(
      http('POST', '/v1/orders?mode=sync', {
        apiKey,
        body: anOrder({ ref: 'P-1', retailerId, deliveryAddress: london, lines: orderLines([{ skuRef: 'LAMP', qty: 1 }, { skuRef: 'SHADE', qty: 2 }]) }),
      }),
      201,
    );
    expect(placed.body).toMatchObject({
      status: 'AWAITING_STOCK',
      fulfilments: [{ ref: 'P-1-F1', locationRef: 'HOLBORN', lines: [{ skuRef: 'LAMP', qty: 1 }] }],
      backorders: [{ ref: 'P-1-F2', status: 'AWAITING_STOCK', lines: [{ skuRef: 'SHADE', qty: 2 }] }],
    });

    // Act: shades arrive in a stock batch.
    const job = await ok(http('POST', '/v1/jobs', { apiKey, body: { name: 'shades', retailerId } }), 201);
    await ok(
      http('POST', `/v1/jobs/${job.body.jobId}/batches`, {
        apiKey,
        body: { entityType: 'INVENTORY', action: 'UPSERT', entities: [{ skuRef: 'SHADE', locationRef: 'HOLBORN', qty: 4 }] },
      }),
      202,
    );

    // Assess
    const sourced = await waitFor(async () => (await ok(http('GET', `/v1/orders/P-1?retailerId=${retailerId}`, { apiKey }))).body, {
      description: 'the backorder to be sourced',
      until: (order) => order.status === 'ALLOCATED',
      timeoutMs: 60_000,
      intervalMs: 1_000,
    });
    expect(sourced.backorders).toEqual([{ ref: 'P-1-F2', status: 'SOURCED', lines: [{ skuRef: 'SHADE', qty: 2 }] }]);
    expect(sourced.fulfilments).toEqual([
      expect.objectContaining({ ref: 'P-1-F1', lines: [{ skuRef: 'LAMP', qty: 1 }] }),
      expect.objectContaining({ ref: 'P-1-F3', locationRef: 'HOLBORN', lines: [{ skuRef: 'SHADE', qty: 2 }] }),
    ]);
  }, 120_000);
});
