import { anOrder, orderLines } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { http, operatorKey } from './http-client';

const leeds = { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.7997, lon: -1.5492 };

describe('retailers on the running local stack', () => {
  it('registers a retailer of a fresh account with the reference workflows, so its first HD order is allocated', async () => {
    // Prepare
    const account = await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId: `e2e-ret-${Date.now() % 100_000}` } });
    const apiKey = account.body.apiKey as string;
    await http('PUT', '/v1/locations/W1', { apiKey, body: { type: 'WAREHOUSE', name: 'Leeds warehouse', lat: 53.8, lon: -1.55 } });
    await http('PUT', '/v1/inventory/W1/TEE', { apiKey, body: { onHand: 5 } });

    // Act
    const registered = await http('PUT', '/v1/retailers/north', { apiKey, body: { name: 'North Shop' } });
    const placed = await http('POST', '/v1/orders', {
      apiKey,
      body: anOrder({ ref: 'NORTH-1', retailerId: 'north', deliveryAddress: leeds, lines: orderLines([{ skuRef: 'TEE', qty: 2 }]) }),
    });

    // Assess
    expect(registered.status).toBe(201);
    expect(registered.body.workflows).toEqual([
      { entityType: 'ORDER', subtype: 'CC', version: 1 },
      { entityType: 'ORDER', subtype: 'HD', version: 1 },
      { entityType: 'RETURN_ORDER', subtype: 'DEFAULT', version: 1 },
    ]);
    expect(placed.status).toBe(201);
    const order = await waitFor(() => http('GET', '/v1/orders/NORTH-1?retailerId=north', { apiKey }), {
      description: 'sourcing through the queue',
      until: (reply) => reply.status === 200 && reply.body.status === 'ALLOCATED',
      timeoutMs: 60_000,
      intervalMs: 1_000,
    });
    expect(order.body.fulfilments).toEqual([expect.objectContaining({ locationRef: 'W1', status: expect.any(String) })]);
    const listed = await http('GET', '/v1/retailers', { apiKey });
    expect(listed.body.items).toEqual([expect.objectContaining({ retailerId: 'north', name: 'North Shop', template: 'reference' })]);
  }, 90_000);
});
