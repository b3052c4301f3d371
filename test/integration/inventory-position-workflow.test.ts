import { inventoryPositionWorkflow } from '../../shared/domain/inventory/reference-workflows/inventory-reference-workflows';
import { peekQueuedEvents, runQueuedEvents } from '../support/events-queue';
import { STOCK_CHANGES_DRIVE_POSITION_WORKFLOW } from '../../shared/domain/settings/setting-catalogue';
import { newAccount } from './control-plane-api';
import { settingsApi } from './settings-api';
import { inventoryBatch, jobsApi as jobs, settledBatch } from './jobs-api';
import { orchestrationApi } from './orchestration-api';
import { hdOrder } from '../support/order-builder';
import { RETAILER, ordersApi as orders, positionOf, seedCatalog, uploadReferenceWorkflows } from './orders-api';

jest.setTimeout(60_000);

// Camden, about 3.7 km from the HD orders' London delivery point.
const CAMDEN = { ref: 'CAMDEN', lat: 51.539, lon: -0.1426 };

/**
 * An account with the reference order workflows, one store and no stock; optionally the position workflow too,
 * and the retailer's setting that lets stock changes drive it (on unless told otherwise).
 */
const shop = async (prefix: string, options: { positionWorkflow: boolean; driven?: boolean }) => {
  const account = await newAccount(prefix);
  await uploadReferenceWorkflows(account.apiKey);
  if (options.positionWorkflow) {
    const workflow = inventoryPositionWorkflow(RETAILER);
    const stored = await orchestrationApi.putWorkflow(account.apiKey, workflow.entityType, workflow.subtype, workflow);
    if (stored.status !== 201) throw new Error(`position workflow not stored: ${stored.raw}`);
  }
  if (options.driven ?? true) {
    const set = await settingsApi.put(account.apiKey, STOCK_CHANGES_DRIVE_POSITION_WORKFLOW, { value: true, retailerId: RETAILER });
    if (set.status !== 200) throw new Error(`setting not stored: ${set.raw}`);
  }
  await seedCatalog(account.apiKey, [CAMDEN], []);
  return account;
};

/** Posts a batch for the retailer and runs the chunk processor until the batch is final. */
const loadStock = async (apiKey: string, entities: { skuRef: string; locationRef: string; qty: number }[]) => {
  const job = await jobs.createJob(apiKey, { name: 'stock update', retailerId: RETAILER });
  const posted = await jobs.postBatch(apiKey, job.body.jobId as string, inventoryBatch(entities));
  return settledBatch(apiKey, job.body.jobId as string, posted.body.batchId as string);
};

describe('the inventory position workflow, on DynamoDB Local and the local queues', () => {
  it('allocates an HD order waiting in AWAITING_STOCK once a batch gives its SKU stock', async () => {
    // Prepare
    const { apiKey, accountId } = await shop('pos-wf-release', { positionWorkflow: true });
    const placed = await orders.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'LAMP', qty: 2 }]));
    expect(placed.body).toMatchObject({ status: 'AWAITING_STOCK' });
    const batch = await loadStock(apiKey, [{ skuRef: 'LAMP', locationRef: 'CAMDEN', qty: 5 }]);
    expect(batch.body).toMatchObject({ status: 'COMPLETE', applied: 1 });

    // Act
    const handled = await runQueuedEvents(accountId);

    // Assess
    expect(handled.map(({ event }) => event.name)).toEqual(['CREATE', 'INVENTORY_CHANGED', 'RETRY_SOURCING']);
    expect((await orders.getOrder(apiKey, 'O-1')).body).toMatchObject({ status: 'ALLOCATED' });
    expect(await positionOf(apiKey, 'LAMP', 'CAMDEN')).toMatchObject({ onHand: 5, reserved: 2 });
  });

  it('sends only INVENTORY_CHANGED, with the previous onHand, for a position that is an entity already', async () => {
    // Prepare
    const { apiKey, accountId } = await shop('pos-wf-existing', { positionWorkflow: true });
    await loadStock(apiKey, [{ skuRef: 'LAMP', locationRef: 'CAMDEN', qty: 5 }]);
    await runQueuedEvents(accountId);

    // Act
    await loadStock(apiKey, [{ skuRef: 'LAMP', locationRef: 'CAMDEN', qty: 8 }]);
    const handled = await runQueuedEvents(accountId);

    // Assess
    expect(handled.map(({ event }) => [event.name, event.entityRef, event.attributes?.previousOnHand])).toEqual([['INVENTORY_CHANGED', 'LAMP@CAMDEN', 5]]);
  });

  it('queues no event for a batch of an account without the INVENTORY_POSITION workflow', async () => {
    // Prepare
    const { apiKey, accountId } = await shop('pos-wf-none', { positionWorkflow: false });
    await orders.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'LAMP', qty: 2 }]));

    // Act
    const batch = await loadStock(apiKey, [{ skuRef: 'LAMP', locationRef: 'CAMDEN', qty: 5 }]);

    // Assess
    expect(batch.body).toMatchObject({ status: 'COMPLETE', applied: 1 });
    expect(await peekQueuedEvents(accountId)).toEqual([]);
    expect((await orders.getOrder(apiKey, 'O-1')).body).toMatchObject({ status: 'AWAITING_STOCK' });
  });

  it('queues no event while the retailer has not turned on stock changes driving its position workflow, the default', async () => {
    // Prepare
    const { apiKey, accountId } = await shop('pos-wf-off', { positionWorkflow: true, driven: false });
    await orders.createOrder(apiKey, hdOrder('O-1', [{ skuRef: 'LAMP', qty: 2 }]));

    // Act
    const batch = await loadStock(apiKey, [{ skuRef: 'LAMP', locationRef: 'CAMDEN', qty: 5 }]);

    // Assess
    expect(batch.body).toMatchObject({ status: 'COMPLETE', applied: 1 });
    expect(await peekQueuedEvents(accountId)).toEqual([]);
    expect((await orders.getOrder(apiKey, 'O-1')).body).toMatchObject({ status: 'AWAITING_STOCK' });
  });
});
