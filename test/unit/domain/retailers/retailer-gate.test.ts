import { builtInPermissions } from '../../../../shared/domain/accounts/roles';
import { createJob } from '../../../../shared/domain/jobs/manage-jobs';
import { uploadWorkflow } from '../../../../shared/domain/orchestration/workflows';
import { createOrder } from '../../../../shared/domain/orders/create-order';
import { referenceWorkflows } from '../../../../shared/domain/orders/reference-workflows/order-reference-workflows';
import { KnownRetailers, RetailerNotFoundError } from '../../../../shared/domain/retailers/retailer-gate';
import type { RetailerRecord } from '../../../../shared/domain/retailers/retailer';
import { FixedDataKeys } from '../../../support/data-keys';
import { fakeJobDeps } from '../../../support/jobs';
import { inMemoryOrchestration } from '../../../support/orchestration';
import { anOrder } from '../../../support/order-builder';
import { orderWorkflow } from '../../engine/fixtures/workflows';

const admin = { permissions: builtInPermissions('ADMIN') };
const registeredOnly = (...retailers: string[]) => inMemoryOrchestration('acme', { workflows: referenceWorkflows('r1'), retailers });

describe('the registered-retailer gate', () => {
  it('refuses an order for a retailer the account never registered with RETAILER_NOT_FOUND, queueing nothing', async () => {
    // Prepare
    const account = registeredOnly('someone-else');

    // Act
    const attempt = createOrder({ order: anOrder({ ref: 'A-1', retailerId: 'r1' }), mode: 'async' }, admin, { ...account, dataKeys: new FixedDataKeys(1) });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RetailerNotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: 'RETAILER_NOT_FOUND', field: 'retailerId' });
    expect(account.queue.sent).toEqual([]);
  });

  it('refuses a workflow for an unregistered retailer and stores no version', async () => {
    // Prepare
    const account = registeredOnly();
    const workflow = { ...orderWorkflow(), retailerId: 'r2' };

    // Act
    const attempt = uploadWorkflow({ entityType: workflow.entityType, subtype: workflow.subtype, workflow }, {}, account);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'RETAILER_NOT_FOUND' });
    expect(await account.workflows.listVersions('r2')).toEqual([]);
  });

  it('refuses a job for an unregistered retailer and creates none', async () => {
    // Prepare
    const deps = fakeJobDeps({ retailers: ['r1'] });

    // Act
    const attempt = createJob({ name: 'Nightly stock', retailerId: 'r9' }, {}, deps);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'RETAILER_NOT_FOUND' });
    expect(deps.journal).toEqual([]);
  });
});

describe('KnownRetailers', () => {
  const record = (retailerId: string): RetailerRecord => ({ retailerId, name: retailerId, template: 'none', createdOn: 'x', updatedOn: 'x' });

  it('asks the registry once for a registered retailer, then answers from memory', async () => {
    // Prepare
    const get = jest.fn(async (retailerId: string) => record(retailerId));
    const known = new KnownRetailers({ get });

    // Act
    const answers = [await known.isRegistered('r1'), await known.isRegistered('r1')];

    // Assess
    expect(answers).toEqual([true, true]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('asks again about a retailer it found unregistered, so one registered since is accepted at once', async () => {
    // Prepare
    let registered = false;
    const known = new KnownRetailers({ get: async (retailerId) => (registered ? record(retailerId) : undefined) });
    const before = await known.isRegistered('r1');
    registered = true;

    // Act
    const after = await known.isRegistered('r1');

    // Assess
    expect([before, after]).toEqual([false, true]);
  });
});
