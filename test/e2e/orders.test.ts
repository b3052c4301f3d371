import { referenceWorkflows } from '../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { DEMO_RETAILER, demoSkus } from '../../scripts/local-stack/demo-catalog';
import { anOrder, ccOrder, orderLines } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { demoKey, http, operatorKey, registerRetailer } from './http-client';

const leeds = { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.7997, lon: -1.5492 };

const fulfilmentEvent = (apiKey: string, type: 'HD' | 'CC', orderRef: string, ref: string, name: string, attributes?: object) =>
  http('POST', '/v1/events/sync', {
    apiKey,
    body: {
      name,
      retailerId: DEMO_RETAILER,
      entityType: 'FULFILMENT',
      entitySubtype: type,
      entityRef: ref,
      rootEntityType: 'ORDER',
      rootEntityRef: orderRef,
      ...(attributes ? { attributes } : {}),
    },
  });

const position = async (apiKey: string, skuRef: string, locationRef: string) =>
  (await http('GET', `/v1/inventory?skuRef=${skuRef}&locationRef=${locationRef}`, { apiKey })).body.items[0];

describe('orders on the running local stack', () => {
  it('takes an HD order of 3 lines from creation through PICKED, PACKED and SHIPPED to COMPLETE, consuming its stock', async () => {
    // Prepare
    const ref = `E2E-HD-${Date.now()}`;
    const lines = orderLines(['SKU-011', 'SKU-012', 'SKU-013'].map((skuRef) => ({ skuRef, qty: 1, unitPrice: 9.99 })));

    // Act
    const accepted = await http('POST', '/v1/orders', {
      apiKey: demoKey(),
      body: anOrder({ ref, retailerId: DEMO_RETAILER, deliveryAddress: leeds, lines }),
    });
    const allocated = await waitFor(() => http('GET', `/v1/orders/${ref}`, { apiKey: demoKey() }), {
      description: 'sourcing through the queue',
      until: (reply) => reply.status === 200 && reply.body.status === 'ALLOCATED',
      timeoutMs: 60_000,
      intervalMs: 1_000,
    });
    const fulfilments = allocated.body.fulfilments as { ref: string; locationRef: string; lines: { skuRef: string; qty: number }[] }[];
    const before = await Promise.all(
      fulfilments.flatMap((f) => f.lines.map((line) => position(demoKey(), line.skuRef, f.locationRef))),
    );
    for (const fulfilment of fulfilments) {
      for (const name of ['PICKED', 'PACKED', 'SHIPPED']) {
        expect((await fulfilmentEvent(demoKey(), 'HD', ref, fulfilment.ref, name)).body.status).toBe('SUCCESS');
      }
    }

    // Assess
    expect(accepted.status).toBe(201);
    const order = await http('GET', `/v1/orders/${ref}`, { apiKey: demoKey() });
    expect(order.body.status).toBe('COMPLETE');
    expect(order.body.fulfilments.every((f: { status: string }) => f.status === 'SHIPPED')).toBe(true);
    const after = await Promise.all(
      fulfilments.flatMap((f) => f.lines.map((line) => position(demoKey(), line.skuRef, f.locationRef))),
    );
    after.forEach((now, index) => {
      expect(now.onHand).toBe(before[index].onHand - 1);
      expect(now.reserved).toBe(before[index].reserved - 1);
    });
  }, 120_000);

  it('takes a CC order to COLLECTED, and expires another whose parcel is not collected, releasing its reservation', async () => {
    // Prepare
    // One of the demo catalogue's SKUs: other suites stock SKUs of their own at ST-LEEDS in the
    // same account, and collecting one of those would change counts they assert.
    const stocked = (await http('GET', '/v1/inventory?locationRef=ST-LEEDS', { apiKey: demoKey() })).body.items.filter(
      (p: { skuRef: string; available: number }) => demoSkus.includes(p.skuRef) && p.available >= 2,
    );
    const skuRef = stocked[0].skuRef as string;
    const place = (ref: string) =>
      http('POST', '/v1/orders?mode=sync', {
        apiKey: demoKey(),
        body: ccOrder(ref, 'ST-LEEDS', [{ skuRef, qty: 1, unitPrice: 5 }], DEMO_RETAILER),
      });
    const collectedRef = `E2E-CC-${Date.now()}`;
    const expiringRef = `${collectedRef}-X`;
    const reservedBefore = (await position(demoKey(), skuRef, 'ST-LEEDS')).reserved;

    // Act
    await place(collectedRef);
    for (const name of ['PICKED', 'READY_FOR_PICKUP', 'COLLECTED']) await fulfilmentEvent(demoKey(), 'CC', collectedRef, `${collectedRef}-F1`, name);
    await place(expiringRef);
    await fulfilmentEvent(demoKey(), 'CC', expiringRef, `${expiringRef}-F1`, 'PICKED');
    await fulfilmentEvent(demoKey(), 'CC', expiringRef, `${expiringRef}-F1`, 'READY_FOR_PICKUP', {
      expiresAt: new Date(Date.now() + 1_000).toISOString(),
    });
    // The sweeper runs on each minute boundary, then the queue delivers EXPIRE.
    const expired = await waitFor(() => http('GET', `/v1/orders/${expiringRef}`, { apiKey: demoKey() }), {
      description: 'the pickup expiry',
      until: (reply) => reply.body.status === 'EXPIRED',
      timeoutMs: 110_000,
      intervalMs: 1_000,
    });

    // Assess
    expect((await http('GET', `/v1/orders/${collectedRef}`, { apiKey: demoKey() })).body.status).toBe('COLLECTED');
    expect(expired.body.fulfilments[0].status).toBe('EXPIRED');
    expect((await position(demoKey(), skuRef, 'ST-LEEDS')).reserved).toBe(reservedBefore);
  }, 150_000);

  it('never oversells: 200 concurrent orders of 1 unit against 50 units leave exactly 50 holding a reservation', async () => {
    // Prepare
    // Made by globalSetup before the other files' writes, which would make each of its writes slower on DynamoDB Local.
    const apiKey = process.env.ORDO_E2E_OVERSELL_KEY ?? '';
    await registerRetailer(apiKey, 'r1');
    for (const workflow of referenceWorkflows('r1')) {
      await http('PUT', `/v1/workflows/ORDER/${workflow.subtype}`, { apiKey, body: workflow });
    }
    await http('PUT', '/v1/locations/W1', { apiKey, body: { type: 'WAREHOUSE', name: 'Only warehouse', lat: 52, lon: -1 } });
    await http('PUT', '/v1/inventory/W1/HOT', { apiKey, body: { onHand: 50 } });

    // Act
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        http('POST', '/v1/orders?mode=sync', {
          apiKey,
          body: anOrder({ ref: `HOT-${i}`, retailerId: 'r1', deliveryAddress: leeds, lines: orderLines([{ skuRef: 'HOT', qty: 1, unitPrice: 1 }]) }),
        }),
      ),
    );

    // Assess
    expect(replies.filter((reply) => reply.status !== 201)).toEqual([]);
    const statuses = replies.map((reply) => reply.body.status as string);
    expect(statuses.filter((status) => status === 'ALLOCATED')).toHaveLength(50);
    expect(statuses.filter((status) => status === 'AWAITING_STOCK')).toHaveLength(150);
    const withReservation = replies.filter((reply) => reply.body.fulfilments.length === 1);
    expect(withReservation).toHaveLength(50);
    expect(await position(apiKey, 'HOT', 'W1')).toMatchObject({ onHand: 50, reserved: 50, available: 0 });
  }, 180_000);

  it('takes the same order ref from two retailers of one account, 201 both, and asks an unscoped read to name the retailer', async () => {
    // Prepare
    const account = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: `e2e-ns-${Date.now() % 100_000}` } });
    const apiKey = account.body.apiKey as string;
    for (const retailerId of ['r1', 'r2']) {
      await registerRetailer(apiKey, retailerId);
      for (const workflow of referenceWorkflows(retailerId)) {
        await http('PUT', `/v1/workflows/ORDER/${workflow.subtype}`, { apiKey, body: workflow });
      }
    }
    await http('PUT', '/v1/locations/W1', { apiKey, body: { type: 'WAREHOUSE', name: 'Only warehouse', lat: 52, lon: -1 } });
    await http('PUT', '/v1/inventory/W1/TEE', { apiKey, body: { onHand: 5 } });
    const order = (retailerId: string, unitPrice: number) =>
      anOrder({ ref: 'SHARED-1', retailerId, deliveryAddress: leeds, lines: orderLines([{ skuRef: 'TEE', qty: 1, unitPrice }]) });

    // Act
    const first = await http('POST', '/v1/orders?mode=sync', { apiKey, body: order('r1', 1.5) });
    const second = await http('POST', '/v1/orders?mode=sync', { apiKey, body: order('r2', 2.5) });

    // Assess
    expect([first.status, second.status]).toEqual([201, 201]);
    const unnamed = await http('GET', '/v1/orders/SHARED-1', { apiKey });
    expect(unnamed.status).toBe(409);
    expect(unnamed.body.error).toMatchObject({ code: 'AMBIGUOUS_REF', field: 'retailerId' });
    const named = await http('GET', '/v1/orders/SHARED-1?retailerId=r2', { apiKey });
    expect(named.body).toMatchObject({ retailerId: 'r2', lines: [{ skuRef: 'TEE', unitPrice: 2.5 }] });
  }, 60_000);
});
