import { referenceWorkflows } from '../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { inventoryPositionWorkflow } from '../../shared/domain/inventory/reference-workflows/inventory-reference-workflows';
import { anOrder, orderLines } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { http, operatorKey, registerRetailer } from './http-client';

const RETAILER = 'e2e-restock';

describe('a stock batch on the running local stack, with an inventory position workflow', () => {
  it('allocates an HD order that was waiting in AWAITING_STOCK once a batch brings its SKU into stock', async () => {
    // Prepare
    const accountId = `e2e-restock-${Date.now().toString(36)}`;
    const apiKey = (await http('POST', '/v1/accounts', { apiKey: operatorKey(), body: { accountId } })).body.apiKey as string;
    await registerRetailer(apiKey, RETAILER);
    for (const workflow of [...referenceWorkflows(RETAILER), inventoryPositionWorkflow(RETAILER)]) {
      await http('PUT', `/v1/workflows/${workflow.entityType}/${workflow.subtype}`, { apiKey, body: workflow });
    }
    const driven = await http('PUT', '/v1/settings/inventory.stockChangesDrivePositionWorkflow', { apiKey, body: { value: true, retailerId: RETAILER } });
    expect(driven.status).toBe(200);
    await http('PUT', '/v1/locations/WH-1', { apiKey, body: { type: 'WAREHOUSE', name: 'Leeds DC', lat: 53.8, lon: -1.55 } });
    const order = await http('POST', '/v1/orders?mode=sync', {
      apiKey,
      body: anOrder({
        ref: 'RESTOCK-1',
        retailerId: RETAILER,
        deliveryAddress: { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.8, lon: -1.55 },
        lines: orderLines([{ skuRef: 'NEW-SKU', qty: 2, unitPrice: 5 }]),
      }),
    });
    const job = await http('POST', '/v1/jobs', { apiKey, body: { name: 'restock', retailerId: RETAILER } });

    // Act
    const batch = await http('POST', `/v1/jobs/${job.body.jobId}/batches`, {
      apiKey,
      body: { entityType: 'INVENTORY', action: 'UPSERT', entities: [{ skuRef: 'NEW-SKU', locationRef: 'WH-1', qty: 5 }] },
    });
    const allocated = await waitFor(() => http('GET', '/v1/orders/RESTOCK-1', { apiKey }), {
      description: 'the order to be re-sourced',
      until: (reply) => reply.body.status === 'ALLOCATED',
      timeoutMs: 120_000,
      intervalMs: 1_000,
    });

    // Assess
    expect(order.body.status).toBe('AWAITING_STOCK');
    expect(batch.status).toBe(202);
    expect(allocated.body.fulfilments).toEqual([expect.objectContaining({ locationRef: 'WH-1', lines: [expect.objectContaining({ skuRef: 'NEW-SKU', qty: 2 })] })]);
    const stock = await http('GET', '/v1/inventory?skuRef=NEW-SKU', { apiKey });
    expect(stock.body.items).toEqual([expect.objectContaining({ onHand: 5, reserved: 2, available: 3 })]);
    const positionEvents = await http('GET', '/v1/events?rootEntityRef=NEW-SKU@WH-1', { apiKey });
    expect(positionEvents.body.items.map((event: { name: string; status: string }) => `${event.name}:${event.status}`).sort()).toEqual([
      'CREATE:SUCCESS',
      'INVENTORY_CHANGED:SUCCESS',
    ]);
  }, 180_000);
});
